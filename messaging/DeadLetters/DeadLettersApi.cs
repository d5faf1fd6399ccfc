using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Platform.Messaging;

public static class DeadLettersApi
{
    /// <summary>The policy ServiceDefaults defines; named here as a string so Messaging does not depend on ServiceDefaults.</summary>
    public const string StaffPolicy = "staff";

    public static IEndpointRouteBuilder MapDeadLettersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/admin/dead-letters")
            .RequireAuthorization(StaffPolicy)
            .WithTags("Dead letters");

        group.MapGet("/", async (DeadLetters deadLetters, CancellationToken ct) =>
                TypedResults.Ok(await deadLetters.ListAsync(ct)))
            .WithName("ListDeadLetters")
            .WithSummary("This service's error queues with counts and the first messages (peeked, not removed).");

        group.MapPost("/{queue}/replay", async Task<Results<Ok<DeadLetterReplayResult>, NotFound<ProblemDetails>>> (
                string queue, string? messageId, DeadLetters deadLetters, CancellationToken ct) =>
            {
                var result = await deadLetters.ReplayAsync(queue, messageId, ct);
                return result is null
                    ? TypedResults.NotFound(new ProblemDetails
                    {
                        Title = "Unknown queue",
                        Detail = $"'{queue}' is not an error queue of this service.",
                        Status = StatusCodes.Status404NotFound,
                    })
                    : TypedResults.Ok(result);
            })
            .WithName("ReplayDeadLetters")
            .WithSummary("Moves an error queue's messages (or the one with ?messageId=) back to the queue they failed on.");

        return app;
    }
}
