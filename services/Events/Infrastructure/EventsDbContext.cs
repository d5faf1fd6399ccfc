using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Events.Audiences;
using Platform.Events.Catalogue;
using Platform.Events.Certificates;
using Platform.Events.ChangeNotices;
using Platform.Events.CheckIn;
using Platform.Events.Contributions;
using Platform.Events.Feedback;
using Platform.Events.Questions;
using Platform.Events.Registrations;
using Platform.Events.Speakers;
using Platform.Events.Waitlists;
using Platform.Messaging;

namespace Platform.Events.Infrastructure;

public sealed class EventsDbContext(DbContextOptions<EventsDbContext> options) : DbContext(options)
{
    public DbSet<PartnershipEvent> Events => Set<PartnershipEvent>();
    public DbSet<Session> Sessions => Set<Session>();
    public DbSet<Registration> Registrations => Set<Registration>();
    public DbSet<WorkshopChoice> Choices => Set<WorkshopChoice>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<SessionAttendance> Attendances => Set<SessionAttendance>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<Speaker> Speakers => Set<Speaker>();
    public DbSet<EventWaitlistEntry> EventWaitlist => Set<EventWaitlistEntry>();

    // After the day and around the programme: pitches and stands, questions for the panel, feedback, certificates.
    public DbSet<ContributionCall> ContributionCalls => Set<ContributionCall>();
    public DbSet<Contribution> Contributions => Set<Contribution>();
    public DbSet<PanelQuestion> PanelQuestions => Set<PanelQuestion>();
    public DbSet<FeedbackResponse> FeedbackResponses => Set<FeedbackResponse>();
    public DbSet<SessionRating> SessionRatings => Set<SessionRating>();
    public DbSet<Certificate> Certificates => Set<Certificate>();
    public DbSet<ChangeNotice> ChangeNotices => Set<ChangeNotice>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Each feature configures its own entities (its *Model.cs).
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(EventsDbContext).Assembly);
        modelBuilder.HasSequence<long>(PanelQuestionModel.ApprovalSequence);
        modelBuilder.AddOutboxMessageEntity();
        modelBuilder.AddInboxStateEntity();
        modelBuilder.UseSnakeCaseColumnNames();
    }
}

internal sealed class EventsDesignTimeDbContextFactory : NpgsqlDesignTimeDbContextFactory<EventsDbContext>;
