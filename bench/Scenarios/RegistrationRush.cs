// How to run (the gateway limits anonymous writes to 30 a minute per client IP, and every delegate here comes from
// 127.0.0.1, so the platform must be started for the bench with a higher limit; the AppHost passes its environment
// through to the projects it starts, and the gateway binds section "RateLimits", at most 100000 per window):
//
//   RateLimits__PublicWritesPerWindow=100000 ./platform up
//     (or: RateLimits__PublicWritesPerWindow=100000 dotnet AppHost/bin/Debug/net10.0/AppHost.dll)
//   dotnet run --project bench -c Release -- registration-rush [--delegates 300]
//
// Run from the repository (it reads .platform/secrets.json). Needs /usr/lib/postgresql/15/bin/{psql,pgbench}.
// Stop the platform afterwards with Ctrl+C; if it was started with '&' from a script, SIGINT is ignored there, so
// use kill -TERM <AppHost pid>. Each run leaves its event and registrations in eventsdb; the pgbench scratch
// database (bench_scratch) is created and dropped by the run.
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Platform.Bench.Scenarios;

/// <summary>
/// N delegates registering at the same moment, through the gateway, for one published event with six workshops in
/// two time slots (pick 1 or 2, at most one per slot), each workshop smaller than the crowd; then the staff report
/// checks nobody is over-booked. Beside it, pgbench's single-row update on the same PostgreSQL, in a scratch database
/// made and dropped for the run, as the yardstick: the goal is registrations/s at least half of pgbench's tps.
/// </summary>
public sealed partial class RegistrationRush : IScenario
{
    private const string PgBin = "/usr/lib/postgresql/15/bin";
    private const string ScratchDatabase = "bench_scratch";
    private const double Goal = 0.5;
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);
    private static readonly string[] Sectors = ["Police", "FireAndRescue", "Council", "Health", "Education", "Voluntary", "Faith", "Business", "Community", "Other"];

    public async Task<object> RunAsync(BenchOptions options)
    {
        var delegates = options.Delegates;
        var workshopCapacity = Math.Max(1, delegates / 8);
        var secrets = ReadSecrets();

        // The yardstick first, while the platform is quiet: after the rush, Notifications is still sending hundreds of
        // confirmation emails, and pgbench measured then reached a quarter of what the server does at rest.
        var postgresPort = await PostgresPortAsync(options.Dashboard);
        var pgbench = await PgbenchAsync(postgresPort, secrets["postgres-password"], options.Duration);

        using var staff = new HttpClient { BaseAddress = options.Gateway, Timeout = RequestTimeout };
        staff.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await LoginAsync(staff, secrets["gateway-staff-password"]));
        var (eventId, slots) = await CreateEventAsync(staff, delegates, workshopCapacity);

        var rush = await RushAsync(options.Gateway, eventId, slots, delegates, options.InFlight ?? delegates);
        var check = await CheckOverBookingAsync(staff, eventId);

        var database = await CheckDatabaseAsync(postgresPort, secrets["postgres-password"], eventId);

        var ratio = pgbench.Tps > 0 ? Math.Round(rush.RegistrationsPerSecond / pgbench.Tps, 3) : double.NaN;
        return new
        {
            Scenario = "registration-rush",
            EventId = eventId,
            Delegates = delegates,
            Workshops = new { Count = 6, Slots = 2, CapacityEach = workshopCapacity, ChoiceRule = "1 or 2 workshops, at most one per time slot" },
            Registrations = rush,
            OverBooking = check,
            OverBookingInDatabase = database,
            Pgbench = pgbench,
            RegistrationsPerSecondOverPgbenchTps = new { Ratio = ratio, Goal = $">= {Goal}", Met = ratio >= Goal },
            Machine = new { Environment.ProcessorCount, Os = Environment.OSVersion.ToString() },
        };
    }

    private static async Task<string> LoginAsync(HttpClient http, string password)
    {
        using var login = await http.PostAsJsonAsync("/gateway/accounts/login", new { email = "admin@platform.local", password });
        await EnsureAsync(login, "staff login");
        return (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    /// <summary>A published conference with two slots of three workshops each; returns the workshop ids by slot.</summary>
    private static async Task<(Guid EventId, Guid[][] Slots)> CreateEventAsync(HttpClient staff, int delegates, int workshopCapacity)
    {
        var startsAt = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(30).AddHours(9), TimeSpan.Zero);
        using var created = await staff.PostAsJsonAsync("/api/events", new
        {
            title = $"Registration rush {Guid.CreateVersion7():N}",
            summary = "A benchmark event: many delegates registering at once.",
            kind = "Conference",
            venue = new { name = "County Hall", address = "1 High Street", postcode = "NS1 1AA", district = "Castleton" },
            organiser = "Commissioner's Office",
            startsAt,
            endsAt = startsAt.AddHours(7),
            registrationOpensAt = DateTimeOffset.UtcNow.AddMinutes(-5),
            registrationClosesAt = startsAt.AddHours(-1),
            capacity = delegates, // everyone gets into the event; the contest is for workshop places
            minWorkshops = 1,
            maxWorkshops = 2,
        });
        await EnsureAsync(created, "create event");
        var eventId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var slots = new Guid[2][];
        for (var slot = 0; slot < 2; slot++)
        {
            slots[slot] = new Guid[3];
            var slotStart = startsAt.AddHours(1 + 2 * slot);
            for (var room = 0; room < 3; room++)
            {
                using var session = await staff.PostAsJsonAsync($"/api/events/{eventId}/sessions", new
                {
                    title = $"Workshop {slot * 3 + room + 1}",
                    kind = "Workshop",
                    startsAt = slotStart,
                    endsAt = slotStart.AddHours(1),
                    room = $"Room {room + 1}",
                    capacity = workshopCapacity,
                });
                await EnsureAsync(session, "create workshop");
                slots[slot][room] = (await session.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            }
        }

        using var published = await staff.PostAsync($"/api/events/{eventId}/publish", null);
        await EnsureAsync(published, "publish event");
        return (eventId, slots);
    }

    private sealed record Outcome(double Milliseconds, HttpStatusCode? Status, int Confirmed, int Waitlisted);

    /// <summary>Every delegate sends one registration; all start together behind a gate.</summary>
    private static async Task<RushResult> RushAsync(Uri gateway, Guid eventId, Guid[][] slots, int delegates, int inFlight)
    {
        using var http = new HttpClient(new SocketsHttpHandler
        {
            // Each delegate is a browser of their own, so each has a connection; --in-flight caps how many at once.
            MaxConnectionsPerServer = inFlight,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        })
        { BaseAddress = gateway, Timeout = RequestTimeout };

        // A few warm-up GETs so the first registrations don't pay for the gateway's and the service's cold start alone.
        for (var i = 0; i < 5; i++)
        {
            using var warm = await http.GetAsync($"/api/events/{eventId}");
        }

        var random = new Random(20261122);
        var bodies = Enumerable.Range(0, delegates).Select(i =>
        {
            // One workshop from the first slot, and for two delegates in three a second from the other slot.
            var choices = new List<Guid> { slots[0][random.Next(3)] };
            if (random.Next(3) != 0) choices.Add(slots[1][random.Next(3)]);
            return new
            {
                name = $"Delegate {i + 1}",
                email = $"delegate{i + 1}.{Guid.CreateVersion7():N}@bench.example.org",
                organisation = $"Partner organisation {i % 37 + 1}",
                sector = Sectors[i % Sectors.Length],
                role = "Community safety officer",
                consentToDelegateList = i % 2 == 0,
                choices,
            };
        }).ToList();

        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var inFlightLimit = new SemaphoreSlim(inFlight);
        var tasks = bodies.Select(async body =>
        {
            await gate.Task;
            await inFlightLimit.WaitAsync();
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/events/{eventId}/registrations") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", Guid.CreateVersion7().ToString("N"));
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await http.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (response.StatusCode != HttpStatusCode.Created) return new Outcome(elapsed, response.StatusCode, 0, 0);
                var choices = JsonDocument.Parse(text).RootElement.GetProperty("registration").GetProperty("choices").EnumerateArray()
                    .Select(c => c.GetProperty("status").ToString()).ToList();
                return new Outcome(elapsed, response.StatusCode, choices.Count(s => s == "confirmed"), choices.Count(s => s == "waitlisted"));
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                return new Outcome(Stopwatch.GetElapsedTime(started).TotalMilliseconds, null, 0, 0);
            }
            finally
            {
                inFlightLimit.Release();
            }
        }).ToList();

        var clock = Stopwatch.StartNew();
        gate.SetResult();
        var outcomes = await Task.WhenAll(tasks);
        var elapsed = clock.Elapsed;

        var created = outcomes.Where(o => o.Status == HttpStatusCode.Created).ToList();
        var latencies = created.Select(o => o.Milliseconds).Order().ToList();
        double At(double q) => latencies.Count == 0 ? double.NaN : Math.Round(latencies[(int)Math.Min(latencies.Count - 1, q * latencies.Count)], 1);
        return new RushResult(
            Attempted: delegates,
            Registered: created.Count,
            Refused: outcomes.Length - created.Count,
            RefusedByStatus: outcomes.Where(o => o.Status != HttpStatusCode.Created)
                .GroupBy(o => o.Status is { } s ? ((int)s).ToString(CultureInfo.InvariantCulture) : "no-response")
                .ToDictionary(g => g.Key, g => g.Count()),
            ChoicesConfirmed: created.Sum(o => o.Confirmed),
            ChoicesWaitlisted: created.Sum(o => o.Waitlisted),
            ElapsedSeconds: Math.Round(elapsed.TotalSeconds, 3),
            RegistrationsPerSecond: Math.Round(created.Count / elapsed.TotalSeconds, 1),
            P50Ms: At(0.50),
            P99Ms: At(0.99),
            MaxMs: latencies.Count == 0 ? double.NaN : Math.Round(latencies[^1], 1));
    }

    /// <summary>Registered: 201 Created; refused: any other answer or none. Choices counted from the 201 bodies.</summary>
    private sealed record RushResult(
        int Attempted, int Registered, int Refused, Dictionary<string, int> RefusedByStatus, int ChoicesConfirmed, int ChoicesWaitlisted,
        double ElapsedSeconds, double RegistrationsPerSecond, double P50Ms, double P99Ms, double MaxMs);

    /// <summary>The staff report, read back through the gateway: per workshop, confirmed (and places taken) within capacity.</summary>
    private static async Task<object> CheckOverBookingAsync(HttpClient staff, Guid eventId)
    {
        using var response = await staff.GetAsync($"/api/events/{eventId}/reports/registrations");
        await EnsureAsync(response, "registrations report");
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        var workshops = report.GetProperty("workshops").EnumerateArray().Select(w => new
        {
            Title = w.GetProperty("title").GetString(),
            Capacity = w.GetProperty("capacity").GetInt32(),
            PlacesTaken = w.GetProperty("placesTaken").GetInt32(),
            Confirmed = w.GetProperty("confirmed").GetInt32(),
            Offered = w.GetProperty("offered").GetInt32(),
            Waitlisted = w.GetProperty("waitlisted").GetInt32(),
        }).ToList();
        var capacity = report.GetProperty("capacity").GetInt32();
        var registered = report.GetProperty("registered").GetInt32();
        var overBooked = workshops.Where(w => w.Confirmed + w.Offered > w.Capacity || w.PlacesTaken > w.Capacity).Select(w => w.Title).ToList();
        return new
        {
            Source = "GET /api/events/{eventId}/reports/registrations as staff",
            Ok = overBooked.Count == 0 && registered <= capacity,
            EventCapacity = capacity,
            EventRegistered = registered,
            OverBookedWorkshops = overBooked,
            Workshops = workshops,
        };
    }

    /// <summary>The same check straight from eventsdb: active choices (confirmed or offered) per workshop against its capacity.</summary>
    private static async Task<object> CheckDatabaseAsync(int port, string password, Guid eventId)
    {
        var rows = await RunToolAsync("psql", port, password, TimeSpan.FromSeconds(30), "-d", "eventsdb", "-At", "-F", ",", "-v", "ON_ERROR_STOP=1", "-c",
            "SELECT s.title, s.capacity, s.places_taken, " +
            "count(c.id) FILTER (WHERE c.status IN ('Confirmed', 'Offered')), count(c.id) FILTER (WHERE c.status = 'Waitlisted') " +
            "FROM session s LEFT JOIN workshop_choice c ON c.session_id = s.id " +
            $"WHERE s.event_id = '{eventId}' AND s.kind = 'Workshop' GROUP BY s.id, s.title, s.capacity, s.places_taken ORDER BY s.title");
        var workshops = rows.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(line => line.Split(',')).Select(f => new
        {
            Title = f[0],
            Capacity = int.Parse(f[1], CultureInfo.InvariantCulture),
            PlacesTaken = int.Parse(f[2], CultureInfo.InvariantCulture),
            Active = int.Parse(f[3], CultureInfo.InvariantCulture),
            Waitlisted = int.Parse(f[4], CultureInfo.InvariantCulture),
        }).ToList();
        return new
        {
            Source = "eventsdb: session.capacity against workshop_choice rows Confirmed or Offered",
            Ok = workshops.Count == 6 && workshops.All(w => w.Active <= w.Capacity && w.PlacesTaken <= w.Capacity),
            Workshops = workshops,
        };
    }

    private static async Task<int> PostgresPortAsync(Uri dashboard)
    {
        using var http = new HttpClient { BaseAddress = dashboard, Timeout = TimeSpan.FromSeconds(10) };
        var resource = await http.GetFromJsonAsync<JsonElement>("/api/resources/eventsdb");
        return new Uri(resource.GetProperty("urls")[0].GetString()!).Port;
    }

    private sealed record PgbenchResult(double Tps, int Clients, int Threads, int Seconds, string Script, string Database, string? LatencyAverage);

    /// <summary>pgbench's single-row update in a scratch database on the same server, created before and dropped after.</summary>
    private static async Task<PgbenchResult> PgbenchAsync(int port, string password, TimeSpan duration)
    {
        const int clients = 16;
        const int threads = 2;
        var seconds = Math.Max(1, (int)Math.Round(duration.TotalSeconds));
        var folder = Directory.CreateTempSubdirectory("bench-pgbench-").FullName;
        var script = Path.Combine(folder, "update.sql");
        const string scriptText = "\\set id random(1, 100)\nUPDATE bench_counter SET n = n + 1 WHERE id = :id;\n";
        await File.WriteAllTextAsync(script, scriptText);
        try
        {
            await RunToolAsync("psql", port, password, TimeSpan.FromSeconds(30), "-d", "postgres", "-v", "ON_ERROR_STOP=1",
                "-c", $"DROP DATABASE IF EXISTS {ScratchDatabase}", "-c", $"CREATE DATABASE {ScratchDatabase}");
            await RunToolAsync("psql", port, password, TimeSpan.FromSeconds(30), "-d", ScratchDatabase, "-v", "ON_ERROR_STOP=1",
                "-c", "CREATE TABLE bench_counter (id int PRIMARY KEY, n bigint NOT NULL DEFAULT 0)",
                "-c", "INSERT INTO bench_counter (id) SELECT generate_series(1, 100)");
            var output = await RunToolAsync("pgbench", port, password, TimeSpan.FromSeconds(seconds + 60),
                "-n", "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", threads.ToString(CultureInfo.InvariantCulture),
                "-T", seconds.ToString(CultureInfo.InvariantCulture), "-f", script, ScratchDatabase);
            var tps = TpsLine().Match(output);
            if (!tps.Success) throw new InvalidOperationException("No 'tps = ' line in pgbench's output:\n" + output);
            var latency = LatencyLine().Match(output);
            return new PgbenchResult(double.Parse(tps.Groups[1].Value, CultureInfo.InvariantCulture), clients, threads, seconds,
                scriptText.Replace("\n", " ", StringComparison.Ordinal).Trim(), ScratchDatabase, latency.Success ? latency.Groups[1].Value + " ms" : null);
        }
        finally
        {
            await RunToolAsync("psql", port, password, TimeSpan.FromSeconds(30), "-d", "postgres",
                "-c", $"DROP DATABASE IF EXISTS {ScratchDatabase} WITH (FORCE)");
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<string> RunToolAsync(string tool, int port, string password, TimeSpan timeout, params string[] arguments)
    {
        var info = new ProcessStartInfo(Path.Combine(PgBin, tool))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "-U", "postgres" }.Concat(arguments))
            info.ArgumentList.Add(argument);
        info.Environment["PGPASSWORD"] = password;
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{tool} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try { await process.WaitForExitAsync(cancel.Token); }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} did not finish within {timeout.TotalSeconds} s");
        }
        var output = await stdout + await stderr;
        if (process.ExitCode != 0) throw new InvalidOperationException($"{tool} exited with {process.ExitCode}:\n{output}");
        return output;
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    internal static Dictionary<string, string> ReadSecrets()
    {
        for (var folder = new DirectoryInfo(Environment.CurrentDirectory); folder is not null; folder = folder.Parent)
        {
            var secrets = Path.Combine(folder.FullName, ".platform", "secrets.json");
            if (File.Exists(secrets))
                return JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(secrets))!;
        }

        throw new InvalidOperationException("No .platform/secrets.json above the current folder: run the bench from the repository of a running platform.");
    }

    [GeneratedRegex(@"tps = ([0-9.]+)")]
    private static partial Regex TpsLine();

    [GeneratedRegex(@"latency average = ([0-9.]+) ms")]
    private static partial Regex LatencyLine();
}
