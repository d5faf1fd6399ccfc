// How to run (from the repository, against a platform started for the bench):
//
//   ./platform up --gateway-port 8381 --dashboard-url http://127.0.0.1:19081
//   dotnet run --project bench -c Release -- news-fanout --gateway http://127.0.0.1:8381 --dashboard http://127.0.0.1:19081
//
// Needs /usr/lib/postgresql/15/bin/psql. NEWS_FANOUT_SUBSCRIBERS=N changes the 20,000. The run seeds its subscribers
// straight into notificationsdb (one district of their own, so the post reaches them alone) and removes them after.
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Mail;
using System.Net.Mime;
using System.Text.Json;

namespace Platform.Bench.Scenarios;

/// <summary>
/// One news post to N confirmed "immediately" subscribers: from the staff's publish request to the last email landing
/// in the SMTP sink, counted as files in its Maildir. Beside it, the sink's own ceiling measured in the same run: a
/// plain System.Net.Mail client sending the same number of messages of the same size with as many connections as the
/// service uses. Goal: the fan-out reaches at least 80% of that ceiling.
/// </summary>
public sealed class NewsFanout : IScenario
{
    private const double Goal = 0.8;
    private const int SenderConcurrency = 8; // Notifications:Delivery:Concurrency's default
    private const string Psql = "/usr/lib/postgresql/15/bin/psql";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(15);

    // Listing a Maildir of 100,000 files costs real CPU on a two-core machine; both measurements poll alike, and rarely.
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    public async Task<object> RunAsync(BenchOptions options)
    {
        var subscribers = int.TryParse(Environment.GetEnvironmentVariable("NEWS_FANOUT_SUBSCRIBERS"), out var n) && n > 0 ? n : 20_000;
        var secrets = ReadSecrets();
        using var dashboard = new HttpClient { BaseAddress = options.Dashboard, Timeout = TimeSpan.FromSeconds(10) };
        var postgresPort = new Uri((await dashboard.GetFromJsonAsync<JsonElement>("/api/resources/notificationsdb")).GetProperty("urls")[0].GetString()!).Port;
        var smtp = new Uri((await dashboard.GetFromJsonAsync<JsonElement>("/api/resources/mail")).GetProperty("urls")[0].GetString()!);
        var maildir = FindMaildir();
        var run = Guid.NewGuid().ToString("N")[..12];
        var district = $"bench-{run}";
        var password = secrets["postgres-password"];

        await PsqlAsync(postgresPort, password, $"""
            INSERT INTO subscriber (id, email, normalized_email, created_at)
              SELECT gen_random_uuid(), 'fanout-{run}-' || g || '@bench.example.org', 'fanout-{run}-' || g || '@bench.example.org', now()
              FROM generate_series(1, {subscribers}) g;
            INSERT INTO subscription (id, subscriber_id, topics, districts, frequency, status, created_at, confirmed_at, confirm_by, digest_through)
              SELECT gen_random_uuid(), id, ARRAY['volunteering'], ARRAY['{district}'], 'immediately', 'Confirmed', now(), now() - interval '1 minute', now(), now()
              FROM subscriber WHERE email LIKE 'fanout-{run}-%';
            """);
        try
        {
            var ceiling = await PlainClientAsync(smtp, maildir, subscribers);

            using var staff = new HttpClient { BaseAddress = options.Gateway, Timeout = TimeSpan.FromMinutes(2) };
            staff.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await LoginAsync(staff, secrets["gateway-staff-password"]));
            var fanout = await FanOutAsync(staff, maildir, district, subscribers);

            var ratio = Math.Round(fanout.EmailsPerSecond / ceiling.EmailsPerSecond, 3);
            return new
            {
                Scenario = "news-fanout",
                Subscribers = subscribers,
                FanOut = fanout,
                SinkCeiling = ceiling,
                FanOutOverCeiling = new { Ratio = ratio, Goal = $">= {Goal}", Met = ratio >= Goal },
                Machine = new { Environment.ProcessorCount, Os = Environment.OSVersion.ToString() },
            };
        }
        finally
        {
            await PsqlAsync(postgresPort, password, $"""
                DELETE FROM delivery WHERE recipient LIKE 'fanout-{run}-%';
                DELETE FROM subscriber WHERE email LIKE 'fanout-{run}-%';
                """);
        }
    }

    private sealed record Measured(int Emails, double Seconds, double EmailsPerSecond, double? PublishSeconds = null, double? FirstEmailSeconds = null);

    private static async Task<Measured> FanOutAsync(HttpClient staff, string maildir, string district, int subscribers)
    {
        var before = Count(maildir);
        using var draft = await staff.PostAsJsonAsync("/api/notifications/news", new
        {
            title = "Volunteers needed this weekend",
            body = Body(),
            topic = "volunteering",
            district,
        });
        draft.EnsureSuccessStatusCode();
        var id = (await draft.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var clock = Stopwatch.StartNew();
        using var published = await staff.PostAsync($"/api/notifications/news/{id}/publish", null);
        published.EnsureSuccessStatusCode();
        var publishSeconds = clock.Elapsed.TotalSeconds;
        var queued = (await published.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("subscribersQueued").GetInt32();
        if (queued != subscribers) throw new InvalidOperationException($"{queued} subscribers were queued, not {subscribers}.");

        double? first = null;
        int arrived;
        while ((arrived = Count(maildir) - before) < subscribers)
        {
            if (first is null && arrived > 0) first = clock.Elapsed.TotalSeconds;
            if (clock.Elapsed > Timeout) throw new TimeoutException($"only {arrived} of {subscribers} emails arrived");
            await Task.Delay(PollInterval);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        return new Measured(subscribers, Math.Round(seconds, 2), Math.Round(subscribers / seconds, 1), Math.Round(publishSeconds, 3), first is null ? null : Math.Round(first.Value, 3));
    }

    /// <summary>The sink's ceiling: the same number of messages, the same size, the same concurrency, no service in between.</summary>
    private static async Task<Measured> PlainClientAsync(Uri smtp, string maildir, int count)
    {
        var before = Count(maildir);
        var next = -1;
        var body = Body();
        var clock = Stopwatch.StartNew();
        // Polls as the fan-out measurement does, so both pay the same cost of listing the Maildir.
        var poller = Task.Run(async () =>
        {
            while (Count(maildir) - before < count) await Task.Delay(PollInterval);
        });
        await Task.WhenAll(Enumerable.Range(0, SenderConcurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                using var message = new MailMessage(new MailAddress("updates@safer-communities.local", "Safer Communities Partnership"),
                    new MailAddress($"ceiling-{i}@bench.example.org"))
                {
                    Subject = "Volunteers needed this weekend",
                    Body = body,
                };
                message.AlternateViews.Add(AlternateView.CreateAlternateViewFromString($"<p>{body}</p>", null, MediaTypeNames.Text.Html));
                using var client = new SmtpClient(smtp.Host, smtp.Port);
                await client.SendMailAsync(message);
            }
        })));
        await poller;
        var seconds = clock.Elapsed.TotalSeconds;
        return new Measured(count, Math.Round(seconds, 2), Math.Round(count / seconds, 1));
    }

    private static string Body() => string.Concat(Enumerable.Repeat(
        "Our partners need **volunteers** for the community safety days this weekend: litter picks, a bike-marking stall and a welcome desk. ", 6));

    private static int Count(string maildir) => Directory.EnumerateFiles(Path.Combine(maildir, "new")).Count();

    private static async Task<string> LoginAsync(HttpClient http, string password)
    {
        using var login = await http.PostAsJsonAsync("/gateway/accounts/login", new { email = "admin@platform.local", password });
        login.EnsureSuccessStatusCode();
        return (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    private static async Task PsqlAsync(int port, string password, string sql)
    {
        var info = new ProcessStartInfo(Psql) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "-U", "postgres", "-d", "notificationsdb", "-v", "ON_ERROR_STOP=1", "-c", sql })
            info.ArgumentList.Add(argument);
        info.Environment["PGPASSWORD"] = password;
        using var process = Process.Start(info) ?? throw new InvalidOperationException("psql did not start");
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"psql failed: {await stderr}");
    }

    private static string FindMaildir()
    {
        for (var folder = new DirectoryInfo(Environment.CurrentDirectory); folder is not null; folder = folder.Parent)
        {
            var platform = Path.Combine(folder.FullName, ".platform");
            if (!Directory.Exists(platform)) continue;
            var maildir = Directory.EnumerateDirectories(platform, "Maildir", SearchOption.AllDirectories).FirstOrDefault();
            if (maildir is not null) return maildir;
        }

        throw new InvalidOperationException("No .platform/**/Maildir above the current folder: run the bench from the repository of a running platform.");
    }

    private static Dictionary<string, string> ReadSecrets()
    {
        for (var folder = new DirectoryInfo(Environment.CurrentDirectory); folder is not null; folder = folder.Parent)
        {
            var secrets = Path.Combine(folder.FullName, ".platform", "secrets.json");
            if (File.Exists(secrets)) return JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(secrets))!;
        }

        throw new InvalidOperationException("No .platform/secrets.json above the current folder: run the bench from the repository of a running platform.");
    }
}
