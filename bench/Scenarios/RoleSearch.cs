// How to run (a platform of your own, from the repository, so .platform/secrets.json is found):
//
//   ./platform up --gateway-port 8281 --dashboard-url http://127.0.0.1:18981
//   dotnet run --project bench -c Release -- role-search --gateway http://127.0.0.1:8281 --dashboard http://127.0.0.1:18981
//
// The first run seeds volunteersdb straight through psql (100 approved organisations, 5,000 roles, 50,000 volunteers
// with their applications, all named "Bench ..."); later runs find them and reuse them. The volunteers started within
// the last five months and were active "now", so the service's sweeps have nothing to do for them during the run.
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Bench.Scenarios;

/// <summary>
/// Public role searches through the gateway, anonymous as the public searches: a rotation of filter combinations
/// (category, district, skill, remote, availability, text, paging) over 5,000 roles of which 4,500 are open, beside
/// 50,000 volunteer records. Prints requests/s and latency percentiles overall and per query.
/// </summary>
public sealed class RoleSearch : IScenario
{
    private const int Organisations = 100;
    private const int Roles = 5_000;
    private const int Volunteers = 50_000;

    private const double Goal = 0.5;
    private const double P99GoalMs = 50;

    // The searches, in the order each worker walks them; RoleSearchSql has each one's SQL for pgbench.
    private static readonly string[] Queries = [.. RoleSearchSql.Searches.Select(s => s.Query)];

    public async Task<object> RunAsync(BenchOptions options)
    {
        var secrets = PlatformSecrets.Read(options);
        var port = PlatformResources.PostgresPort(options);
        var password = secrets["postgres-password"];
        var seeded = await SeedAsync(port, password);
        var counts = (await new Psql(port, password, "volunteersdb").QueryAsync(
            "SELECT (SELECT count(*) FROM volunteer_role), (SELECT count(*) FROM volunteer_role WHERE status = 'Open'), (SELECT count(*) FROM volunteer)")).Trim().Split('|');

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        { BaseAddress = options.Gateway };
        foreach (var query in Queries)
        {
            // Fails fast with the reason if the service or the data is not there.
            using var probe = await http.GetAsync(query);
            if (!probe.IsSuccessStatusCode) throw new InvalidOperationException($"GET {query}: {(int)probe.StatusCode} {await probe.Content.ReadAsStringAsync()}");
        }

        await DriveAsync(http, options.Concurrency, options.Warmup);
        var volunteers = new Psql(port, password, "volunteersdb");
        var loadBefore = MachineLoad.Now();
        // pgbench before and after, the same length each, as the machine's load drifts; the yardstick is their mean.
        var before = await PgbenchAsync(volunteers, options.Concurrency, options.Duration);
        var (samples, errors, elapsed) = await DriveAsync(http, options.Concurrency, options.Duration);
        var after = await PgbenchAsync(volunteers, options.Concurrency, options.Duration);
        var all = samples.Select(s => s.Milliseconds).Order().ToList();
        var search = new
        {
            Requests = all.Count,
            Errors = errors,
            RequestsPerSecond = Math.Round(all.Count / elapsed.TotalSeconds, 1),
            P50Ms = Percentile(all, 0.50),
            P90Ms = Percentile(all, 0.90),
            P99Ms = Percentile(all, 0.99),
            MaxMs = all.Count == 0 ? double.NaN : Math.Round(all[^1], 3),
        };
        var pgbenchTps = Math.Round((before + after) / 2, 1);
        var ratio = Math.Round(search.RequestsPerSecond / pgbenchTps, 3);
        return new
        {
            Scenario = "role-search",
            Data = new
            {
                Roles = int.Parse(counts[0], CultureInfo.InvariantCulture),
                OpenRoles = int.Parse(counts[1], CultureInfo.InvariantCulture),
                Volunteers = int.Parse(counts[2], CultureInfo.InvariantCulture),
                SeededThisRun = seeded,
            },
            Route = "anonymous GET through the gateway",
            DurationSeconds = options.Duration.TotalSeconds,
            options.Concurrency,
            Search = search,
            Pgbench = new { Tps = pgbenchTps, Before = before, After = after, Clients = options.Concurrency, Script = "each search's count and page query, one script per search, picked at random" },
            VersusPgbench = new
            {
                Ratio = ratio,
                Goal = $"searches/s >= {Goal} x pgbench tps, p99 <= {P99GoalMs} ms",
                Met = ratio >= Goal && search.P99Ms <= P99GoalMs,
            },
            LoadBefore = loadBefore,
            LoadAfter = MachineLoad.Now(),
            PerQuery = samples.GroupBy(s => s.Query).OrderBy(g => Array.IndexOf(Queries, g.Key)).Select(g =>
            {
                var sorted = g.Select(s => s.Milliseconds).Order().ToList();
                return new { Query = g.Key, Requests = sorted.Count, P50Ms = Percentile(sorted, 0.50), P99Ms = Percentile(sorted, 0.99) };
            }).ToList(),
        };
    }

    /// <summary>pgbench with every search's script, as many clients as the HTTP side has workers; returns transactions (searches) per second.</summary>
    private static async Task<double> PgbenchAsync(Psql volunteers, int clients, TimeSpan duration)
    {
        var seconds = Math.Max(1, (int)Math.Round(duration.TotalSeconds));
        var folder = Directory.CreateTempSubdirectory("bench-role-search-").FullName;
        try
        {
            var arguments = new List<string> { "-n", "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", "2", "-T", seconds.ToString(CultureInfo.InvariantCulture) };
            for (var i = 0; i < RoleSearchSql.Searches.Count; i++)
            {
                var script = Path.Combine(folder, $"search-{i}.sql");
                await File.WriteAllTextAsync(script, RoleSearchSql.Script(RoleSearchSql.Searches[i]));
                arguments.AddRange(["-f", script]);
            }

            arguments.Add(volunteers.Database);
            var output = await volunteers.ToolAsync("pgbench", TimeSpan.FromSeconds(seconds + 120), [.. arguments]);
            var tps = System.Text.RegularExpressions.Regex.Match(output, @"tps = ([0-9.]+)");
            if (!tps.Success) throw new InvalidOperationException("No 'tps = ' line in pgbench's output:\n" + output);
            return Math.Round(double.Parse(tps.Groups[1].Value, CultureInfo.InvariantCulture), 1);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed record Sample(string Query, double Milliseconds);

    /// <summary>Each worker walks the query list from its own starting point, back to back, for the given time.</summary>
    private static async Task<(List<Sample> Samples, long Errors, TimeSpan Elapsed)> DriveAsync(HttpClient http, int concurrency, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        long errors = 0;
        var perWorker = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var samples = new List<Sample>(50_000);
            for (var i = worker; clock.Elapsed < duration; i++)
            {
                var query = Queries[i % Queries.Length];
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.GetAsync(query, HttpCompletionOption.ResponseContentRead);
                    if (response.IsSuccessStatusCode) samples.Add(new Sample(query, Stopwatch.GetElapsedTime(started).TotalMilliseconds));
                    else Interlocked.Increment(ref errors);
                }
                catch (HttpRequestException) { Interlocked.Increment(ref errors); }
            }
            return samples;
        }));
        return (perWorker.SelectMany(s => s).ToList(), errors, clock.Elapsed);
    }

    private static double Percentile(List<double> sorted, double q) =>
        sorted.Count == 0 ? double.NaN : Math.Round(sorted[(int)Math.Min(sorted.Count - 1, q * sorted.Count)], 3);

    /// <summary>Seeds once; returns whether it did. Deterministic ids make the "already there" check and the links simple.</summary>
    private static async Task<bool> SeedAsync(int port, string password)
    {
        var existing = int.Parse((await new Psql(port, password, "volunteersdb").QueryAsync("SELECT count(*) FROM volunteer_role WHERE title LIKE 'Bench role %'")).Trim(), CultureInfo.InvariantCulture);
        if (existing >= Roles) return false;

        const string org = "('00000000-0000-4000-8000-' || lpad(to_hex({0}), 12, '0'))::uuid";
        const string role = "('00000000-0000-4000-9000-' || lpad(to_hex({0}), 12, '0'))::uuid";
        const string application = "('00000000-0000-4000-a000-' || lpad(to_hex({0}), 12, '0'))::uuid";
        const string volunteer = "('00000000-0000-4000-b000-' || lpad(to_hex({0}), 12, '0'))::uuid";
        const string categories = "(ARRAY['RoadSafety','HomeSafety','YouthDiversion','ViolenceReduction','VictimSupport','CommunitySupport','Other'])";
        const string districts = "(ARRAY['Ashford Vale','Brookmere','Castleton','Dunmore','Eastwick','Fairhaven','Greystone'])";
        const string skills = "(ARRAY['driving','first aid','listening','mentoring','writing','languages','admin','fundraising','cycling','coaching'])";
        const string availability = "(ARRAY['WeekdayDaytime','WeekdayEvenings','Weekends','Flexible'])";
        string F(string template, string value) => string.Format(CultureInfo.InvariantCulture, template, value);
        var roleOfApplication = "((g % 5000) + 1)";
        const string emptyArray = "'{}'";
        var sql = $"""
            BEGIN;
            INSERT INTO organisation (id, name, districts, contact_name, contact_email, status, registered_at, approved_at, approved_by)
            SELECT {F(org, "g")}, 'Bench organisation ' || g, ARRAY['Castleton'], 'Bench', 'bench@example.org', 'Approved', now(), now(), 'bench'
            FROM generate_series(1, {Organisations}) g ON CONFLICT DO NOTHING;
            INSERT INTO volunteer_role (id, organisation_id, title, description, category, district, location, remote, skills, time_commitment,
                availability, minimum_age, background_check, places, places_filled, closes_on, status, created_at, opened_at)
            SELECT {F(role, "g")}, {F(org, "((g % 100) + 1)")}, 'Bench role ' || g || ' ' || lower({categories}[g % 7 + 1]),
                'A benchmark role in ' || {districts}[(g / 7) % 7 + 1] || ': youth, roads, homes and victims.', {categories}[g % 7 + 1],
                {districts}[(g / 7) % 7 + 1], 'Community centre', g % 9 = 0, ARRAY[{skills}[g % 10 + 1], {skills}[(g / 10) % 10 + 1]],
                '4 hours a month', ARRAY[{availability}[g % 4 + 1]], 18, 'Basic', 50, 10,
                CASE WHEN g % 3 = 0 THEN NULL ELSE current_date + (g % 120) END, CASE WHEN g % 10 = 0 THEN 'Closed' ELSE 'Open' END, now(), now()
            FROM generate_series(1, {Roles}) g ON CONFLICT DO NOTHING;
            INSERT INTO volunteer_application (id, role_id, organisation_id, name, email, age_band, availability, skills, motivation, consent, district,
                stage, manage_token_hash, manage_token_expires_at, created_at, updated_at)
            SELECT {F(application, "g")}, {F(role, roleOfApplication)}, {F(org, $"(({roleOfApplication} % 100) + 1)")}, 'Bench volunteer ' || g,
                'bench' || g || '@example.org', 'From25To34', ARRAY['Weekends'], ARRAY[{skills}[g % 10 + 1]], 'Bench', true, {districts}[g % 7 + 1],
                'Active', decode(md5('application' || g), 'hex'), now() + interval '365 days', now(), now()
            FROM generate_series(1, {Volunteers}) g ON CONFLICT DO NOTHING;
            INSERT INTO volunteer (id, organisation_id, role_id, application_id, name, email, skills, availability, district, link_token_hash, status,
                started_at, approved_hours, last_activity_at, at_risk_reasons)
            SELECT {F(volunteer, "g")}, {F(org, $"(({roleOfApplication} % 100) + 1)")}, {F(role, roleOfApplication)}, {F(application, "g")},
                'Bench volunteer ' || g, 'bench' || g || '@example.org', ARRAY[{skills}[g % 10 + 1]], ARRAY['Weekends'], {districts}[g % 7 + 1],
                decode(md5('volunteer' || g), 'hex'), 'Active', now() - (g % 150) * interval '1 day', 0, now(), {emptyArray}
            FROM generate_series(1, {Volunteers}) g ON CONFLICT DO NOTHING;
            COMMIT;
            ANALYZE organisation; ANALYZE volunteer_role; ANALYZE volunteer_application; ANALYZE volunteer;
            """;
        await new Psql(port, password, "volunteersdb").QueryAsync(sql);
        return true;
    }



}
