using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Platform.Web.Manage;

/// <summary>
/// Who may open a folder of the back office: any signed-in user, or only the roles named. A page checks the same
/// role or permission as the API it calls, so a user never sees a page whose every call would be refused; the API stays
/// the authority (each call carries the user's own session, <see cref="SessionBearer"/>).
/// </summary>
public sealed record ManageAccess(IReadOnlyList<string> Roles)
{
    public static readonly ManageAccess SignedIn = new([]);
    public static readonly ManageAccess StaffOnly = new([ManageUser.Staff]);
    /// <summary>Organisation users (each sees their own organisation's data; the API scopes it) and staff (see all).</summary>
    public static readonly ManageAccess StaffAndOrganisations = new([ManageUser.Staff, ManageUser.Organisation]);

    public bool Admits(ManageUser user) => Roles.Count == 0 || Roles.Contains(user.Role, StringComparer.Ordinal);
}

/// <summary>A page only staff holding this permission may open (as the API it calls requires).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresPermissionAttribute(string permission) : Attribute
{
    public string Permission { get; } = permission;
}

/// <summary>
/// A page only staff may open, in a folder organisation users may open too: the API it calls is staff's (an event's
/// pitches, questions and feedback), so an organisation user would only be refused.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class StaffOnlyAttribute : Attribute;

/// <summary>A page of the back office anyone may open (signing in).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class OpenToAnyoneAttribute : Attribute;

/// <summary>
/// Before a back-office page runs: no session → sign in (coming back here); a session the gateway no longer knows → the
/// same (<see cref="SignInRequiredException"/>); a user whose role or permissions do not admit them → 403.
/// </summary>
internal sealed class ManageAccessFilter(ManageAccess access, string? permission) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (ManageSession.TokenOf(http) is null)
        {
            context.Result = new RedirectResult(ManageArea.SignInUrl(http.Request.Path + http.Request.QueryString));
            return;
        }

        var user = await http.RequestServices.GetRequiredService<CurrentManageUser>().GetAsync(http.RequestAborted);
        if (!access.Admits(user) || permission is not null && !user.Holds(permission))
        {
            context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
            return;
        }

        await next();
    }
}
