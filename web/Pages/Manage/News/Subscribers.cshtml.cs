using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Web.Api;
using Platform.Web.EmailUpdates;
using Platform.Web.Manage;
using Platform.Web.Manage.News;

namespace Platform.Web.Pages.Manage.News;

/// <summary>Who is subscribed to what, and the last 30 days' sign-ups and emails, as charts with their numbers.</summary>
public sealed class SubscribersModel(PlatformApi api) : PageModel
{
    public NotificationsReport Report { get; private set; } = null!;
    public BarChart ByTopic { get; private set; } = null!;
    public BarChart ByFrequency { get; private set; } = null!;
    public LineChart Sent { get; private set; } = null!;
    public LineChart Confirmed { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var report = await api.GetAsync<NotificationsReport>("api/notifications/reports", ct);
        Report = report.Value ?? throw new PlatformUnavailableException($"The notifications report was refused: {report.Problem?.Status}.");
        var counts = Report.Subscribers;
        ByTopic = new BarChart("by-topic", "Confirmed subscribers by topic", "Topic", "Subscribers",
            counts.ByTopic.OrderByDescending(t => t.Value).Select(t => new ChartBar(EmailUpdatesApi.TopicName(t.Key), t.Value)).ToList());
        ByFrequency = new BarChart("by-frequency", "Confirmed subscribers by how often they are emailed", "How often", "Subscribers",
            counts.ByFrequency.OrderByDescending(f => f.Value).Select(f => new ChartBar(EmailUpdatesApi.FrequencyName(f.Key), f.Value)).ToList());
        Sent = new LineChart("sent", "Emails sent each day", "Emails sent", Report.Days.Select(d => new ChartPoint(d.Day, d.Sent)).ToList());
        Confirmed = new LineChart("confirmed", "Sign-ups confirmed each day", "Confirmed", Report.Days.Select(d => new ChartPoint(d.Day, d.Confirmed)).ToList());
    }
}
