using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Events.Catalogue;
using Platform.Events.Infrastructure;

namespace Platform.Events.Registrations;

internal sealed class RegistrationModel : IEntityTypeConfiguration<Registration>
{
    public void Configure(EntityTypeBuilder<Registration> e)
    {
        e.ToTable("registration");
        e.Property(x => x.Name).HasMaxLength(Limits.Name);
        e.Property(x => x.Email).HasMaxLength(Limits.Email);
        e.Property(x => x.Organisation).HasMaxLength(Limits.Name);
        e.Property(x => x.Role).HasMaxLength(Limits.Name);
        e.Property(x => x.AccessibilityNeeds).HasMaxLength(Limits.LongText);
        e.Property(x => x.DietaryNeeds).HasMaxLength(Limits.LongText);
        e.Property(x => x.Sector).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.CheckInCode).HasMaxLength(16);
        e.Property(x => x.CancelledBy).HasMaxLength(100);
        e.Property(x => x.CancellationReason).HasMaxLength(Limits.LongText);
        // text[] of the kinds' names, as the other enums are stored by name.
        e.PrimitiveCollection(x => x.AccessNeedKinds).ElementType().HasConversion<string>();
        e.PrimitiveCollection(x => x.DietaryRequirementKinds).ElementType().HasConversion<string>();
        e.HasOne<Audiences.Invitation>().WithMany().HasForeignKey(x => x.InvitationId);
        e.HasIndex(x => x.ManageTokenHash).IsUnique();
        // The sweep's read: holds still waiting for their address to be confirmed, soonest to lapse first.
        e.HasIndex(x => x.HoldExpiresAt).HasFilter("email_confirmed_at IS NULL AND status = 'Confirmed'");
        e.HasIndex(x => x.OfferLinkHash).IsUnique();
        e.HasIndex(x => new { x.EventId, x.CheckInCode }).IsUnique();
        // Also unique: (event_id, lower(email)) over Confirmed registrations, an expression index EF cannot model
        // (migration OneActiveRegistrationPerEmail, Registrations/OneActiveRegistration).
        e.HasOne<PartnershipEvent>().WithMany().HasForeignKey(x => x.EventId);
        e.HasMany(x => x.Choices).WithOne().HasForeignKey(x => x.RegistrationId);
    }
}

internal sealed class WorkshopChoiceModel : IEntityTypeConfiguration<WorkshopChoice>
{
    public void Configure(EntityTypeBuilder<WorkshopChoice> e)
    {
        e.ToTable("workshop_choice");
        // A concurrency token: the promoter and the delegate may act on the same choice at once; only one wins.
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16).IsConcurrencyToken();
        e.HasOne<Session>().WithMany().HasForeignKey(x => x.SessionId);
        // The waitlist is read in this order; the index makes "first waiting delegate" one seek.
        e.HasIndex(x => new { x.SessionId, x.Status, x.QueuedAt, x.Id });
        e.Ignore(x => x.HoldsPlace);
        e.Ignore(x => x.IsActive);
    }
}

internal sealed class IdempotencyRecordModel : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> e)
    {
        e.ToTable("idempotency_record");
        e.HasKey(x => x.Key);
        e.Property(x => x.Key).HasMaxLength(Limits.IdempotencyKey);
        e.Property(x => x.Fingerprint).HasMaxLength(64);
    }
}
