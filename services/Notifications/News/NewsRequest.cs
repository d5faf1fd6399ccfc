using Platform.Notifications.Subscriptions;
using Platform.ServiceDefaults.ReferenceData;
using Platform.ServiceDefaults.Text;

namespace Platform.Notifications.News;

/// <summary>Body of <c>POST /api/notifications/news</c>: a draft, published separately.</summary>
public sealed record NewsRequest(string? Title, [MultiLineText] string? Body, string? Topic, string? District);

public sealed record NewsPostView(Guid Id, string Title, string Body, string BodyHtml, string Topic, string? District, string Status, DateTime CreatedAt, DateTime? PublishedAt);

/// <summary>A published post as the public sees it (the site's news archive): sanitised HTML, no author or draft state.</summary>
public sealed record PublicNewsPostView(Guid Id, string Title, string BodyHtml, string Topic, string? District, DateTime PublishedAt);

/// <summary>A post not yet saved, as it would be sent (<c>POST /api/notifications/news/preview</c>).</summary>
public sealed record NewsPreview(string Title, string BodyHtml, string Topic, string? District);

public sealed record PublishedView(Guid Id, string Status, DateTime? PublishedAt, int SubscribersQueued);

public static class NewsRequestValidation
{
    public static Dictionary<string, string[]> Validate(NewsRequest request, Districts districts)
    {
        var errors = new Dictionary<string, string[]>();
        var title = request.Title?.Trim() ?? "";
        if (title.Length == 0) errors["title"] = ["A title is required."];
        else if (title.Length > NewsLimits.TitleLength) errors["title"] = [$"At most {NewsLimits.TitleLength} characters."];
        else if (title.Any(char.IsControl)) errors["title"] = ["A title is one line, without control characters."];

        var body = request.Body ?? "";
        if (body.Trim().Length == 0) errors["body"] = ["A body is required."];
        else if (body.Length > NewsLimits.BodyLength) errors["body"] = [$"At most {NewsLimits.BodyLength} characters."];

        var topic = request.Topic?.Trim().ToLowerInvariant() ?? "";
        if (!SubscriptionCatalog.Topics.Contains(topic))
            errors["topic"] = [$"Topic must be one of: {string.Join(", ", SubscriptionCatalog.Topics)}."];

        var district = request.District?.Trim();
        if (district is { Length: > 0 })
        {
            if (!SubscriptionCatalog.HasDistricts(topic))
                errors["district"] = [$"Only {string.Join(" and ", SubscriptionCatalog.DistrictTopics)} posts have a district."];
            else if (districts.Find(district) is null)
                errors["district"] = [districts.NotADistrict(district)];
        }

        return errors;
    }
}
