using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Events.Catalogue;
using Platform.Events.Infrastructure;
using Platform.Events.Managing;
using Platform.Events.Registrations;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.Paging;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Text;

namespace Platform.Events.Questions;

/// <summary>Questions for the panel: delegates ask through their manage link, staff moderate, the chair reads the approved ones.</summary>
public static class QuestionsApi
{
    public static IEndpointRouteBuilder MapQuestionsApi(this IEndpointRouteBuilder routes)
    {
        var delegates = routes.MapGroup("/api/events/registrations/{token}/questions").WithTags("Questions for the panel")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        delegates.MapPost("/", AskAsync).WithName("AskPanelQuestion").WithSummary("Ask the panel a question, before or during the event");
        delegates.MapGet("/", MineAsync).WithName("ListMyPanelQuestions").WithSummary("The questions this delegate asked, with their status");

        var staff = routes.MapGroup("/api/events/{eventId:guid}/questions").WithTags("Questions for the panel")
            .RequireAuthorization(PlatformPolicies.Staff)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesAuthorizationFailures();
        staff.MapGet("/", ListAsync).WithName("ListPanelQuestions").WithSummary("Questions to moderate (or of one status), oldest first");
        staff.MapGet("/approved", ChairAsync).WithName("GetChairsQuestions").WithSummary("The chair's view: approved questions in the order they were approved");
        staff.MapPost("/{questionId:guid}/approve", (Guid eventId, Guid questionId, EventsDbContext db, HttpContext http, TimeProvider time, CancellationToken ct) =>
            ModerateAsync(eventId, questionId, QuestionStatus.Approved, db, http, time, ct)).WithName("ApprovePanelQuestion").WithSummary("Put a question on the chair's list");
        staff.MapPost("/{questionId:guid}/reject", (Guid eventId, Guid questionId, EventsDbContext db, HttpContext http, TimeProvider time, CancellationToken ct) =>
            ModerateAsync(eventId, questionId, QuestionStatus.Rejected, db, http, time, ct)).WithName("RejectPanelQuestion").WithSummary("Keep a question off the chair's list");

        return routes;
    }

    private static async Task<Results<Created<QuestionView>, ValidationProblem, ProblemHttpResult>> AskAsync(
        string token, AskQuestionRequest request, ManagedRegistrations registrations, EventsDbContext db, TimeProvider time, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        Text.Required(errors, "text", request.Text, PanelQuestion.MaxLength);
        if (errors.Any) return errors.ToProblem();
        if (await registrations.FindForFollowUpAsync(token, ct) is not { } found) return ManageApi.UnknownLink();
        var (registration, e) = found;

        var now = time.GetUtcNow();
        if (registration.Status != RegistrationStatus.Confirmed)
            return RuleProblem.Conflict("registration-cancelled", "A cancelled registration cannot ask the panel.");
        if (e.Status is EventStatus.Cancelled or EventStatus.Draft)
            return RuleProblem.Conflict("event-status", $"A {e.Status} event has no panel to ask.");
        if (now >= e.EndsAt)
            return RuleProblem.Conflict("event-ended", "The event has ended: questions are taken before and during it.");
        var open = await db.PanelQuestions.CountAsync(q => q.RegistrationId == registration.Id && q.Status != QuestionStatus.Rejected, ct);
        if (open >= PanelQuestion.MaxOpenPerDelegate)
            return RuleProblem.Conflict("question-limit", $"Each delegate may have at most {PanelQuestion.MaxOpenPerDelegate} questions waiting or approved.");

        var question = new PanelQuestion { EventId = e.Id, RegistrationId = registration.Id, Text = request.Text!.Trim(), AskedAt = now };
        db.PanelQuestions.Add(question);
        await db.SaveChangesAsync(ct);
        // No Location: the only address of a delegate's questions carries their manage token.
        return TypedResults.Created((string?)null, question.ToView());
    }

    private static async Task<Results<Ok<Paged<QuestionView>>, ProblemHttpResult>> MineAsync(
        string token, PageRequest paging, ManagedRegistrations registrations, EventsDbContext db, CancellationToken ct)
    {
        if (await registrations.FindForFollowUpAsync(token, ct) is not { } found) return ManageApi.UnknownLink();
        var page = await db.PanelQuestions.AsNoTracking().Where(q => q.RegistrationId == found.Registration.Id)
            .OrderBy(q => q.AskedAt).ThenBy(q => q.Id).ToPagedAsync(paging, ct);
        return TypedResults.Ok(page.Select(q => q.ToView()));
    }

    private static async Task<Results<Ok<Paged<ModeratedQuestionView>>, ProblemHttpResult>> ListAsync(
        Guid eventId, QuestionStatus? status, PageRequest paging, EventsDbContext db, CancellationToken ct)
    {
        if (!await db.Events.AnyAsync(x => x.Id == eventId, ct)) return RuleProblem.NotFound($"Event {eventId}");
        var wanted = status ?? QuestionStatus.Pending;
        var page = await db.PanelQuestions.AsNoTracking().Where(q => q.EventId == eventId && q.Status == wanted)
            .Join(db.Registrations, q => q.RegistrationId, r => r.Id, (q, r) => new { q, r.Name, r.Organisation })
            .OrderBy(x => x.q.AskedAt).ThenBy(x => x.q.Id)
            .Select(x => new ModeratedQuestionView(x.q.Id, x.q.Text, x.q.Status, x.q.AskedAt, x.q.ModeratedAt, x.Name, x.Organisation))
            .ToPagedAsync(paging, ct);
        return TypedResults.Ok(page.Select(q => q with { AskedAt = q.AskedAt.ToLondon(), ModeratedAt = q.ModeratedAt?.ToLondon() }));
    }

    private static async Task<Results<Ok<Paged<ChairQuestionView>>, ProblemHttpResult>> ChairAsync(
        Guid eventId, PageRequest paging, EventsDbContext db, CancellationToken ct)
    {
        if (!await db.Events.AnyAsync(x => x.Id == eventId, ct)) return RuleProblem.NotFound($"Event {eventId}");
        var page = await db.PanelQuestions.AsNoTracking().Where(q => q.EventId == eventId && q.Status == QuestionStatus.Approved)
            .Join(db.Registrations, q => q.RegistrationId, r => r.Id, (q, r) => new { q, r.Name, r.Organisation })
            .OrderBy(x => x.q.ApprovalOrder).ThenBy(x => x.q.Id)
            .Select(x => new ChairQuestionView(0, x.q.Id, x.q.Text, x.Name, x.Organisation))
            .ToPagedAsync(paging, ct);
        // Numbered across pages, so the chair can say "question 12" whichever page they are on.
        return TypedResults.Ok(new Paged<ChairQuestionView>(
            page.Items.Select((q, i) => q with { Number = paging.Offset + i + 1 }).ToList(), page.Page, page.PageSize, page.Total));
    }

    private static async Task<Results<Ok<QuestionView>, ProblemHttpResult>> ModerateAsync(
        Guid eventId, Guid questionId, QuestionStatus decision, EventsDbContext db, HttpContext http, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var by = http.User.GetSubject() ?? "staff";
        // One statement: the decision and, for an approval, its place in the chair's order. Deciding the same again
        // changes nothing, so an approved question keeps its place.
        var status = decision.ToString();
        await db.Database.ExecuteSqlAsync($"""
            UPDATE panel_question
            SET status = {status}, moderated_at = {now}, moderated_by = {by},
                approval_order = CASE WHEN {status} = 'Approved' THEN nextval('panel_question_approval') END
            WHERE id = {questionId} AND event_id = {eventId} AND status <> {status}
            """, ct);
        var question = await db.PanelQuestions.AsNoTracking().FirstOrDefaultAsync(q => q.Id == questionId && q.EventId == eventId, ct);
        if (question is null) return RuleProblem.NotFound($"Question {questionId} at event {eventId}");
        return TypedResults.Ok(question.ToView());
    }
}
