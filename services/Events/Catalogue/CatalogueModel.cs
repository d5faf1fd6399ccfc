using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Events.Infrastructure;

namespace Platform.Events.Catalogue;

internal sealed class PartnershipEventModel : IEntityTypeConfiguration<PartnershipEvent>
{
    public void Configure(EntityTypeBuilder<PartnershipEvent> e)
    {
        e.ToTable("partnership_event", t =>
        {
            // The hard limit lives here, not only in code: no interleaving of requests can commit an over-booking.
            t.HasCheckConstraint("ck_event_places", "places_taken >= 0 AND places_taken <= capacity");
            t.HasCheckConstraint("ck_event_choice_rules", "min_workshops >= 0 AND max_workshops >= min_workshops");
        });
        e.Property(x => x.Title).HasMaxLength(Limits.Title);
        e.Property(x => x.Summary).HasMaxLength(Limits.LongText);
        e.Property(x => x.Organiser).HasMaxLength(Limits.Name);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16).IsConcurrencyToken();
        e.ComplexProperty(x => x.Venue, v =>
        {
            v.Property(x => x.Name).HasMaxLength(Limits.Name).HasColumnName("venue_name");
            v.Property(x => x.Address).HasMaxLength(Limits.Address).HasColumnName("venue_address");
            v.Property(x => x.Postcode).HasMaxLength(Limits.Postcode).HasColumnName("venue_postcode");
            v.Property(x => x.District).HasMaxLength(Limits.Name).HasColumnName("venue_district");
            v.Property(x => x.AccessInformation).HasMaxLength(Limits.LongText).HasColumnName("venue_access_information");
            v.Property(x => x.TravelAndParking).HasMaxLength(Limits.LongText).HasColumnName("venue_travel_and_parking");
        });
        e.Property(x => x.Audience).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.InvitationCode).HasMaxLength(Limits.InvitationCode);
        e.HasMany(x => x.Sessions).WithOne().HasForeignKey(x => x.EventId);
        e.HasMany(x => x.Speakers).WithOne().HasForeignKey(x => x.EventId);
        e.HasIndex(x => new { x.Status, x.StartsAt });
        // An organisation user's list of their own events.
        e.HasIndex(x => new { x.OrganisationId, x.StartsAt }).HasFilter("organisation_id IS NOT NULL");
    }
}

internal sealed class SessionModel : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> e)
    {
        e.ToTable("session", t =>
            t.HasCheckConstraint("ck_session_places", "places_taken >= 0 AND (capacity IS NULL OR places_taken <= capacity)"));
        e.Property(x => x.Title).HasMaxLength(Limits.Title);
        e.Property(x => x.Description).HasMaxLength(Limits.LongText);
        e.Property(x => x.Room).HasMaxLength(Limits.Name);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
        // A jsonb value rather than an owned JSON type: the shared snake-case convention would rename its JSON properties.
        e.Property(x => x.Facilitators)
            .HasColumnType("jsonb")
            .HasConversion(
                v => JsonSerializer.Serialize(v, JsonSerializerOptions.Web),
                v => JsonSerializer.Deserialize<List<Facilitator>>(v, JsonSerializerOptions.Web) ?? new List<Facilitator>(),
                new ValueComparer<List<Facilitator>>(
                    (a, b) => JsonSerializer.Serialize(a, JsonSerializerOptions.Web) == JsonSerializer.Serialize(b, JsonSerializerOptions.Web),
                    v => JsonSerializer.Serialize(v, JsonSerializerOptions.Web).GetHashCode(StringComparison.Ordinal),
                    v => v.Select(f => new Facilitator { Name = f.Name, Organisation = f.Organisation }).ToList()));
        e.Ignore(x => x.IsChoosable);
    }
}
