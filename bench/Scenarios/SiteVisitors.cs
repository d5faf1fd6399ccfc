// How to run (the real public-write limit stays on: each virtual visitor comes from a loopback address of its own,
// 127.0.x.y, and makes one registration, as a person would):
//
//   ./platform up --release                          (terminal 1; any gateway port: --gateway-port N)
//   ./platform bench site [--visitors 50] [--seconds 30] [--gateway http://127.0.0.1:N]
//
// Run from the repository (it reads .platform/secrets.json to create the event as staff). Each run leaves its event
// and registrations in eventsdb and its confirmation emails in the sink. Two crowds, one after the other, each for
// --seconds: visitors who read each page (the goal's figure), then the same number with no pause (saturated).
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Platform.Bench.Scenarios;

/// <summary>
/// The public web site under a crowd: N visitors at once, each a browser of its own (own loopback address, cookies,
/// connection), reading the events list and an event, then registering through the form as a browser does (GET the
/// form, take its antiforgery token and cookie, POST, follow the redirect to the registration's page). Reports pages/s,
/// p50/p95/p99 per kind of page against the 100 ms goal and errors, for visitors who read each page and for the same
/// crowd saturating the site, and what each public page weighs (HTML+CSS+JS, decoded and as sent with compression).
/// </summary>
public sealed partial class SiteVisitors : IScenario
{
    private const double GoalP95Ms = 100;
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);
    private static int _nextAddress;

    /// <summary>
    /// What a visitor is: a person who reads a page before the next click. Between pages each visitor pauses 2 to 6
    /// seconds (uniformly, about 4 on average: long enough to glance at a list or an event, short for a form, so the
    /// crowd is busier than a real one), drawn from a random generator seeded per visitor, so two runs make the same
    /// clicks at the same moments. The same crowd without any pause is the saturated figure: the site's ceiling on
    /// this machine, not a crowd's experience.
    /// </summary>
    private static readonly TimeSpan ThinkMin = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan ThinkMax = TimeSpan.FromSeconds(6);
    private const int Seed = 14;

    public async Task<object> RunAsync(BenchOptions options)
    {
        var secrets = PlatformSecrets.Read(options);
        using var staff = new HttpClient { BaseAddress = options.Gateway, Timeout = RequestTimeout };
        staff.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await LoginAsync(staff, secrets["gateway-staff-password"]));
        var (eventId, workshops) = await CreateEventAsync(staff);

        // Warm-up: a few journeys whose figures are dropped (JIT, connection pools, the views' first compile).
        var warmup = new Crowd(TimeSpan.FromMinutes(1));
        await Task.WhenAll(Enumerable.Range(0, 4).Select(v => JourneyAsync(options.Gateway, eventId, workshops, warmup, new Random(v), think: false)));

        var paced = await CrowdAsync(options, eventId, workshops, think: true);
        var saturated = await CrowdAsync(options, eventId, workshops, think: false);
        var weights = await PageWeightsAsync(options.Gateway, eventId, workshops);

        return new
        {
            Scenario = "site",
            EventId = eventId,
            Visitors = options.Visitors,
            ThinkSeconds = new { Min = ThinkMin.TotalSeconds, Max = ThinkMax.TotalSeconds, Seed },
            Goal = $"p95 <= {GoalP95Ms} ms for every kind of page, with visitors who read each page (the paced crowd)",
            GoalMet = paced.GoalMet,
            Paced = paced,
            Saturated = saturated,
            PageWeights = weights,
            Machine = new { Environment.ProcessorCount, LoadAverage = LoadAverage() },
        };
    }

    /// <summary>N visitors for the run's duration, each starting a new journey when the last ends (a closed crowd).</summary>
    private static async Task<CrowdFigures> CrowdAsync(BenchOptions options, Guid eventId, Guid[] workshops, bool think)
    {
        var crowd = new Crowd(options.Duration);
        await Task.WhenAll(Enumerable.Range(0, options.Visitors).Select(async visitor =>
        {
            var random = new Random(Seed * 1_000 + visitor);
            // Readers arrive spread over one pause, as people do, not all in the same millisecond.
            if (think) await Task.Delay(ThinkMax * random.NextDouble());
            while (!crowd.Over) await JourneyAsync(options.Gateway, eventId, workshops, crowd, random, think);
        }));
        return crowd.Figures(think);
    }

    /// <summary>What one crowd measured; lock-guarded, as its visitors record at once.</summary>
    private sealed class Crowd(TimeSpan duration)
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly Dictionary<string, List<double>> _latencies = [];
        private readonly Dictionary<string, long> _errors = [];
        private long _journeys;

        public bool Over => _clock.Elapsed >= duration;
        public TimeSpan Left => duration - _clock.Elapsed;

        public void Record(string kind, double ms, bool ok)
        {
            lock (_latencies)
            {
                if (ok)
                {
                    if (!_latencies.TryGetValue(kind, out var list)) _latencies[kind] = list = [];
                    list.Add(ms);
                }
                else _errors[kind] = _errors.GetValueOrDefault(kind) + 1;
            }
        }

        public void Journeyed() => Interlocked.Increment(ref _journeys);

        public CrowdFigures Figures(bool think)
        {
            var elapsed = _clock.Elapsed;
            static double At(List<double> sorted, double q) => Math.Round(sorted[(int)Math.Min(sorted.Count - 1, q * sorted.Count)], 1);
            var pages = _latencies.ToDictionary(p => p.Key, p =>
            {
                var sorted = p.Value.Order().ToList();
                return new PageFigures(sorted.Count, At(sorted, 0.50), At(sorted, 0.95), At(sorted, 0.99), Math.Round(sorted[^1], 1), At(sorted, 0.95) <= GoalP95Ms);
            });
            var all = _latencies.Values.SelectMany(l => l).Order().ToList();
            return new CrowdFigures(
                think ? $"each visitor reads every page {ThinkMin.TotalSeconds}-{ThinkMax.TotalSeconds} s" : "no pause between pages (saturated)",
                Math.Round(elapsed.TotalSeconds, 1),
                _journeys,
                all.Count,
                Math.Round(all.Count / elapsed.TotalSeconds, 1),
                all.Count == 0 ? null : new PageFigures(all.Count, At(all, 0.50), At(all, 0.95), At(all, 0.99), Math.Round(all[^1], 1), At(all, 0.95) <= GoalP95Ms),
                pages,
                _errors,
                pages.Count > 0 && pages.Values.All(p => p.GoalMet) && _errors.Count == 0);
        }
    }

    private sealed record PageFigures(int Count, double P50Ms, double P95Ms, double P99Ms, double MaxMs, bool GoalMet);

    private sealed record CrowdFigures(
        string Visitors, double Seconds, long Journeys, int Pages, double PagesPerSecond, PageFigures? AllPages,
        Dictionary<string, PageFigures> ByPage, Dictionary<string, long> Errors, bool GoalMet);

    /// <summary>
    /// One visitor: list, event, form, registration, the registration's page, reading each (when <paramref name="think"/>)
    /// before the next click. A fresh address, cookies and connection. Stops between pages when the crowd's time is up.
    /// </summary>
    private static async Task JourneyAsync(Uri gateway, Guid eventId, Guid[] workshops, Crowd crowd, Random random, bool think)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(Handler(cookies, decompress: true, ownAddress: true)) { BaseAddress = gateway, Timeout = RequestTimeout };
        async Task<bool> ReadAsync()
        {
            if (think)
            {
                var pause = ThinkMin + (ThinkMax - ThinkMin) * random.NextDouble();
                await Task.Delay(pause < crowd.Left ? pause : crowd.Left < TimeSpan.Zero ? TimeSpan.Zero : crowd.Left);
            }
            return !crowd.Over;
        }

        try
        {
            if (await PageAsync(http, crowd.Record, "events-list", "/events") is null || !await ReadAsync()) return;
            if (await PageAsync(http, crowd.Record, "event", $"/events/{eventId}") is null || !await ReadAsync()) return;
            var form = await PageAsync(http, crowd.Record, "register-form", $"/events/{eventId}/register");
            if (form is null || !await ReadAsync()) return;
            var token = AntiforgeryField().Match(form) is { Success: true } m ? m.Groups["value"].Value : null;
            if (token is null) { crowd.Record("register-form", 0, false); return; }

            var fields = new List<KeyValuePair<string, string>>
            {
                new("__antiforgery", WebUtility.HtmlDecode(token)),
                new("Form.Choices", workshops[random.Next(2)].ToString()),
                new("Form.Choices", workshops[2 + random.Next(2)].ToString()),
                new("Form.Name", "Bench Visitor"),
                new("Form.Email", $"visitor.{Guid.CreateVersion7():N}@bench.example.org"),
                new("Form.Organisation", "Bench Partnership"),
                new("Form.Sector", "Council"),
                new("Form.Consent", "true"),
            };
            var started = Stopwatch.GetTimestamp();
            using var posted = await http.PostAsync($"/events/{eventId}/register", new FormUrlEncodedContent(fields));
            await posted.Content.ReadAsByteArrayAsync();
            var location = posted.Headers.Location?.ToString();
            var redirected = posted.StatusCode == HttpStatusCode.Redirect && location == $"/events/{eventId}/registered"; // "check your email": the manage link is only in the email
            crowd.Record("register-post", Stopwatch.GetElapsedTime(started).TotalMilliseconds, redirected);
            // The redirect is followed at once, as a browser does.
            if (redirected) await PageAsync(http, crowd.Record, "registered", location!);
            crowd.Journeyed();
            await ReadAsync();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            crowd.Record("connection", 0, false);
        }
    }

    private static async Task<string?> PageAsync(HttpClient http, Action<string, double, bool> record, string kind, string path)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        var ok = response.StatusCode == HttpStatusCode.OK;
        record(kind, Stopwatch.GetElapsedTime(started).TotalMilliseconds, ok);
        return ok ? body : null;
    }

    /// <summary>Each public page's HTML with the CSS and script it loads: decoded, and as sent with br/gzip.</summary>
    private static async Task<object> PageWeightsAsync(Uri gateway, Guid eventId, Guid[] workshops)
    {
        var cookies = new CookieContainer();
        using var raw = new HttpClient(Handler(cookies, decompress: false, ownAddress: true)) { BaseAddress = gateway, Timeout = RequestTimeout };
        raw.DefaultRequestHeaders.AcceptEncoding.ParseAdd("br, gzip");
        using var plain = new HttpClient(Handler(cookies, decompress: true, ownAddress: false)) { BaseAddress = gateway, Timeout = RequestTimeout };

        // A registration of the weigher's own, for the registration page's weight.
        var form = await plain.GetStringAsync($"/events/{eventId}/register");
        using var posted = await plain.PostAsync($"/events/{eventId}/register", new FormUrlEncodedContent(
        [
            new("__antiforgery", WebUtility.HtmlDecode(AntiforgeryField().Match(form).Groups["value"].Value)),
            new("Form.Choices", workshops[0].ToString()), new("Form.Choices", workshops[2].ToString()),
            new("Form.Name", "Bench Weigher"), new("Form.Email", $"weigher.{Guid.CreateVersion7():N}@bench.example.org"),
            new("Form.Sector", "Police"), new("Form.Consent", "true"),
        ]));
        var manage = posted.Headers.Location?.ToString();

        var paths = new Dictionary<string, string>
        {
            ["home"] = "/",
            ["events-list"] = "/events",
            ["event"] = $"/events/{eventId}",
            ["register-form"] = $"/events/{eventId}/register",
        };
        if (manage is not null) paths["registered"] = manage; // "check your email" (the manage page needs the emailed link)

        var result = new Dictionary<string, object>();
        foreach (var (name, path) in paths)
        {
            var html = await plain.GetStringAsync(path);
            var assets = Asset().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups["href"].Value)).Distinct().ToList();
            long decoded = 0, transferred = 0;
            foreach (var url in assets.Prepend(path))
            {
                using var response = await raw.GetAsync(url);
                var bytes = await response.Content.ReadAsByteArrayAsync();
                transferred += bytes.Length;
                decoded += response.Content.Headers.ContentEncoding.Count == 0 ? bytes.Length : (await plain.GetByteArrayAsync(url)).Length;
            }
            result[name] = new { DecodedBytes = decoded, TransferredBytes = transferred, Files = assets.Count + 1 };
        }
        return result;
    }

    private static SocketsHttpHandler Handler(CookieContainer cookies, bool decompress, bool ownAddress)
    {
        var handler = new SocketsHttpHandler
        {
            CookieContainer = cookies,
            AllowAutoRedirect = false,
            AutomaticDecompression = decompress ? DecompressionMethods.All : DecompressionMethods.None,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        if (!ownAddress) return handler;

        // Every visitor a loopback address of its own (127.0.0.1 excepted), so the gateway's per-address limit on public
        // writes applies to each as to a person: one registration each, far below 30 a minute.
        var n = Interlocked.Increment(ref _nextAddress);
        var source = new IPAddress([127, 0, (byte)(n / 250 % 250 + 1), (byte)(n % 250 + 2)]);
        handler.ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(source, 0));
                var host = context.DnsEndPoint.Host == "localhost" ? IPAddress.Loopback : IPAddress.Parse(context.DnsEndPoint.Host);
                await socket.ConnectAsync(new IPEndPoint(host, context.DnsEndPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };
        return handler;
    }

    private static async Task<string> LoginAsync(HttpClient http, string password)
    {
        using var login = await http.PostAsJsonAsync("/gateway/accounts/login", new { email = "admin@platform.local", password });
        login.EnsureSuccessStatusCode();
        return (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    /// <summary>A published conference with four workshops in two slots, room for everyone: the site is measured, not the contest.</summary>
    private static async Task<(Guid EventId, Guid[] Workshops)> CreateEventAsync(HttpClient staff)
    {
        var startsAt = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(30).AddHours(9), TimeSpan.Zero);
        using var created = await staff.PostAsJsonAsync("/api/events", new
        {
            title = $"Site bench {Guid.CreateVersion7():N}",
            summary = "A benchmark event: the public web site under a crowd.",
            kind = "Conference",
            venue = new { name = "County Hall", address = "1 High Street", postcode = "NS1 1AA", district = "Castleton" },
            organiser = "Commissioner's Office",
            startsAt,
            endsAt = startsAt.AddHours(7),
            registrationOpensAt = DateTimeOffset.UtcNow.AddMinutes(-5),
            registrationClosesAt = startsAt.AddHours(-1),
            capacity = 100_000,
            minWorkshops = 2,
            maxWorkshops = 2,
        });
        created.EnsureSuccessStatusCode();
        var eventId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var workshops = new Guid[4];
        for (var i = 0; i < 4; i++)
        {
            var slotStart = startsAt.AddHours(1 + 2 * (i / 2));
            using var session = await staff.PostAsJsonAsync($"/api/events/{eventId}/sessions", new
            {
                title = $"Workshop {i + 1}", kind = "Workshop", startsAt = slotStart, endsAt = slotStart.AddHours(1), room = $"Room {i + 1}", capacity = 100_000,
            });
            session.EnsureSuccessStatusCode();
            workshops[i] = (await session.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }
        using var published = await staff.PostAsync($"/api/events/{eventId}/publish", null);
        published.EnsureSuccessStatusCode();
        return (eventId, workshops);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "";

    [GeneratedRegex(@"name=""__antiforgery""\s+type=""hidden""\s+value=""(?<value>[^""]+)""|type=""hidden""\s+name=""__antiforgery""\s+value=""(?<value>[^""]+)""")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex(@"<(?:link[^>]+rel=""stylesheet""[^>]+href|script[^>]+src)=""(?<href>/[^""]+)""")]
    private static partial Regex Asset();
}
