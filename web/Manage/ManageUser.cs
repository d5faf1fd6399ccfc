using Platform.Web.Api;

namespace Platform.Web.Manage;

/// <summary>The signed-in user as the gateway knows them (<c>GET /gateway/accounts/me</c>).</summary>
public sealed record ManageUser(Guid Id, string Email, string Role, Guid? OrganisationId, IReadOnlyList<string> Permissions)
{
    public const string Staff = "staff";
    public const string Organisation = "organisation";

    public bool IsStaff => Role == Staff;
    public bool IsOrganisation => Role == Organisation;
    public bool Holds(string permission) => IsStaff && Permissions.Contains(permission, StringComparer.Ordinal);
}

/// <summary>
/// Who is signed in, asked of the gateway once per request (the layout, the access check and the page share the
/// answer). Never remembered longer: a user disabled or signed out elsewhere is refused on their next page.
/// </summary>
public sealed class CurrentManageUser(PlatformApi api)
{
    private Task<ManageUser>? _user;

    /// <summary>The user; throws <see cref="SignInRequiredException"/> when there is no live session.</summary>
    public Task<ManageUser> GetAsync(CancellationToken cancellationToken) => _user ??= ReadAsync(cancellationToken);

    /// <summary>The user once <see cref="GetAsync"/> has answered (the layout's view of the page's user), else null.</summary>
    public ManageUser? Known => _user is { IsCompletedSuccessfully: true } read ? read.Result : null;

    private async Task<ManageUser> ReadAsync(CancellationToken cancellationToken)
    {
        var me = await api.GetAsync<ManageUser>("gateway/accounts/me", cancellationToken);
        // A 401 has already become SignInRequiredException (SessionBearer); anything else refused is no session either.
        return me.Succeeded ? me.Value : throw new SignInRequiredException();
    }
}
