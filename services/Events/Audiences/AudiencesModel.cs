using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Events.Catalogue;
using Platform.Events.Infrastructure;

namespace Platform.Events.Audiences;

internal sealed class InvitationModel : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> e)
    {
        e.ToTable("invitation");
        e.Property(x => x.Name).HasMaxLength(Limits.Name);
        e.Property(x => x.Email).HasMaxLength(Limits.Email);
        e.HasOne<PartnershipEvent>().WithMany().HasForeignKey(x => x.EventId);
        e.HasIndex(x => x.CodeHash).IsUnique();
        // One invitation per address and event; an expression index would be case-blind, so addresses are stored lower case.
        e.HasIndex(x => new { x.EventId, x.Email }).IsUnique();
    }
}
