using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Gateway.Data;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.Problems;

namespace Platform.Gateway.Accounts;

/// <summary>
/// Staff grant and withdraw another staff account's permissions (<see cref="StaffPermissions"/>). Nobody changes their
/// own: whoever may erase people's data was trusted with it by someone else. A change counts from the account's next
/// request (every request reads the account afresh).
/// </summary>
internal static class PermissionsApi
{
    public static IEndpointRouteBuilder MapPermissionsApi(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/gateway/accounts/{accountId:guid}/permissions").WithTags("Accounts").RequireAuthorization(PlatformPolicies.Staff);
        staff.MapPut("/{permission}", GrantAsync).WithName("GrantPermission")
            .WithSummary($"Grant a staff account a permission ({string.Join(", ", StaffPermissions.All)}); not your own");
        staff.MapDelete("/{permission}", WithdrawAsync).WithName("WithdrawPermission")
            .WithSummary("Withdraw a permission from a staff account; not your own");
        return app;
    }

    private static Task<Results<Ok<AccountResponse>, ProblemHttpResult>> GrantAsync(
        Guid accountId, string permission, HttpContext context, GatewayDbContext db, CancellationToken cancellationToken) =>
        ChangeAsync(accountId, permission, context, db, grant: true, cancellationToken);

    private static Task<Results<Ok<AccountResponse>, ProblemHttpResult>> WithdrawAsync(
        Guid accountId, string permission, HttpContext context, GatewayDbContext db, CancellationToken cancellationToken) =>
        ChangeAsync(accountId, permission, context, db, grant: false, cancellationToken);

    private static async Task<Results<Ok<AccountResponse>, ProblemHttpResult>> ChangeAsync(
        Guid accountId, string permission, HttpContext context, GatewayDbContext db, bool grant, CancellationToken cancellationToken)
    {
        if (!StaffPermissions.Exists(permission))
        {
            return RuleProblem.Create(StatusCodes.Status404NotFound, "permission", $"There is no permission '{permission}'; there are: {string.Join(", ", StaffPermissions.All)}.");
        }

        if (context.User.GetSubject() == accountId.ToString())
        {
            return TypedResults.Problem("Your own permissions are granted and withdrawn by another member of staff.",
                statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");
        }

        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == accountId, cancellationToken);
        if (user is null)
        {
            return RuleProblem.NotFound($"Account {accountId}");
        }

        if (user.Role != PlatformClaims.Roles.Staff)
        {
            return RuleProblem.Conflict("staff-only-permissions", "Only staff accounts hold permissions.");
        }

        var held = user.Permissions.Contains(permission, StringComparer.Ordinal);
        if (grant != held)
        {
            user.Permissions = grant ? [.. user.Permissions, permission] : user.Permissions.Where(p => p != permission).ToList();
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.Ok(AccountResponse.Of(user));
    }
}
