using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Platform.Notifications.Delivery;

namespace Platform.Notifications.Tests;

/// <summary>Subscribers made the way the public makes them: sign up, take the link from the email, follow it.</summary>
public static partial class TestSubscribers
{
    public static async Task<Guid> SubscribeAsync(this NotificationsFactory factory, string email, string[] topics, string frequency, string[]? districts = null)
    {
        var client = factory.CreateClient();
        var before = factory.Emails.Sent.Count(s => s.To == email);
        using var response = await client.PostAsJsonAsync("/api/notifications/subscriptions", new { email, topics, frequency, districts });
        response.EnsureSuccessStatusCode();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (factory.Emails.Sent.Count(s => s.To == email) == before && DateTime.UtcNow < deadline) await Task.Delay(25);
        var confirmation = factory.Emails.Sent.Last(s => s.To == email).Email;
        var link = new Uri(ConfirmLink().Match(confirmation.TextBody).Value);
        // The link opens the site's page; its Confirm button posts the token.
        var token = System.Web.HttpUtility.ParseQueryString(link.Query)["token"];
        using var confirmed = await client.PostAsJsonAsync("/api/notifications/subscriptions/confirm", new { token });
        confirmed.EnsureSuccessStatusCode();
        return await factory.WithDbAsync(db => db.Subscribers.Where(s => s.NormalizedEmail == email.ToLowerInvariant()).Select(s => s.Id).SingleAsync());
    }

    public static async Task<Guid> PublishNewsAsync(this NotificationsFactory factory, string title, string topic = "news", string? district = null, string body = "Some **news**.")
    {
        var staff = factory.CreateStaffClient();
        using var created = await staff.PostAsJsonAsync("/api/notifications/news", new { title, body, topic, district });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        using var published = await staff.PostAsync($"/api/notifications/news/{id}/publish", null);
        published.EnsureSuccessStatusCode();
        return id;
    }

    public static IReadOnlyList<RenderedEmail> To(this NotificationsFactory factory, string email) =>
        factory.Emails.Sent.Where(s => string.Equals(s.To, email, StringComparison.OrdinalIgnoreCase)).Select(s => s.Email).ToList();

    /// <summary>The manage or unsubscribe link in an email's plain-text part.</summary>
    public static Uri Link(RenderedEmail email, string kind) =>
        new(Regex.Match(email.TextBody, $@"http://\S+/email-updates/{kind}/[A-Za-z0-9_\-]+").Value);

    /// <summary>The API's URL for the same link: the token is the same, the site's page calls the API with it.</summary>
    public static Uri ApiLink(RenderedEmail email, string kind) =>
        new(Link(email, kind).AbsoluteUri.Replace("/email-updates/", "/api/notifications/", StringComparison.Ordinal));

    [GeneratedRegex(@"http://\S+/email-updates/confirm\?token=[A-Za-z0-9_\-]+")]
    private static partial Regex ConfirmLink();
}
