using Microsoft.AspNetCore.Identity;

namespace Platform.Gateway.Accounts;

/// <summary>A staff or organisation user. Partners' systems have API keys, never accounts.</summary>
public sealed class GatewayUser : IdentityUser<Guid>
{
    /// <summary><see cref="Platform.ServiceDefaults.Identity.PlatformClaims.Roles.Staff"/> or <c>organisation</c>.</summary>
    public required string Role { get; set; }

    /// <summary>Set for organisation users: every query they make is filtered by it.</summary>
    public Guid? OrganisationId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>A staff account's <see cref="StaffPermissions"/>, granted by another member of staff.</summary>
    public List<string> Permissions { get; set; } = [];

    /// <summary>Set while staff have disabled the account: it cannot sign in, and its sessions ended when it was set.</summary>
    public DateTimeOffset? DisabledAt { get; set; }
}
