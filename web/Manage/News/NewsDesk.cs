using System.Security.Cryptography;
using System.Text;

namespace Platform.Web.Manage.News;

/// <summary>GET /api/notifications/news: a post, draft or published, with its Markdown and the HTML it is sent as.</summary>
public sealed record StaffNewsPost(Guid Id, string Title, string Body, string BodyHtml, string Topic, string? District, string Status, DateTime CreatedAt, DateTime? PublishedAt);

/// <summary>POST /api/notifications/news/preview: the post as it would be sent, not saved.</summary>
public sealed record NewsPreview(string Title, string BodyHtml, string Topic, string? District);

/// <summary>POST /api/notifications/news/{id}/publish.</summary>
public sealed record NewsPublished(Guid Id, string Status, DateTime? PublishedAt, int SubscribersQueued);

/// <summary>GET /api/notifications/reports: subscribers now, and each day's requests, confirmations and deliveries.</summary>
public sealed record SubscriberCounts(int Confirmed, int Pending, IReadOnlyDictionary<string, int> ByTopic, IReadOnlyDictionary<string, int> ByFrequency);

public sealed record DeliveryDay(DateOnly Day, int Requested, int Confirmed, double? ConfirmationRate, int Unsubscribed, int Sent, int Failed, int Suppressions);

public sealed record NotificationsReport(SubscriberCounts Subscribers, IReadOnlyList<DeliveryDay> Days);

/// <summary>GET /api/notifications/subscribers/lookup: one address's subscription (data-protection permission).</summary>
public sealed record SubscriberLookup(string Email, IReadOnlyList<string> Topics, string Frequency, string Status, DateTime CreatedAt, DateTime? ConfirmedAt, string? EndReason);

/// <summary>What staff type on the news form.</summary>
public sealed class NewsForm
{
    public string? Title { get; set; }
    public string? Body { get; set; }
    public string? Topic { get; set; }
    public string? District { get; set; }

    /// <summary>The fingerprint of the form as last previewed: publishing needs the preview of exactly what is sent.</summary>
    public string? Previewed { get; set; }

    public string Fingerprint() => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(
        string.Join('\u001f', Title?.Trim(), Body, Topic, District?.Trim()))));

    public object Request() => new { title = Title, body = Body, topic = Topic, district = string.IsNullOrWhiteSpace(District) ? null : District };

    /// <summary>The API's JSON field names mapped to the form's, so its errors show next to the right field.</summary>
    public static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>
    {
        ["title"] = "Form.Title",
        ["body"] = "Form.Body",
        ["topic"] = "Form.Topic",
        ["district"] = "Form.District",
    };
}
