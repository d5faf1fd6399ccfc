using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Events.Catalogue;
using Platform.Events.Infrastructure;
using Platform.Events.Registrations;

namespace Platform.Events.Questions;

internal sealed class PanelQuestionModel : IEntityTypeConfiguration<PanelQuestion>
{
    public const string ApprovalSequence = "panel_question_approval";

    public void Configure(EntityTypeBuilder<PanelQuestion> e)
    {
        e.ToTable("panel_question");
        e.Property(x => x.Text).HasMaxLength(PanelQuestion.MaxLength);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.ModeratedBy).HasMaxLength(Limits.Name);
        e.HasOne<PartnershipEvent>().WithMany().HasForeignKey(x => x.EventId);
        e.HasOne<Registration>().WithMany().HasForeignKey(x => x.RegistrationId);
        e.HasIndex(x => new { x.EventId, x.Status, x.AskedAt });
        e.HasIndex(x => new { x.EventId, x.ApprovalOrder }).HasFilter("approval_order IS NOT NULL");
        e.HasIndex(x => x.RegistrationId);
    }
}
