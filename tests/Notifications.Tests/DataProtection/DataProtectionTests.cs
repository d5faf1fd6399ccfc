using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Notifications.DataProtection;
using Platform.Notifications.Reports;
using Platform.Notifications.Subscriptions;

namespace Platform.Notifications.Tests.DataProtection;

public sealed class DataProtectionTests : IAsyncDisposable
{
    private readonly NotificationsFactory _factory = new();

    [Fact]
    public async Task Unconfirmed_sign_ups_expire_and_ended_subscriptions_are_forgotten_after_the_retention()
    {
        var stays = await _factory.SubscribeAsync("stays@example.org", ["news"], "daily");
        var leaves = await _factory.SubscribeAsync("leaves@example.org", ["news"], "daily");
        using (await _factory.CreateClient().PostAsJsonAsync("/api/notifications/subscriptions",
            new { email = "never@example.org", topics = new[] { "news" }, frequency = "daily" })) { }
        await _factory.WaitForEmailsAsync(3);
        await _factory.RunAsync<SubscriberAccount, bool>(a => a.UnsubscribeAsync(leaves, CancellationToken.None));

        Assert.Equal(0, await HousekeepAsync());
        _factory.Time.Advance(TimeSpan.FromDays(8)); // past the 7-day confirmation window
        Assert.Equal(1, await HousekeepAsync());
        Assert.Equal(["leaves@example.org", "stays@example.org"], await AddressesAsync());

        _factory.Time.Advance(TimeSpan.FromDays(21)); // 29 days after leaving
        Assert.Equal(1, await HousekeepAsync());
        Assert.Equal(["stays@example.org"], await AddressesAsync());
        var recipients = await _factory.WithDbAsync(db => db.Deliveries.Select(d => d.Recipient).ToListAsync());
        Assert.DoesNotContain("leaves@example.org", recipients);
        Assert.DoesNotContain("never@example.org", recipients);
        Assert.Contains(Subscriber.Fingerprint("leaves@example.org"), recipients);
        Assert.NotEqual(Guid.Empty, stays);
    }

    [Theory]
    [InlineData("?to=9999-12-31")]
    [InlineData("?from=9999-12-31&to=9999-12-31")]
    [InlineData("?to=0001-01-01")]
    [InlineData("?from=0001-01-01&to=0001-01-01")]
    public async Task A_report_for_the_first_or_last_day_a_date_can_name_is_an_answer_not_a_500(string query)
    {
        // The hardening fuzz (issue 15): the day after 9999-12-31 and the 29 days before 0001-01-01 do not exist.
        using var response = await _factory.CreateStaffClient().GetAsync("/api/notifications/reports" + query);

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{(int)response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.BadRequest)
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Staff_see_counts_and_need_the_permission_to_look_up_or_erase_an_address()
    {
        await _factory.SubscribeAsync("one@example.org", ["news", "events"], "immediately");
        await _factory.SubscribeAsync("two@example.org", ["news"], "weekly");
        using (await _factory.CreateClient().PostAsJsonAsync("/api/notifications/subscriptions",
            new { email = "three@example.org", topics = new[] { "awards" }, frequency = "daily" })) { }
        await _factory.WaitForEmailsAsync(3);

        var staff = _factory.CreateStaffClient();
        var report = await staff.GetFromJsonAsync<JsonElement>("/api/notifications/reports");
        var subscribers = report.GetProperty("subscribers");
        Assert.Equal(2, subscribers.GetProperty("confirmed").GetInt32());
        Assert.Equal(1, subscribers.GetProperty("pending").GetInt32());
        Assert.Equal(2, subscribers.GetProperty("byTopic").GetProperty("news").GetInt32());
        Assert.Equal(1, subscribers.GetProperty("byFrequency").GetProperty("weekly").GetInt32());
        var today = report.GetProperty("days").EnumerateArray().Last();
        Assert.Equal(3, today.GetProperty("requested").GetInt32());
        Assert.Equal(2, today.GetProperty("confirmed").GetInt32());
        Assert.Equal(0.667, today.GetProperty("confirmationRate").GetDouble());
        Assert.Equal(3, today.GetProperty("sent").GetInt32());
        Assert.DoesNotContain("@example.org", report.GetRawText());

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/notifications/subscribers/lookup?email=one@example.org")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync("/api/notifications/subscribers/erasures", new { email = "one@example.org" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _factory.CreateClient().GetAsync("/api/notifications/reports")).StatusCode);

        var permitted = _factory.CreateStaffClient(StaffApi.SubscribersScope);
        var found = await permitted.GetFromJsonAsync<JsonElement>("/api/notifications/subscribers/lookup?email=ONE@example.org");
        Assert.Equal("immediately", found.GetProperty("frequency").GetString());
        using var erased = await permitted.PostAsJsonAsync("/api/notifications/subscribers/erasures", new { email = "one@example.org" });
        Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await permitted.GetAsync("/api/notifications/subscribers/lookup?email=one@example.org")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await permitted.PostAsJsonAsync("/api/notifications/subscribers/erasures", new { email = "x\r\n@y" })).StatusCode);
    }

    private Task<int> HousekeepAsync() => _factory.RunAsync<Housekeeping, int>(h => h.RunOnceAsync(CancellationToken.None));

    private Task<List<string>> AddressesAsync() => _factory.WithDbAsync(db => db.Subscribers.Select(s => s.NormalizedEmail).OrderBy(e => e).ToListAsync());

    public ValueTask DisposeAsync() => _factory.DisposeAsync();
}
