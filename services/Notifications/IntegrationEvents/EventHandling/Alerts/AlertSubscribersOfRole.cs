using System.Globalization;
using MassTransit;
using Microsoft.Extensions.Options;
using Platform.Contracts.Volunteers;
using Platform.Notifications.Infrastructure;
using Platform.Notifications.News;
using Platform.Notifications.Subscriptions;

namespace Platform.Notifications.IntegrationEvents.EventHandling.Alerts;

/// <summary>
/// A role opened: subscribers of volunteering in its district (or in every district) are told, at once or in their
/// digest (<see cref="AutomaticPosts"/>). Keyed on the role, so a role announced again when its organisation is approved
/// a second time reaches nobody twice. Nothing is sent for a role its organisation kept out of the alerts.
/// </summary>
public sealed class AlertSubscribersOfRole(AutomaticPosts posts, IOptions<NotificationsOptions> options) : IConsumer<RoleOpened>
{
    public Task Consume(ConsumeContext<RoleOpened> context)
    {
        var role = context.Message;
        if (!role.SendAlerts) return Task.CompletedTask;

        var where = role.Remote ? $"{AutomaticPosts.Plain(role.District)} or remote" : AutomaticPosts.Plain(role.District);
        var body = $"**{AutomaticPosts.Plain(role.OrganisationName)}** is looking for volunteers in {where}.\n"
            + (role.ClosesOn is { } closes ? $"\nApply by {closes.ToString("dddd d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}.\n" : "")
            + AutomaticPosts.Link("See the role and apply", new Uri(options.Value.PublicBaseUrl, $"volunteering/roles/{role.RoleId}"));
        return posts.PublishAsync(role.RoleId, $"New volunteer role: {role.Title}", body, SubscriptionCatalog.Volunteering, role.District,
            "volunteers", context.CancellationToken);
    }
}
