using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Events.Catalogue;
using Platform.Events.Infrastructure;
using Platform.Events.Organising;
using Platform.ServiceDefaults.Paging;
using Platform.ServiceDefaults.Problems;

namespace Platform.Events.Speakers;

/// <summary>Organisers keep an event's speakers; the public programme shows those who consented (<see cref="EventViews"/>).</summary>
public static class SpeakersApi
{
    public static IEndpointRouteBuilder MapSpeakersApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/events/{eventId:guid}/speakers").WithTags("Organising").RequireEventOrganiser()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesAuthorizationFailures();

        group.MapGet("/", ListAsync).WithName("ListSpeakers").WithSummary("Every speaker of the event, consented to publish or not");
        group.MapPost("/", AddAsync).WithName("AddSpeaker").WithSummary("Add a speaker (shown on the programme only with consent to publish)");
        group.MapPut("/{speakerId:guid}", UpdateAsync).WithName("UpdateSpeaker").WithSummary("Replace a speaker's details");
        group.MapDelete("/{speakerId:guid}", DeleteAsync).WithName("RemoveSpeaker").WithSummary("Remove a speaker");
        return routes;
    }

    private static async Task<Results<Ok<Paged<SpeakerView>>, ProblemHttpResult>> ListAsync(
        Guid eventId, EventsDbContext db, PageRequest paging, CancellationToken ct)
    {
        if (!await db.Events.AnyAsync(e => e.Id == eventId, ct)) return RuleProblem.NotFound($"Event {eventId}");
        var speakers = await db.Speakers.AsNoTracking().Where(s => s.EventId == eventId)
            .OrderBy(s => s.Name).ThenBy(s => s.Id).ToPagedAsync(paging, ct);
        return TypedResults.Ok(speakers.Select(SpeakerView.Of));
    }

    private static async Task<Results<Created<SpeakerView>, ValidationProblem, ProblemHttpResult>> AddAsync(
        Guid eventId, SpeakerRequest request, EventsDbContext db, CancellationToken ct)
    {
        var e = await db.Events.AsNoTracking().Include(x => x.Sessions).FirstOrDefaultAsync(x => x.Id == eventId, ct);
        if (e is null) return RuleProblem.NotFound($"Event {eventId}");
        var errors = request.Validate(e);
        if (errors.Any) return errors.ToProblem();
        var speaker = new Speaker { EventId = eventId, Name = "" };
        request.ApplyTo(speaker);
        db.Speakers.Add(speaker);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/events/{eventId}/speakers/{speaker.Id}", SpeakerView.Of(speaker));
    }

    private static async Task<Results<Ok<SpeakerView>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid eventId, Guid speakerId, SpeakerRequest request, EventsDbContext db, CancellationToken ct)
    {
        var e = await db.Events.AsNoTracking().Include(x => x.Sessions).FirstOrDefaultAsync(x => x.Id == eventId, ct);
        var speaker = await db.Speakers.FirstOrDefaultAsync(s => s.Id == speakerId && s.EventId == eventId, ct);
        if (e is null || speaker is null) return RuleProblem.NotFound($"Speaker {speakerId} of event {eventId}");
        var errors = request.Validate(e);
        if (errors.Any) return errors.ToProblem();
        request.ApplyTo(speaker);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(SpeakerView.Of(speaker));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid eventId, Guid speakerId, EventsDbContext db, CancellationToken ct) =>
        await db.Speakers.Where(s => s.Id == speakerId && s.EventId == eventId).ExecuteDeleteAsync(ct) == 0
            ? RuleProblem.NotFound($"Speaker {speakerId} of event {eventId}")
            : TypedResults.NoContent();
}
