using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Events.Calendar;
using Platform.Events.CheckIn;
using Platform.Events.Infrastructure;
using Platform.Events.Registrations;

namespace Platform.Events.Managing;

/// <summary>
/// What a delegate does with the link from their confirmation email: view, change choices, cancel, answer a
/// waitlist offer, download their calendar entry and check-in QR code. The token is the only credential.
/// </summary>
public static class ManageApi
{
    public static IEndpointRouteBuilder MapManageApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/events/registrations/{token}").WithTags("Manage registration")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/", GetAsync).WithName("GetRegistration").WithSummary("The registration the manage link belongs to");
        group.MapPost("/confirm", async (string token, RegistrationChanges changes, CancellationToken ct) =>
            Answer(await changes.ConfirmEmailAsync(token, ct))).WithName("ConfirmRegistrationEmail")
            .WithSummary("Confirm the email address by its link: the held places become the delegate's (the site's manage page does this on arrival)");
        group.MapPut("/choices", async (string token, ChangeChoicesRequest request, RegistrationChanges changes, CancellationToken ct) =>
            Answer(await changes.ChangeChoicesAsync(token, request, ct))).WithName("ChangeWorkshopChoices").WithSummary("Replace the workshop choices (rules and capacity apply)");
        group.MapDelete("/", async (string token, RegistrationChanges changes, CancellationToken ct) =>
            Answer(await changes.CancelAsync(token, ct))).WithName("CancelRegistration").WithSummary("Cancel the registration and free its places");
        group.MapPost("/offers/{sessionId:guid}/accept", async (string token, Guid sessionId, RegistrationChanges changes, CancellationToken ct) =>
            Answer(await changes.AnswerOfferAsync(token, sessionId, accept: true, ct))).WithName("AcceptPlaceOffer").WithSummary("Take the workshop place held for you");
        group.MapPost("/offers/{sessionId:guid}/decline", async (string token, Guid sessionId, RegistrationChanges changes, CancellationToken ct) =>
            Answer(await changes.AnswerOfferAsync(token, sessionId, accept: false, ct))).WithName("DeclinePlaceOffer").WithSummary("Let the held place go to the next delegate");
        group.MapGet("/calendar.ics", CalendarAsync).WithName("GetRegistrationCalendar").WithSummary("RFC 5545 calendar entry for the event and confirmed workshops")
            .Produces(StatusCodes.Status200OK, contentType: "text/calendar");
        group.MapGet("/qr.png", QrAsync).WithName("GetCheckInQrCode").WithSummary("The check-in QR code (PNG)")
            .Produces(StatusCodes.Status200OK, contentType: "image/png");

        return routes;
    }

    private static async Task<Results<Ok<RegistrationView>, ProblemHttpResult>> GetAsync(
        string token, ManagedRegistrations registrations, CancellationToken ct)
    {
        var found = await registrations.FindAsync(token, ct);
        return found is null ? UnknownLink() : TypedResults.Ok(found.Value.Registration.ToView(found.Value.Event));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> CalendarAsync(
        string token, ManagedRegistrations registrations, IOptions<EventsOptions> options, CancellationToken ct)
    {
        if (await registrations.FindAsync(token, ct) is not { } found) return UnknownLink();
        var ics = RegistrationCalendar.Create(found.Event, found.Registration, options.Value.CalendarDomain);
        return TypedResults.File(EventCalendarFeed.Encode(ics), EventCalendarFeed.ContentType, "registration.ics");
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> QrAsync(
        string token, ManagedRegistrations registrations, CancellationToken ct)
    {
        if (await registrations.FindAsync(token, ct) is not { } found) return UnknownLink();
        if (found.Registration.Status != RegistrationStatus.Confirmed)
            return RuleProblem.Conflict("registration-cancelled", "A cancelled registration has no check-in code.");
        return TypedResults.File(CheckInQrCode.Png(found.Registration.CheckInCode), "image/png", "check-in.png");
    }

    private static Results<Ok<RegistrationView>, ProblemHttpResult> Answer(RegistrationChange change) => change switch
    {
        RegistrationChange.Made made => TypedResults.Ok(made.Registration.ToView(made.Event)),
        RegistrationChange.LinkNotRecognised => UnknownLink(),
        RegistrationChange.Refused refused => RuleProblem.Conflict(refused.Rule, refused.Reason),
        RegistrationChange.ChoicesBreakRules broken => RuleProblem.Unprocessable(broken.Violation.Rule, broken.Violation.Detail),
        _ => throw new UnreachableException(),
    };

    /// <summary>One answer for unknown and expired links, so the response says nothing about which tokens exist.</summary>
    internal static ProblemHttpResult UnknownLink() =>
        RuleProblem.Create(StatusCodes.Status404NotFound, "manage-link", "This manage link is unknown or has expired.");
}
