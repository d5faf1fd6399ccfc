using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Bench.Scenarios;

/// <summary>
/// What the fan-out scenarios share: a run's own confirmed subscribers seeded straight into notificationsdb (volunteering
/// news in Greystone; a platform with other such subscribers would count them too) and removed after, one post drafted
/// and published to them, and Notifications' queue.
/// </summary>
internal static class FanOutRun
{
    /// <summary>A real district (the service checks), whose only volunteering subscribers on a bench platform are the run's.</summary>
    private const string District = "Greystone";

    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(20);

    /// <summary>The running platform's notificationsdb, and its secrets.</summary>
    public static (Psql Database, Dictionary<string, string> Secrets) Platform(BenchOptions options)
    {
        var secrets = PlatformSecrets.Read(options);
        return (new Psql(PlatformResources.PostgresPort(options), secrets["postgres-password"], "notificationsdb"), secrets);
    }

    /// <summary>A client of the gateway signed in as staff, who drafts and publishes the post.</summary>
    public static async Task<HttpClient> StaffAsync(BenchOptions options, Dictionary<string, string> secrets)
    {
        var staff = new HttpClient { BaseAddress = options.Gateway, Timeout = TimeSpan.FromMinutes(2) };
        staff.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await PlatformSecrets.StaffTokenAsync(staff, secrets));
        return staff;
    }

    public static Task SeedSubscribersAsync(Psql database, string run, int subscribers) => database.RunAsync($"""
        INSERT INTO subscriber (id, email, normalized_email, created_at)
          SELECT gen_random_uuid(), 'fanout-{run}-' || g || '@bench.example.org', 'fanout-{run}-' || g || '@bench.example.org', now()
          FROM generate_series(1, {subscribers}) g;
        INSERT INTO subscription (id, subscriber_id, topics, districts, frequency, status, created_at, confirmed_at, confirm_by, digest_through)
          SELECT gen_random_uuid(), id, ARRAY['volunteering'], ARRAY['{District}'], 'immediately', 'Confirmed', now(), now() - interval '1 minute', now(), now()
          FROM subscriber WHERE email LIKE 'fanout-{run}-%';
        """);

    public static Task RemoveAsync(Psql database, string run) => database.RunAsync($"""
        DELETE FROM delivery WHERE recipient LIKE 'fanout-{run}-%';
        DELETE FROM subscriber WHERE email LIKE 'fanout-{run}-%';
        """);

    /// <summary>A draft post to the run's subscribers; returns its id.</summary>
    public static async Task<Guid> DraftAsync(HttpClient staff)
    {
        using var draft = await staff.PostAsJsonAsync("/api/notifications/news", new
        {
            title = "Volunteers needed this weekend",
            body = Body(),
            topic = "volunteering",
            district = District,
        });
        draft.EnsureSuccessStatusCode();
        return (await draft.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Publishes the draft: every subscriber's email queued when it returns (checked).</summary>
    public static async Task PublishAsync(HttpClient staff, Guid post, int subscribers)
    {
        using var published = await staff.PostAsync($"/api/notifications/news/{post}/publish", null);
        published.EnsureSuccessStatusCode();
        var queued = (await published.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("subscribersQueued").GetInt32();
        if (queued != subscribers) throw new InvalidOperationException($"{queued} subscribers were queued, not {subscribers}.");
    }

    /// <summary>
    /// Mail queued by an earlier scenario (registration-rush's confirmations and waitlist notices) would reach the sink
    /// during this one and be counted as the fan-out's: waits for the queue to be empty first.
    /// </summary>
    public static async Task WaitForEmptyQueueAsync(Psql database)
    {
        var clock = Stopwatch.StartNew();
        while (int.Parse((await database.QueryAsync("SELECT count(*) FROM delivery WHERE status = 'Sending' OR (status = 'Queued' AND next_attempt_at <= now())")).Trim(), CultureInfo.InvariantCulture) > 0)
        {
            if (clock.Elapsed > Timeout) throw new TimeoutException($"Notifications' queue was still not empty after {Timeout.TotalMinutes} min");
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    public static string Body() => string.Concat(Enumerable.Repeat(
        "Our partners need **volunteers** for the community safety days this weekend: litter picks, a bike-marking stall and a welcome desk. ", 6));
}
