namespace Platform.Gateway.Accounts;

public sealed record LoginRequest(string Email, string Password);

public sealed record LoginResponse(string AccessToken, string TokenType, DateTimeOffset ExpiresAt);

public sealed record ChangePasswordRequest(string CurrentPassword, string NewPassword);

/// <summary>An account; <see cref="Permissions"/> are a staff account's (<see cref="StaffPermissions"/>).</summary>
public sealed record AccountResponse(Guid Id, string Email, string Role, Guid? OrganisationId, IReadOnlyList<string> Permissions)
{
    public static AccountResponse Of(GatewayUser user) => new(user.Id, user.Email!, user.Role, user.OrganisationId, user.Permissions);
}

public sealed record CreateOrganisationRequest(string Name);

public sealed record OrganisationResponse(Guid Id, string Name, DateTimeOffset CreatedAt);

/// <summary>An organisation user (with <see cref="OrganisationId"/>) or, with <see cref="Role"/> "staff", a member of staff.</summary>
public sealed record InviteRequest(string Email, Guid? OrganisationId, string? Role = null);

/// <summary>No token: the link to accept goes only to the invitee, by email (Notifications).</summary>
public sealed record InvitationResponse(Guid Id, string Email, Guid? OrganisationId, DateTimeOffset ExpiresAt, string Role);

public sealed record AcceptInvitationRequest(string InvitationToken, string Password);

public sealed record PasswordResetRequest(string Email);

public sealed record CompletePasswordResetRequest(string ResetToken, string Password);

/// <summary>An account as staff see it in the list of who has which role.</summary>
public sealed record AccountSummary(
    Guid Id, string Email, string Role, Guid? OrganisationId, string? OrganisationName, IReadOnlyList<string> Permissions,
    bool Disabled, DateTimeOffset CreatedAt);
