using System.Globalization;
using Microsoft.Extensions.Options;
using Platform.Contracts.Gateway;
using Platform.Notifications.Delivery;
using Platform.Notifications.Infrastructure;

namespace Platform.Notifications.Transactional;

/// <summary>
/// Turns the gateway's account events into emails: an invitation to choose a password, and a password-reset link.
/// Links point at the site's back-office pages (web/Pages/Manage), which call the gateway with the token.
/// </summary>
public sealed class AccountsEmails(EmailTemplates templates, IOptions<NotificationsOptions> options)
{
    public const string InvitationKind = "account-invitation";
    public const string PasswordResetKind = "account-password-reset";

    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    public Uri InvitationLink(string token) => new(options.Value.PublicBaseUrl, $"manage/invitation/{Uri.EscapeDataString(token)}");

    public Uri ResetLink(string token) => new(options.Value.PublicBaseUrl, $"manage/reset-password/{Uri.EscapeDataString(token)}");

    public RenderedEmail Invitation(InvitationIssued e) =>
        templates.Render(InvitationKind, new
        {
            e.OrganisationName,
            IsStaff = e.Role == "staff",
            Link = InvitationLink(e.InvitationToken).AbsoluteUri,
            ExpiresOn = e.ExpiresAt.UtcDateTime.ToString("d MMMM yyyy", British),
        });

    public RenderedEmail PasswordReset(PasswordResetRequested e) =>
        templates.Render(PasswordResetKind, new
        {
            Link = ResetLink(e.ResetToken).AbsoluteUri,
            ExpiresAt = e.ExpiresAt.UtcDateTime.ToString("HH:mm 'UTC on' d MMMM yyyy", British),
        });
}
