// How to run on its own (every delegate comes from 127.0.0.1, so the platform needs a higher public-write limit; the
// AppHost passes its environment through to the projects it starts):
//
//   RateLimits__PublicWritesPerWindow=100000 ./platform up --release --gateway-port 8381 --dashboard-url http://127.0.0.1:19081
//   ./platform bench registration-rush --gateway http://127.0.0.1:8381 [--delegates 2000] [--in-flight 64]
//
// ./platform bench all does this for itself. Each run leaves its event and registrations in eventsdb; pgbench's
// scratch schema (bench) is made and dropped by the run.
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Platform.Bench.Scenarios;

/// <summary>
/// N delegates registering through the gateway, M at a time (64 by default), for one published event with six
/// workshops in two time slots (pick 1 or 2, at most one per slot), each workshop smaller than the crowd; then the staff
/// report and the database check nobody is over-booked, and the confirmation emails' delivery times give how long a
/// delegate waits for theirs. Beside it, before and after, pgbench runs exactly a registration's SQL
/// (<see cref="RegistrationSql"/>) with as many clients as delegates in flight on the same database. Goals: at least
/// 0.35 of pgbench's transactions/s, p99 at most 250 ms, confirmation email p95 at most 2 s.
/// </summary>
public sealed partial class RegistrationRush : IScenario
{
    private const double Goal = 0.35;
    private const double P99GoalMs = 250;
    private const double EmailP95GoalMs = 2_000;
    private const int DefaultInFlight = 64;
    private static readonly TimeSpan EmailWait = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);
    private static readonly string[] Sectors = ["Police", "FireAndRescue", "Council", "Health", "Education", "Voluntary", "Faith", "Business", "Community", "Other"];

    public async Task<object> RunAsync(BenchOptions options)
    {
        var delegates = options.Delegates;
        var inFlight = options.InFlight ?? Math.Min(DefaultInFlight, delegates);
        var workshopCapacity = Math.Max(1, delegates / 8);
        var secrets = PlatformSecrets.Read(options);
        var postgresPort = PlatformResources.PostgresPort(options);
        var events = new Psql(postgresPort, secrets["postgres-password"], "eventsdb");
        var notifications = new Psql(postgresPort, secrets["postgres-password"], "notificationsdb");
        var run = Guid.NewGuid().ToString("N")[..12];

        using var staff = new HttpClient { BaseAddress = options.Gateway, Timeout = RequestTimeout };
        staff.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await PlatformSecrets.StaffTokenAsync(staff, secrets));
        var (eventId, slots) = await CreateEventAsync(staff, delegates, workshopCapacity);

        var loadBefore = MachineLoad.Now();
        await events.RunAsync(RegistrationSql.Setup(eventId));
        PgbenchResult before, after;
        RushResult rush;
        List<Outcome> outcomes;
        try
        {
            // pgbench before and after the rush, the same length each: the machine's load drifts, so the yardstick is
            // the mean of the two around our run.
            before = await PgbenchAsync(events, eventId, slots, inFlight, options.Duration);
            (rush, outcomes) = await RushAsync(options.Gateway, eventId, slots, delegates, inFlight, run);
            after = await PgbenchAsync(events, eventId, slots, inFlight, options.Duration);
        }
        finally
        {
            await events.RunAsync(RegistrationSql.Teardown);
        }

        var loadAfter = MachineLoad.Now();
        var check = await CheckOverBookingAsync(staff, eventId);
        var database = await CheckDatabaseAsync(events, eventId);
        var email = await ConfirmationEmailsAsync(notifications, outcomes, run);

        var pgbenchTps = Math.Round((before.Tps + after.Tps) / 2, 1);
        var ratio = pgbenchTps > 0 ? Math.Round(rush.RegistrationsPerSecond / pgbenchTps, 3) : double.NaN;
        return new
        {
            Scenario = "registration-rush",
            EventId = eventId,
            Delegates = delegates,
            InFlight = inFlight,
            Workshops = new { Count = 6, Slots = 2, CapacityEach = workshopCapacity, ChoiceRule = "1 or 2 workshops, at most one per time slot" },
            Registrations = rush,
            OverBooking = check,
            OverBookingInDatabase = database,
            Pgbench = new { Tps = pgbenchTps, Before = before, After = after, Script = RegistrationSql.Describe },
            VersusPgbench = new
            {
                Ratio = ratio,
                Goal = $"registrations/s >= {Goal} x pgbench tps, p99 <= {P99GoalMs} ms",
                Met = ratio >= Goal && rush.P99Ms <= P99GoalMs,
            },
            ConfirmationEmail = email,
            LoadBefore = loadBefore,
            LoadAfter = loadAfter,
        };
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

    /// <summary>One delegate's answer; <paramref name="AnsweredAt"/> is when the 201 came back, for the email's wait.</summary>
    private sealed record Outcome(string Email, double Milliseconds, HttpStatusCode? Status, int Confirmed, int Waitlisted, DateTime AnsweredAt);

    /// <summary>Every delegate sends one registration; all start together behind a gate.</summary>
    private static async Task<(RushResult Result, List<Outcome> Outcomes)> RushAsync(Uri gateway, Guid eventId, Guid[][] slots, int delegates, int inFlight, string run)
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
                email = $"delegate{i + 1}.{run}@bench.example.org",
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
                if (response.StatusCode != HttpStatusCode.Created) return new Outcome(body.email, elapsed, response.StatusCode, 0, 0, DateTime.UtcNow);
                var choices = JsonDocument.Parse(text).RootElement.GetProperty("registration").GetProperty("choices").EnumerateArray()
                    .Select(c => c.GetProperty("status").ToString()).ToList();
                return new Outcome(body.email, elapsed, response.StatusCode, choices.Count(s => s == "confirmed"), choices.Count(s => s == "waitlisted"), DateTime.UtcNow);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                return new Outcome(body.email, Stopwatch.GetElapsedTime(started).TotalMilliseconds, null, 0, 0, DateTime.UtcNow);
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
        return (new RushResult(
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
            MaxMs: latencies.Count == 0 ? double.NaN : Math.Round(latencies[^1], 1)), [.. outcomes]);
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
    private static async Task<object> CheckDatabaseAsync(Psql events, Guid eventId)
    {
        var rows = await events.QueryAsync(
            "SELECT s.title, s.capacity, s.places_taken, " +
            "count(c.id) FILTER (WHERE c.status IN ('Confirmed', 'Offered')), count(c.id) FILTER (WHERE c.status = 'Waitlisted') " +
            "FROM session s LEFT JOIN workshop_choice c ON c.session_id = s.id " +
            $"WHERE s.event_id = '{eventId}' AND s.kind = 'Workshop' GROUP BY s.id, s.title, s.capacity, s.places_taken ORDER BY s.title");
        var workshops = rows.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(line => line.Split('|')).Select(f => new
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


    private sealed record PgbenchResult(double Tps, int Clients, int Threads, int Seconds, string? LatencyAverage);

    /// <summary>pgbench with <see cref="RegistrationSql"/>'s script, one client per delegate in flight, in the bench schema.</summary>
    private static async Task<PgbenchResult> PgbenchAsync(Psql events, Guid eventId, Guid[][] slots, int clients, TimeSpan duration)
    {
        const int threads = 2;
        var seconds = Math.Max(1, (int)Math.Round(duration.TotalSeconds));
        var folder = Directory.CreateTempSubdirectory("bench-pgbench-").FullName;
        try
        {
            var script = Path.Combine(folder, "registration.sql");
            await File.WriteAllTextAsync(script, RegistrationSql.Script(eventId, slots[0][0], slots[1][0], OutboxBodyLength));
            var output = await events.ToolAsync("pgbench", TimeSpan.FromSeconds(seconds + 120),
                new Dictionary<string, string> { ["PGOPTIONS"] = $"-c search_path={RegistrationSql.Schema},public" },
                "-n", "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", threads.ToString(CultureInfo.InvariantCulture),
                "-T", seconds.ToString(CultureInfo.InvariantCulture), "-f", script, events.Database);
            var tps = TpsLine().Match(output);
            // Every transaction updates the event's row, so the clients queue on one row lock; on a loaded machine that
            // queue can stall for the whole run, and pgbench then prints no rate at all. That is a yardstick of 0
            // (the ratio comes out undefined), not a reason to lose the rush's own figures.
            if (!tps.Success && ProcessedLine().Match(output) is { Success: true } processed && processed.Groups[1].Value == "0")
                return new PgbenchResult(0, clients, threads, seconds, null);
            if (!tps.Success) throw new InvalidOperationException("No 'tps = ' line in pgbench's output:\n" + output);
            var latency = LatencyLine().Match(output);
            return new PgbenchResult(double.Parse(tps.Groups[1].Value, CultureInfo.InvariantCulture), clients, threads, seconds,
                latency.Success ? latency.Groups[1].Value + " ms" : null);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // A RegistrationConfirmed's serialized envelope as Events writes it (measured on the wire at this commit).
    private const int OutboxBodyLength = 1_983;

    /// <summary>
    /// From each delegate's 201 to its confirmation email's delivery as Notifications recorded it (sent_at: when the
    /// mail server accepted it). Waits until every registered delegate's email is sent, or a few minutes.
    /// </summary>
    private static async Task<object> ConfirmationEmailsAsync(Psql notifications, List<Outcome> outcomes, string run)
    {
        var answered = outcomes.Where(o => o.Status == HttpStatusCode.Created).ToDictionary(o => o.Email.ToLowerInvariant(), o => o.AnsweredAt);
        var clock = Stopwatch.StartNew();
        Dictionary<string, DateTime> sent = [];
        while (clock.Elapsed < EmailWait)
        {
            var rows = await notifications.QueryAsync(
                "SELECT recipient, to_char(sent_at, 'YYYY-MM-DD\"T\"HH24:MI:SS.US') FROM delivery " +
                $"WHERE kind = 'event-registration-confirmed' AND recipient LIKE '%.{run}@bench.example.org' AND sent_at IS NOT NULL");
            sent = rows.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split('|'))
                .ToDictionary(f => f[0], f => DateTime.Parse(f[1], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal));
            if (sent.Count >= answered.Count) break;
            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        var waits = answered.Where(a => sent.ContainsKey(a.Key)).Select(a => Math.Max(0, (sent[a.Key] - a.Value).TotalMilliseconds)).Order().ToList();
        double At(double q) => waits.Count == 0 ? double.NaN : Math.Round(waits[(int)Math.Min(waits.Count - 1, q * waits.Count)], 1);
        var p95 = At(0.95);
        return new
        {
            Source = "notificationsdb delivery.sent_at (the sink's acceptance) minus the bench's receipt of the 201",
            Registered = answered.Count,
            Sent = waits.Count,
            P50Ms = At(0.50),
            P95Ms = p95,
            MaxMs = waits.Count == 0 ? double.NaN : Math.Round(waits[^1], 1),
            Goal = $"p95 <= {EmailP95GoalMs} ms",
            Met = waits.Count == answered.Count && p95 <= EmailP95GoalMs,
        };
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }


    [GeneratedRegex(@"number of transactions actually processed: (\d+)")]
    private static partial Regex ProcessedLine();

    [GeneratedRegex(@"tps = ([0-9.]+)")]
    private static partial Regex TpsLine();

    [GeneratedRegex(@"latency average = ([0-9.]+) ms")]
    private static partial Regex LatencyLine();
}
