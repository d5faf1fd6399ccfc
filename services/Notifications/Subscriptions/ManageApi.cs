using System.Net;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.ReferenceData;

namespace Platform.Notifications.Subscriptions;

/// <summary>
/// The links in every subscriber email. Public: the signed token is the only credential, and it names one subscriber
/// and one purpose. Unsubscribe follows RFC 8058: a GET (a person clicking, or a mail scanner prefetching) only shows
/// a confirm page; the POST a mail client sends for one-click, or the page's button, unsubscribes.
/// </summary>
public static class ManageApi
{
    public static IEndpointRouteBuilder MapManageApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/notifications").WithTags("Manage").AllowAnonymous()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/manage/{token}", View).WithName("ViewSubscription").WithSummary("The subscription a manage link belongs to.");
        api.MapPut("/manage/{token}", Change).WithName("ChangeSubscription").ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Changes topics, districts and frequency.");
        // The site's manage page offers "unsubscribe" beside the choices; it holds the manage token, not the
        // unsubscribe one, and this lets it stop the emails without erasing the address.
        api.MapPost("/manage/{token}/unsubscribe", UnsubscribeFromManage)
            .WithName("UnsubscribeFromManage")
            .WithSummary("Stops every email to this subscriber (the manage page's button); keeps nothing more than unsubscribe does.");
        api.MapDelete("/manage/{token}", Erase)
            .WithName("EraseSubscriber")
            .WithSummary("Removes the address and everything held about it, at once.");

        api.MapGet("/unsubscribe/{token}", ConfirmPage)
            .WithName("UnsubscribePage")
            .WithSummary("A page asking to confirm; following the link changes nothing (RFC 8058).")
            .Produces<string>(StatusCodes.Status200OK, "text/html");
        api.MapPost("/unsubscribe/{token}", Unsubscribe)
            .WithName("Unsubscribe")
            .WithSummary("One-click unsubscribe (RFC 8058: body List-Unsubscribe=One-Click), or the confirm page's button.")
            .Produces<string>(StatusCodes.Status200OK, "text/html")
            .DisableAntiforgery();
        return app;
    }

    private static async Task<Results<Ok<SubscriptionView>, ProblemHttpResult>> View(
        string token, LinkTokens tokens, SubscriberAccount account, CancellationToken ct) =>
        tokens.Read(LinkPurpose.Manage, token) is { } id && await account.ViewAsync(id, ct) is { } view
            ? TypedResults.Ok(view)
            : InvalidLink();

    private static async Task<Results<Ok<SubscriptionView>, ValidationProblem, ProblemHttpResult>> Change(
        string token, ChangeSubscriptionRequest request, LinkTokens tokens, SubscriberAccount account, Districts districts, CancellationToken ct)
    {
        if (tokens.Read(LinkPurpose.Manage, token) is not { } id) return InvalidLink();
        var (choices, errors) = SubscribeRequestValidation.ValidateChoices(request.Topics, request.Frequency, request.Districts, districts);
        if (choices is null) return TypedResults.ValidationProblem(errors);

        return await account.ChangeAsync(id, choices, ct) switch
        {
            ChangeOutcome.Changed => TypedResults.Ok((await account.ViewAsync(id, ct))!),
            ChangeOutcome.NotActive => RuleProblem.Conflict("subscription-not-active",
                "This subscription has ended or was never confirmed. Sign up again to receive updates."),
            _ => InvalidLink(),
        };
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> UnsubscribeFromManage(
        string token, LinkTokens tokens, SubscriberAccount account, CancellationToken ct) =>
        tokens.Read(LinkPurpose.Manage, token) is { } id && await account.UnsubscribeAsync(id, ct)
            ? TypedResults.NoContent()
            : InvalidLink();

    private static async Task<Results<NoContent, ProblemHttpResult>> Erase(
        string token, LinkTokens tokens, SubscriberAccount account, CancellationToken ct) =>
        tokens.Read(LinkPurpose.Manage, token) is { } id && await account.EraseAsync(id, ct)
            ? TypedResults.NoContent()
            : InvalidLink();

    private static Results<ContentHttpResult, ProblemHttpResult> ConfirmPage(string token, LinkTokens tokens) =>
        tokens.Read(LinkPurpose.Unsubscribe, token) is null
            ? InvalidLink()
            : TypedResults.Content($"""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Unsubscribe</title></head><body>
                <h1>Stop these emails?</h1>
                <form method="post" action="{WebUtility.HtmlEncode(Uri.EscapeDataString(token))}">
                <input type="hidden" name="List-Unsubscribe" value="One-Click">
                <button type="submit">Unsubscribe</button>
                </form>
                </body></html>
                """, "text/html; charset=utf-8");

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Unsubscribe(
        string token, LinkTokens tokens, SubscriberAccount account, CancellationToken ct) =>
        tokens.Read(LinkPurpose.Unsubscribe, token) is { } id && await account.UnsubscribeAsync(id, ct)
            ? TypedResults.Content("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Unsubscribed</title></head><body>
                <h1>You are unsubscribed</h1><p>We will not send you any more updates.</p>
                </body></html>
                """, "text/html; charset=utf-8")
            : InvalidLink();

    private static ProblemHttpResult InvalidLink() =>
        RuleProblem.Create(StatusCodes.Status404NotFound, "manage-link",
            "This link is unknown, has expired, or is for a subscription that no longer exists.");
}
