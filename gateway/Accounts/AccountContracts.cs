namespace Platform.Gateway.Accounts;

public sealed record LoginRequest(string Email, string Password);

public sealed record LoginResponse(string AccessToken, string TokenType, DateTimeOffset ExpiresAt);

public sealed record ChangePasswordRequest(string CurrentPassword, string NewPassword);

public sealed record AccountResponse(Guid Id, string Email, string Role, Guid? OrganisationId);

public sealed record CreateOrganisationRequest(string Name);

public sealed record OrganisationResponse(Guid Id, string Name, DateTimeOffset CreatedAt);

public sealed record InviteRequest(string Email, Guid OrganisationId);

/// <summary>The token is shown once: the inviting staff member passes it on (the gateway sends no email).</summary>
public sealed record InvitationResponse(Guid Id, string Email, Guid OrganisationId, string InvitationToken, DateTimeOffset ExpiresAt);

public sealed record AcceptInvitationRequest(string InvitationToken, string Password);
