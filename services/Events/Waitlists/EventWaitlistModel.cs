using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Events.Catalogue;
using Platform.Events.Infrastructure;
using Platform.Events.Registrations;

namespace Platform.Events.Waitlists;

internal sealed class EventWaitlistModel : IEntityTypeConfiguration<EventWaitlistEntry>
{
    // Kinds and sectors by name, so a stored request still reads after an enum gains a member.
    private static readonly JsonSerializerOptions Stored = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public void Configure(EntityTypeBuilder<EventWaitlistEntry> e)
    {
        e.ToTable("event_waitlist_entry");
        e.Property(x => x.Email).HasMaxLength(Limits.Email);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        // A jsonb value, as the facilitators are: the shared snake-case convention would rename an owned type's properties.
        e.Property(x => x.Request).HasColumnType("jsonb").HasConversion(
            v => JsonSerializer.Serialize(v, Stored),
            v => JsonSerializer.Deserialize<RegistrationRequest>(v, Stored)!);
        e.HasOne<PartnershipEvent>().WithMany().HasForeignKey(x => x.EventId);
        // The queue is read in this order; "who is next" is one seek.
        e.HasIndex(x => new { x.EventId, x.Status, x.QueuedAt, x.Id });
        e.HasIndex(x => new { x.EventId, x.Email }).IsUnique().HasFilter("status = 'Waiting'");
    }
}
