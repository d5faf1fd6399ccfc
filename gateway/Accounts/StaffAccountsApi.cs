using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Gateway.Data;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.Paging;
using Platform.ServiceDefaults.Problems;

namespace Platform.Gateway.Accounts;

/// <summary>
/// Staff see who has which role, and disable an account (its sessions end at once: every request checks the session
/// and the account in the database, so nothing cached at the gateway outlives it) or enable it again.
/// </summary>
internal static class StaffAccountsApi
{
    public static IEndpointRouteBuilder MapStaffAccountsApi(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/gateway/accounts").WithTags("Accounts").RequireAuthorization(PlatformPolicies.Staff);
        staff.MapGet("", ListAsync)
            .WithName("ListAccounts").WithSummary("Every account with its role, organisation, permissions and whether it is disabled");
        staff.MapPost("/{id:guid}/disable", DisableAsync)
            .WithName("DisableAccount").WithSummary("Disable an account: it cannot sign in and its sessions end at once");
        staff.MapPost("/{id:guid}/enable", EnableAsync)
            .WithName("EnableAccount").WithSummary("Let a disabled account sign in again");
        return app;
    }

    private static async Task<Ok<Paged<AccountSummary>>> ListAsync(GatewayDbContext db, PageRequest paging, CancellationToken cancellationToken) =>
        TypedResults.Ok(await Summaries(db, db.Users).ToPagedAsync(paging, cancellationToken));

    private static async Task<Results<Ok<AccountSummary>, ProblemHttpResult>> DisableAsync(
        Guid id, HttpContext context, GatewayDbContext db, SessionTokens sessions, TimeProvider time, CancellationToken cancellationToken)
    {
        if (context.User.GetSubject() == id.ToString())
        {
            return RuleProblem.Unprocessable("own-account", "You cannot disable your own account; ask another member of staff.");
        }

        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return RuleProblem.NotFound($"Account {id}");
        }

        if (user.DisabledAt is null)
        {
            user.DisabledAt = time.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }

        // Also when already disabled: a repeat is harmless and mends a session opened in a race with the first.
        await sessions.EndAllAsync(user.Id, cancellationToken);
        return TypedResults.Ok(await Summaries(db, db.Users.Where(u => u.Id == id)).SingleAsync(cancellationToken));
    }

    private static async Task<Results<Ok<AccountSummary>, ProblemHttpResult>> EnableAsync(
        Guid id, GatewayDbContext db, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return RuleProblem.NotFound($"Account {id}");
        }

        user.DisabledAt = null;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await Summaries(db, db.Users.Where(u => u.Id == id)).SingleAsync(cancellationToken));
    }

    private static IQueryable<AccountSummary> Summaries(GatewayDbContext db, IQueryable<GatewayUser> users) =>
        from u in users
        join o in db.Organisations on u.OrganisationId equals o.Id into organisations
        from o in organisations.DefaultIfEmpty()
        orderby u.Email, u.Id
        select new AccountSummary(u.Id, u.Email!, u.Role, u.OrganisationId, o == null ? null : o.Name, u.Permissions, u.DisabledAt != null, u.CreatedAt);
}
