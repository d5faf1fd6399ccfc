namespace Platform.Web.Manage.Accounts;

/// <summary>An account in the gateway's list (GET /gateway/accounts).</summary>
public sealed record AccountRow(Guid Id, string Email, string Role, Guid? OrganisationId, string? OrganisationName,
    IReadOnlyList<string> Permissions, bool Disabled, DateTimeOffset CreatedAt);

public sealed record AccountsPage(IReadOnlyList<AccountRow> Items, int Page, int PageSize, int Total)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed record OrganisationRow(Guid Id, string Name);

public sealed record OrganisationsPage(IReadOnlyList<OrganisationRow> Items, int Page, int PageSize, int Total);

/// <summary>Staff's form to invite a member of staff or a user of one organisation.</summary>
public sealed class InviteForm
{
    public const string Staff = ManageUser.Staff;
    public const string Organisation = ManageUser.Organisation;

    public string? Email { get; set; }
    public string? Role { get; set; }
    public Guid? OrganisationId { get; set; }

    public static readonly IReadOnlyList<string> Order = ["Invite.Email", "Invite.Role", "Invite.OrganisationId"];

    public static readonly IReadOnlyDictionary<string, string> ApiFields = new Dictionary<string, string>
    {
        ["email"] = "Invite.Email", ["role"] = "Invite.Role", ["organisationId"] = "Invite.OrganisationId",
    };
}
