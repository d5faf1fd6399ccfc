using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Platform.Notifications.Infrastructure;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.ReferenceData;

namespace Platform.Notifications.Subscriptions;

public sealed record TopicsResponse(IReadOnlyList<string> Topics, IReadOnlyList<string> Frequencies);

public sealed record ConfirmationResponse(string Status);

/// <summary>Body of <c>POST /api/notifications/subscriptions/confirm</c>: the token from the confirmation email.</summary>
public sealed record ConfirmRequest(string? Token);

public static class SubscriptionsApi
{
    private const int MaxIdempotencyKeyLength = 100;

    public static IEndpointRouteBuilder MapSubscriptionsApi(this IEndpointRouteBuilder app)
    {
        // Public: subscribers have no accounts; the emailed token is their only credential.
        var api = app.MapGroup("/api/notifications").WithTags("Subscriptions").AllowAnonymous();

        api.MapGet("/topics", () => TypedResults.Ok(new TopicsResponse(SubscriptionCatalog.Topics, SubscriptionCatalog.Frequencies)))
            .WithName("ListTopics")
            .WithSummary("The topics and frequencies a subscriber can choose.");

        api.MapPost("/subscriptions", RequestSubscription)
            .WithName("RequestSubscription")
            .WithSummary("Asks for email updates. Always 202: a confirmation email is sent unless the address is already subscribed.");

        // Only a POST confirms: the email's link opens the site's page, whose button sends this, so a mail scanner
        // that opens every link confirms nothing.
        api.MapPost("/subscriptions/confirm", ConfirmByPost)
            .WithName("ConfirmSubscription")
            .WithSummary("Confirms a subscription with the token from the confirmation email (the site's Confirm button).");

        // Emails sent before this release link here. They expire with the confirmation window (7 days), so the GET
        // keeps confirming for this release only, for those links; the next release removes it.
        api.MapGet("/subscriptions/confirm", ConfirmSubscription)
            .WithName("ConfirmSubscriptionByLink")
            .WithSummary("Deprecated: follows a link from a confirmation email sent before the confirm button existed; use the POST.");

        return app;
    }

    private static async Task<Results<Accepted, ValidationProblem>> RequestSubscription(
        SubscribeRequest request,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        SubscriptionRequests subscriptions,
        Districts districts,
        CancellationToken cancellationToken)
    {
        var (valid, errors) = SubscribeRequestValidation.Validate(request, districts);
        if (idempotencyKey is { Length: > MaxIdempotencyKeyLength })
        {
            errors["Idempotency-Key"] = [$"At most {MaxIdempotencyKeyLength} characters."];
        }

        if (valid is null || errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        await subscriptions.RequestAsync(valid, idempotencyKey, cancellationToken);
        return TypedResults.Accepted((string?)null);
    }

    private static Task<Results<Ok<ConfirmationResponse>, ProblemHttpResult, ValidationProblem>> ConfirmByPost(
        ConfirmRequest request,
        SubscriptionRequests subscriptions,
        CancellationToken cancellationToken) =>
        ConfirmSubscription(request.Token, subscriptions, cancellationToken);

    private static async Task<Results<Ok<ConfirmationResponse>, ProblemHttpResult, ValidationProblem>> ConfirmSubscription(
        string? token,
        SubscriptionRequests subscriptions,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return ValidationErrors.For("token", "The confirmation token is missing.");
        }

        return await subscriptions.ConfirmAsync(token, cancellationToken)
            ? TypedResults.Ok(new ConfirmationResponse("confirmed"))
            : RuleProblem.Create(StatusCodes.Status404NotFound, "confirmation-link",
                "This confirmation link is unknown or has expired. Subscribe again to get a new one.");
    }
}
