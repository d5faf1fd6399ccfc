using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Notifications.Infrastructure;
using Platform.Notifications.Subscriptions;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.Serialization;

namespace Platform.Notifications.Reports;

public sealed record SubscriberLookup(string Email, IReadOnlyList<string> Topics, string Frequency, string Status, DateTime CreatedAt, DateTime? ConfirmedAt, string? EndReason);

public sealed record EraseRequest(string? Email);

/// <summary>
/// Staff see counts. Looking up or erasing a particular address needs the <see cref="SubscribersScope"/> permission
/// as well as the staff role, so reports can be shared widely without sharing the list.
/// </summary>
public static class StaffApi
{
    public const string SubscribersScope = "notifications:subscribers";
    private const int MaxReportDays = 366;

    public static IEndpointRouteBuilder MapStaffApi(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/api/notifications").WithTags("Staff").RequireAuthorization(PlatformPolicies.Staff);
        staff.MapGet("/reports", Report).WithName("NotificationsReport").WithSummary("Subscribers by topic and frequency; requests, confirmations, sends, failures, suppressions per day.");
        staff.MapGet("/subscribers/counts", (StaffReports reports, CancellationToken ct) => reports.SubscribersAsync(ct)).WithName("SubscriberCounts")
            .WithSummary("Subscribers confirmed and pending, by topic and frequency.");

        var personal = staff.MapGroup("/subscribers").RequireAuthorization(PlatformPolicies.Scope(SubscribersScope));
        personal.MapGet("/lookup", Lookup).WithName("LookUpSubscriber").WithSummary($"One address's subscription; needs the {SubscribersScope} permission.");
        personal.MapPost("/erasures", Erase).WithName("EraseAddress").WithSummary($"Removes an address's personal data at once; needs the {SubscribersScope} permission.");
        return app;
    }

    private static async Task<Results<Ok<NotificationsReport>, ValidationProblem>> Report(
        DateOnly? from, DateOnly? to, StaffReports reports, TimeProvider time, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var end = to ?? today;
        // The report counts up to the start of the day after "to", which 9999-12-31 does not have; and the default
        // month before "to" stops at the first day a date can name.
        if (end == DateOnly.MaxValue)
        {
            return ValidationErrors.For("to", "to must be before 9999-12-31.");
        }

        var start = from ?? DateOnly.FromDayNumber(Math.Max(0, end.DayNumber - 29));
        if (start > end || end.DayNumber - start.DayNumber >= MaxReportDays)
        {
            return ValidationErrors.For("from", $"from must be on or before to, and at most {MaxReportDays} days before it.");
        }

        return TypedResults.Ok(await reports.ReportAsync(start, end, ct));
    }

    private static async Task<Results<Ok<SubscriberLookup>, ValidationProblem, ProblemHttpResult>> Lookup(
        string? email, NotificationsDbContext db, CancellationToken ct)
    {
        if (email is null || !SubscribeRequestValidation.IsPlainAddress(email.Trim()))
            return ValidationErrors.For("email", "A valid email address is required.");
        var normalized = Subscriber.Normalize(email);
        var found = await db.Subscribers.AsNoTracking().Where(s => s.NormalizedEmail == normalized && s.Subscription != null)
            .Select(s => new SubscriberLookup(s.Email, s.Subscription!.Topics, s.Subscription.Frequency, EnumSpelling.Of(s.Subscription.Status),
                s.CreatedAt, s.Subscription.ConfirmedAt, s.Subscription.EndReason))
            .SingleOrDefaultAsync(ct);
        return found is null
            ? RuleProblem.Create(StatusCodes.Status404NotFound, "not-subscribed", "No subscription for this address.")
            : TypedResults.Ok(found);
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Erase(
        EraseRequest request, SubscriberAccount account, CancellationToken ct)
    {
        if (request.Email is null || !SubscribeRequestValidation.IsPlainAddress(request.Email.Trim()))
            return ValidationErrors.For("email", "A valid email address is required.");
        return await account.EraseAsync(Subscriber.Normalize(request.Email), ct)
            ? TypedResults.NoContent()
            : RuleProblem.Create(StatusCodes.Status404NotFound, "nothing-held", "Nothing is held about this address.");
    }
}
