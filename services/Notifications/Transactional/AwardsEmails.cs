using Microsoft.Extensions.Options;
using Platform.Contracts.Awards;
using Platform.Notifications.Delivery;
using Platform.Notifications.Infrastructure;
using Platform.Notifications.IntegrationEvents.EventHandling.Awards;

namespace Platform.Notifications.Transactional;

/// <summary>
/// Turns the Awards service's integration events into emails: the nomination acknowledgement with its manage link,
/// and the finalist notice to nominators and nominees. Nothing here ever mentions who won.
/// </summary>
public sealed class AwardsEmails(EmailTemplates templates, LocalTime localTime, IOptions<NotificationsOptions> options)
{
    public const string NominationReceivedKind = "award-nomination-received";
    public const string FinalistKind = "award-finalist";

    /// <summary>The site's page for the nomination (web/Pages/Awards/Manage), reached through the gateway.</summary>
    public Uri ManageLink(string token) =>
        new(options.Value.PublicBaseUrl, $"awards/nominations/{Uri.EscapeDataString(token)}");

    public RenderedEmail NominationReceived(NominationReceived e) =>
        templates.Render(NominationReceivedKind, new
        {
            e.NominatorName,
            e.NomineeName,
            e.CategoryName,
            e.ProgrammeName,
            WithdrawBefore = localTime.Format(e.WithdrawBefore),
            ManageLink = ManageLink(e.ManageToken).AbsoluteUri,
        });

    public RenderedEmail Finalist(FinalistEmailDue e) =>
        templates.Render(FinalistKind, new
        {
            e.RecipientName,
            e.IsNominee,
            e.NomineeName,
            e.CategoryName,
            e.ProgrammeName,
            CeremonyAt = e.CeremonyAt is { } at ? localTime.Format(at) : null,
            e.CeremonyVenue,
        });
}
