using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Events.Catalogue;
using Platform.Events.Infrastructure;
using Platform.Events.Registrations;

namespace Platform.Events.Feedback;

internal sealed class FeedbackResponseModel : IEntityTypeConfiguration<FeedbackResponse>
{
    public const string OnePerRegistration = "ux_feedback_response_registration";

    public void Configure(EntityTypeBuilder<FeedbackResponse> e)
    {
        e.ToTable("feedback_response");
        e.Property(x => x.Comments).HasMaxLength(Limits.LongText);
        e.HasOne<PartnershipEvent>().WithMany().HasForeignKey(x => x.EventId);
        e.HasOne<Registration>().WithMany().HasForeignKey(x => x.RegistrationId);
        e.HasIndex(x => x.RegistrationId).IsUnique().HasDatabaseName(OnePerRegistration);
        e.HasIndex(x => x.EventId);
        e.HasMany(x => x.Ratings).WithOne().HasForeignKey(x => x.ResponseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SessionRatingModel : IEntityTypeConfiguration<SessionRating>
{
    public void Configure(EntityTypeBuilder<SessionRating> e)
    {
        e.ToTable("session_rating", t => t.HasCheckConstraint("ck_session_rating_range",
            $"rating BETWEEN {FeedbackResponse.MinRating} AND {FeedbackResponse.MaxRating}"));
        e.HasKey(x => new { x.ResponseId, x.SessionId });
        e.HasOne<Session>().WithMany().HasForeignKey(x => x.SessionId);
        e.HasIndex(x => x.SessionId);
    }
}
