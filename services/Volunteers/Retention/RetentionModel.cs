using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Volunteers.Infrastructure;
using Platform.Volunteers.Volunteering;

namespace Platform.Volunteers.Retention;

internal sealed class MilestoneModel : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> e)
    {
        e.ToTable("milestone");
        e.HasKey(x => new { x.VolunteerId, x.Kind });
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        e.HasOne<Volunteer>().WithMany().HasForeignKey(x => x.VolunteerId);
    }
}

internal sealed class CheckInModel : IEntityTypeConfiguration<CheckIn>
{
    public void Configure(EntityTypeBuilder<CheckIn> e)
    {
        e.ToTable("check_in", t => t.HasCheckConstraint("ck_check_in_score", "score BETWEEN 1 AND 5"));
        e.Property(x => x.Comment).HasMaxLength(Limits.LongText);
        e.HasIndex(x => new { x.VolunteerId, x.At });
        e.HasOne<Volunteer>().WithMany().HasForeignKey(x => x.VolunteerId);
    }
}

internal sealed class CheckInInvitationModel : IEntityTypeConfiguration<CheckInInvitation>
{
    public void Configure(EntityTypeBuilder<CheckInInvitation> e)
    {
        e.ToTable("check_in_invitation");
        e.HasIndex(x => x.TokenHash).IsUnique();
        e.HasIndex(x => new { x.VolunteerId, x.SentAt });
        e.HasOne<Volunteer>().WithMany().HasForeignKey(x => x.VolunteerId);
    }
}
