using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Events.Catalogue;
using Platform.Events.Infrastructure;

namespace Platform.Events.Contributions;

internal sealed class ContributionModel : IEntityTypeConfiguration<Contribution>
{
    public const string OnePerOrganisation = "ux_contribution_event_kind_organisation";
    public const string RunningOrderTaken = "ux_contribution_event_running_order";
    public const string AllocationTaken = "ux_contribution_event_allocation";

    public void Configure(EntityTypeBuilder<Contribution> e)
    {
        e.ToTable("contribution");
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.SubmittedBy).HasMaxLength(Limits.Name);
        e.Property(x => x.Title).HasMaxLength(Limits.Title);
        e.Property(x => x.Summary).HasMaxLength(Limits.LongText);
        e.Property(x => x.Organisation).HasMaxLength(Limits.Name);
        e.Property(x => x.ContactName).HasMaxLength(Limits.Name);
        e.Property(x => x.ContactEmail).HasMaxLength(Limits.Email);
        e.Property(x => x.Allocation).HasMaxLength(Limits.Name);
        e.Property(x => x.DecidedBy).HasMaxLength(Limits.Name);
        e.HasOne<PartnershipEvent>().WithMany().HasForeignKey(x => x.EventId);
        // The database, not a read before the write, refuses a second pitch from one organisation: two at once cannot both land.
        e.HasIndex(x => new { x.EventId, x.Kind, x.OrganisationId }).IsUnique().HasDatabaseName(OnePerOrganisation);
        e.HasIndex(x => new { x.EventId, x.RunningOrder }).IsUnique().HasFilter("running_order IS NOT NULL").HasDatabaseName(RunningOrderTaken);
        e.HasIndex(x => new { x.EventId, x.Allocation }).IsUnique().HasFilter("allocation IS NOT NULL").HasDatabaseName(AllocationTaken);
    }
}

internal sealed class ContributionCallModel : IEntityTypeConfiguration<ContributionCall>
{
    public void Configure(EntityTypeBuilder<ContributionCall> e)
    {
        e.ToTable("contribution_call");
        e.HasKey(x => new { x.EventId, x.Kind });
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
        e.HasOne<PartnershipEvent>().WithMany().HasForeignKey(x => x.EventId);
    }
}
