// How to run (the real public-write limit stays on: each virtual visitor comes from a loopback address of its own,
// 127.0.x.y, and makes one registration, as a person would):
//
//   ./platform up --release                          (terminal 1; any gateway port: --gateway-port N)
//   ./platform bench site [--visitors 50] [--seconds 30] [--gateway http://127.0.0.1:N]
//
// Run from the repository (it reads .platform/secrets.json to create the event as staff). Each run leaves its event
// and registrations in eventsdb and its confirmation emails in the sink.
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
/// p50/p95 per kind of page against the 100 ms goal, errors, and what each public page weighs (HTML+CSS+JS, decoded
/// and as sent with compression).
/// </summary>
public sealed partial class SiteVisitors : IScenario
{
    private const double GoalP95Ms = 100;
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);
    private static int _nextAddress;

    public async Task<object> RunAsync(BenchOptions options)
    {
        var secrets = RegistrationRush.ReadSecrets();
        using var staff = new HttpClient { BaseAddress = options.Gateway, Timeout = RequestTimeout };
        staff.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await LoginAsync(staff, secrets["gateway-staff-password"]));
        var (eventId, workshops) = await CreateEventAsync(staff);

        var latencies = new Dictionary<string, List<double>>();
        var errors = new Dictionary<string, long>();
        var gate = new object();
        void Record(string kind, double ms, bool ok)
        {
            lock (gate)
            {
                if (ok)
                {
                    if (!latencies.TryGetValue(kind, out var list)) latencies[kind] = list = [];
                    list.Add(ms);
                }
                else errors[kind] = errors.GetValueOrDefault(kind) + 1;
            }
        }

        // Warm-up: a few journeys whose figures are dropped (JIT, connection pools, the views' first compile).
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => JourneyAsync(options.Gateway, eventId, workshops, (_, _, _) => { })));

        var clock = Stopwatch.StartNew();
        long journeys = 0;
        await Task.WhenAll(Enumerable.Range(0, options.Visitors).Select(async _ =>
        {
            while (clock.Elapsed < options.Duration)
            {
                await JourneyAsync(options.Gateway, eventId, workshops, Record);
                Interlocked.Increment(ref journeys);
            }
        }));
        var elapsed = clock.Elapsed;

        var pages = latencies.ToDictionary(p => p.Key, p =>
        {
            var sorted = p.Value.Order().ToList();
            double At(double q) => Math.Round(sorted[(int)Math.Min(sorted.Count - 1, q * sorted.Count)], 1);
            return new { Count = sorted.Count, P50Ms = At(0.50), P95Ms = At(0.95), MaxMs = Math.Round(sorted[^1], 1), GoalMet = At(0.95) <= GoalP95Ms };
        });
        var total = latencies.Values.Sum(l => l.Count);
        var weights = await PageWeightsAsync(options.Gateway, eventId, workshops);

        return new
        {
            Scenario = "site",
            EventId = eventId,
            Visitors = options.Visitors,
            Seconds = Math.Round(elapsed.TotalSeconds, 1),
            Journeys = journeys,
            PagesPerSecond = Math.Round(total / elapsed.TotalSeconds, 1),
            Pages = pages,
            Errors = errors,
            Goal = $"p95 <= {GoalP95Ms} ms for every kind of page",
            GoalMet = pages.Values.All(p => p.GoalMet) && errors.Count == 0,
            PageWeights = weights,
            Machine = new { Environment.ProcessorCount, LoadAverage = LoadAverage() },
        };
    }

    /// <summary>One visitor: list, event, form, registration, the registration's page. A fresh address, cookies and connection.</summary>
    private static async Task JourneyAsync(Uri gateway, Guid eventId, Guid[] workshops, Action<string, double, bool> record)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(Handler(cookies, decompress: true, ownAddress: true)) { BaseAddress = gateway, Timeout = RequestTimeout };
        try
        {
            await PageAsync(http, record, "events-list", "/events");
            await PageAsync(http, record, "event", $"/events/{eventId}");
            var form = await PageAsync(http, record, "register-form", $"/events/{eventId}/register");
            if (form is null) return;
            var token = AntiforgeryField().Match(form) is { Success: true } m ? m.Groups["value"].Value : null;
            if (token is null) { record("register-form", 0, false); return; }

            var fields = new List<KeyValuePair<string, string>>
            {
                new("__antiforgery", WebUtility.HtmlDecode(token)),
                new("Form.Choices", workshops[Random.Shared.Next(2)].ToString()),
                new("Form.Choices", workshops[2 + Random.Shared.Next(2)].ToString()),
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
            record("register-post", Stopwatch.GetElapsedTime(started).TotalMilliseconds, redirected);
            if (redirected) await PageAsync(http, record, "registered", location!);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            record("connection", 0, false);
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
