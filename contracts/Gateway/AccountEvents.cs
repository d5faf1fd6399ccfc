namespace Platform.Contracts.Gateway;

/// <summary>
/// Staff invited someone to an account: Notifications emails them a link to choose a password with
/// <see cref="InvitationToken"/>, which works once, until <see cref="ExpiresAt"/>, and only while no newer invitation to
/// the same address exists. The gateway keeps only its hash. <see cref="OrganisationName"/> is null for staff.
/// </summary>
public sealed record InvitationIssued(
    Guid InvitationId,
    string Email,
    string Role,
    string? OrganisationName,
    [property: LinkSecret] string InvitationToken,
    DateTimeOffset ExpiresAt) : IntegrationEvent;

/// <summary>
/// Someone asked to reset the password of the account at <see cref="Email"/>: Notifications emails the link with
/// <see cref="ResetToken"/>, which works once, until <see cref="ExpiresAt"/>, and only while it is the account's newest.
/// Never published for an address without an account, so nobody else's mailbox can be filled by the form.
/// </summary>
public sealed record PasswordResetRequested(
    Guid AccountId,
    string Email,
    [property: LinkSecret] string ResetToken,
    DateTimeOffset ExpiresAt) : IntegrationEvent;
