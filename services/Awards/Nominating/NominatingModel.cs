using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Awards.Categories;
using Platform.Awards.Infrastructure;

namespace Platform.Awards.Nominating;

internal sealed class NomineeModel : IEntityTypeConfiguration<Nominee>
{
    public void Configure(EntityTypeBuilder<Nominee> e)
    {
        e.ToTable("nominee");
        e.Property(x => x.Key).HasMaxLength(Limits.Name * 2 + 1);
        e.Property(x => x.Name).HasMaxLength(Limits.Name);
        e.Property(x => x.Organisation).HasMaxLength(Limits.Name);
        e.Property(x => x.District).HasMaxLength(Limits.Name);
        e.Property(x => x.ContactEmail).HasMaxLength(Limits.Email);
        e.Property(x => x.ContactConfirmedBy).HasMaxLength(100);
        e.HasOne<AwardCategory>().WithMany().HasForeignKey(x => x.CategoryId);
        // Where duplicates meet: one nominee per key in a category, however many nominations race to create it.
        e.HasIndex(x => new { x.CategoryId, x.Key }).IsUnique();
    }
}

internal sealed class NominationModel : IEntityTypeConfiguration<Nomination>
{
    public void Configure(EntityTypeBuilder<Nomination> e)
    {
        e.ToTable("nomination");
        e.Property(x => x.NomineeName).HasMaxLength(Limits.Name);
        e.Property(x => x.NomineeOrganisation).HasMaxLength(Limits.Name);
        e.Property(x => x.NomineeDistrict).HasMaxLength(Limits.Name);
        e.Property(x => x.NomineeContact).HasMaxLength(Limits.Email);
        e.Property(x => x.Citation).HasMaxLength(Limits.Citation);
        e.Property(x => x.NominatorName).HasMaxLength(Limits.Name);
        e.Property(x => x.NominatorEmail).HasMaxLength(Limits.Email);
        e.Property(x => x.NominatorRelationship).HasMaxLength(Limits.ShortText);
        e.Property(x => x.ScreeningReason).HasMaxLength(Limits.LongText);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        e.HasIndex(x => x.ManageTokenHash).IsUnique();
        e.HasIndex(x => new { x.CategoryId, x.Status });
        e.HasIndex(x => x.NomineeId);
        e.HasOne<AwardCategory>().WithMany().HasForeignKey(x => x.CategoryId);
        e.HasOne<Nominee>().WithMany().HasForeignKey(x => x.NomineeId);
        e.Ignore(x => x.IsJudged);
    }
}
