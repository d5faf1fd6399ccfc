using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Events.Infrastructure;
using Platform.Events.Managing;
using Platform.Events.Registrations;
using Platform.ServiceDefaults.Paging;
using Platform.ServiceDefaults.Problems;

namespace Platform.Events.DelegateList;

public sealed record ListedDelegate(string Name, string Organisation, Sector Sector);

public sealed record DelegateListConsent(bool Consent);

public sealed record DelegateListConsentRequest(bool? Consent);

/// <summary>
/// "Making connections": the delegates of an event who agreed to be listed (name, organisation, sector), shown to
/// other delegates of the same event through their manage link, and only to those who agreed to be listed themselves.
/// </summary>
public static class DelegateListApi
{
    public static IEndpointRouteBuilder MapDelegateListApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/events/registrations/{token}/delegate-list").WithTags("Delegate list")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/", ListAsync).WithName("GetDelegateList")
            .WithSummary("The event's delegates who agreed to be listed, by name (for delegates who agreed themselves)");
        group.MapPut("/consent", ConsentAsync).WithName("SetDelegateListConsent")
            .WithSummary("Agree to be listed, or withdraw (and stop seeing the list)");
        return routes;
    }

    private static async Task<Results<Ok<Paged<ListedDelegate>>, ProblemHttpResult>> ListAsync(
        string token, PageRequest paging, ManagedRegistrations registrations, EventsDbContext db, CancellationToken ct)
    {
        if (await registrations.FindForFollowUpAsync(token, ct) is not { } found) return ManageApi.UnknownLink();
        var me = found.Registration;
        if (me.Status != RegistrationStatus.Confirmed)
            return RuleProblem.Conflict("registration-cancelled", "A cancelled registration does not see the delegate list.");
        if (!me.ConsentToDelegateList)
            return RuleProblem.Conflict("delegate-list-consent", "The delegate list is shared among delegates who agree to be on it: agree first to see it.");

        // Only addresses proved by their link: a name typed with someone else's address is not listed as attending.
        var page = await db.Registrations.AsNoTracking()
            .Where(r => r.EventId == me.EventId && r.Status == RegistrationStatus.Confirmed && r.ConsentToDelegateList && r.EmailConfirmedAt != null)
            .OrderBy(r => r.Name).ThenBy(r => r.Id)
            .Select(r => new ListedDelegate(r.Name, r.Organisation, r.Sector))
            .ToPagedAsync(paging, ct);
        return TypedResults.Ok(page);
    }

    private static async Task<Results<Ok<DelegateListConsent>, ValidationProblem, ProblemHttpResult>> ConsentAsync(
        string token, DelegateListConsentRequest request, ManagedRegistrations registrations, EventsDbContext db, CancellationToken ct)
    {
        if (request.Consent is not { } consent) return ValidationErrors.For("consent", "Say whether you agree to be listed: true or false.");
        if (await registrations.FindForFollowUpAsync(token, ct) is not { } found) return ManageApi.UnknownLink();
        await db.Registrations.Where(r => r.Id == found.Registration.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ConsentToDelegateList, consent), ct);
        return TypedResults.Ok(new DelegateListConsent(consent));
    }
}
