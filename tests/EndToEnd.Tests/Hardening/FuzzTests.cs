using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Platform.EndToEnd.Tests.Hardening;

/// <summary>
/// Issue 15, the fuzz suite: every operation of every API document /docs lists, called through the gateway as each
/// kind of caller with requests made wrong on purpose (unreadable JSON, wrong types, missing and extra fields, 100 KB
/// strings, control characters, boundary numbers, ids nobody has, bad path and query values, wrong content types).
/// Nothing may answer 5xx, and every 4xx must be a ProblemDetails. A 429 is neither a pass nor a failure, but every
/// operation must get a real answer for every caller (so is the gateway's 503 while its health checks keep a service out). Seeded: <c>FUZZ_SEED=n</c> sends the same requests again, and
/// <c>FUZZ_SECONDS</c> sets how long the run keeps sending after every operation has been reached once.
/// </summary>
public sealed class FuzzTests(PlatformFixture platform)
{
    // Each run draws a new seed, so the runs together cover far more than one; 25 s after the first round keeps the
    // suite's CPU for the rest (45 s was a tenth of the end-to-end suite's busiest stretch).
    private const int DefaultSeconds = 25;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Sent once per caller at the end (signing out ends the session the other requests use).</summary>
    private const string Logout = "POST /gateway/accounts/logout";

    /// <summary>Each caller's password may be tried wrongly once per run, not once per round: it is the one account staff share.</summary>
    private const string PasswordChange = "POST /gateway/accounts/password";

    [Fact]
    public async Task No_operation_answers_malformed_input_with_a_5xx_or_an_error_that_is_not_a_problem()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), CultureInfo.InvariantCulture, out var given) ? given : Random.Shared.Next();
        var seconds = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SECONDS"), CultureInfo.InvariantCulture, out var s) ? s : DefaultSeconds;
        Report($"fuzz seed {seed} (FUZZ_SEED={seed} repeats this run), {seconds} s after the first round");
        var started = Stopwatch.StartNew();

        var operations = await ApiOperations.ReadAsync(platform.Gateway, Cancel);
        using var cast = await Cast.CreateAsync(platform);
        var things = await Things.CreateAsync(platform, cast);
        Caller[] callers = [cast.Anonymous, cast.KeyWithEveryScope, cast.OrganisationA, cast.Judge, cast.Staff];
        var mutations = Enum.GetValues<Mutation>();
        var fuzzed = operations.Where(o => o.Key != Logout).ToList();
        Report($"cast and things ready in {started.Elapsed.TotalSeconds:F1} s; {operations.Count} operations in the documents");

        var failures = new ConcurrentQueue<string>();
        var answered = new ConcurrentDictionary<(string Operation, string Caller), bool>();
        var letIn = new ConcurrentDictionary<(string Operation, string Caller), bool>();
        var statuses = new ConcurrentDictionary<int, int>();
        var sent = 0;

        // Request n of a round is the same for a seed whatever was sent before it: each has a Random of its own.
        FuzzRequest Build(int round, int operation, int caller) =>
            FuzzRequests.Build(fuzzed[operation], mutations[(round + operation + caller) % mutations.Length],
                new Random(Mix(seed, round, operation, caller)), things);

        async Task SendAsync(Caller caller, FuzzRequest fuzz, CancellationToken ct)
        {
            using var request = fuzz.ToMessage();
            using var response = await caller.SendAsync(request, ct);
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync(ct);
            Interlocked.Increment(ref sent);
            statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
            // Neither says anything about the request: a limit reached, or the gateway's health checks having taken the
            // service out of its routes for a while (its 503 with Retry-After; a service that crashed is a 502). Both are
            // asked again in later rounds, and an operation never answered otherwise fails the test.
            if (status == (int)HttpStatusCode.TooManyRequests
                || (status == (int)HttpStatusCode.ServiceUnavailable && response.Headers.RetryAfter is not null)) return;
            answered[(fuzz.Operation.Key, caller.Name)] = true;
            if (status is not (401 or 403)) letIn[(fuzz.Operation.Key, caller.Name)] = true;
            if (Wrong(response, status, text, fuzz) is { } wrong)
                failures.Enqueue($"{fuzz.Operation.Key} as {caller.Name}: {wrong}\n    request: {fuzz}\n    answer: {Shown(text)}");
        }

        // Round 0 reaches every operation as every caller; a caller limited with 429 is tried again in later rounds.
        var round = 0;
        var deadline = TimeSpan.MaxValue;
        var options = new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = Cancel };
        while (true)
        {
            // After the first round, the time goes to callers the operation lets in (two requests each a round), where a
            // wrong request reaches the code behind authorization; those refused get one every fourth round, and any
            // still unanswered (429) one every round.
            var work = Enumerable.Range(0, fuzzed.Count)
                .SelectMany(o => Enumerable.Range(0, callers.Length).Select(c => (Operation: o, Caller: c)))
                .Where(w => round == 0 || !(fuzzed[w.Operation].Key == PasswordChange && callers[w.Caller].Session is not null)
                    || !answered.ContainsKey((PasswordChange, callers[w.Caller].Name)))
                .SelectMany(w => Enumerable.Repeat(w, round == 0 ? 1
                    : letIn.ContainsKey((fuzzed[w.Operation].Key, callers[w.Caller].Name)) ? 2
                    : round % 4 == 0 || !answered.ContainsKey((fuzzed[w.Operation].Key, callers[w.Caller].Name)) ? 1 : 0)
                    .Select((x, i) => (x.Operation, x.Caller, Turn: i)))
                .ToList();
            var thisRound = round;
            await Parallel.ForEachAsync(work, options, async (w, ct) =>
            {
                if (started.Elapsed > deadline) return;
                await SendAsync(callers[w.Caller], Build(thisRound * 2 + w.Turn, w.Operation, w.Caller), ct);
            });

            var unreached = UnreachedAsText(fuzzed, callers, answered);
            if (round == 0)
            {
                deadline = started.Elapsed + TimeSpan.FromSeconds(seconds);
                Report($"round 0: {sent} requests in {started.Elapsed.TotalSeconds:F1} s");
            }

            round++;
            if (started.Elapsed > deadline)
            {
                Assert.True(unreached.Count == 0, $"seed {seed}: never answered without 429:\n{string.Join('\n', unreached)}");
                break;
            }
        }

        // Signing out, last, for every caller.
        foreach (var operation in operations.Where(o => o.Key == Logout))
            foreach (var (caller, i) in callers.Select((c, i) => (c, i)))
                await SendAsync(caller, FuzzRequests.Build(operation, mutations[i % mutations.Length], new Random(Mix(seed, -1, i, 0))), Cancel);

        Report($"{sent} requests in {round} rounds, {started.Elapsed.TotalSeconds:F1} s; answers: "
            + string.Join(", ", statuses.OrderBy(p => p.Key).Select(p => $"{p.Key}×{p.Value}")));
        var byOperation = failures.GroupBy(f => f[..f.IndexOf(" as ", StringComparison.Ordinal)]).ToList();
        Assert.True(failures.IsEmpty,
            $"seed {seed} (FUZZ_SEED={seed}): {failures.Count} wrong answers in {byOperation.Count} operations: "
            + string.Join(", ", byOperation.Select(g => g.Key)) + "\n\n"
            + string.Join("\n\n", byOperation.SelectMany(g => g.Take(3))));
    }

    /// <summary>Why an answer is wrong, or null: a 5xx, or a 4xx that is not a ProblemDetails with its status and a title.</summary>
    private static string? Wrong(HttpResponseMessage response, int status, string text, FuzzRequest fuzz)
    {
        if (status >= 500) return $"{status}";
        if (status < 400) return null;
        // Kestrel refuses a NUL decoded from a path itself, before the gateway's pipeline (so no ProblemDetails can
        // be written): a bare 400 is the only answer, and the right one. Control characters reach our code and are checked.
        if (status == 400 && text.Length == 0 && fuzz.Url.Split('?')[0].Contains("%00", StringComparison.Ordinal)) return null;
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            return $"{status} as {response.Content.Headers.ContentType?.ToString() ?? "no content type"}, not application/problem+json";
        try
        {
            var problem = JsonDocument.Parse(text).RootElement;
            if (!problem.TryGetProperty("status", out var s) || s.ValueKind != JsonValueKind.Number || s.GetInt32() != status)
                return $"{status} whose problem has no matching status";
            if (!problem.TryGetProperty("title", out var t) || t.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(t.GetString()))
                return $"{status} whose problem has no title";
            return null;
        }
        catch (JsonException)
        {
            return $"{status} whose body is not JSON";
        }
    }

    private static List<string> UnreachedAsText(List<ApiOperation> operations, Caller[] callers, ConcurrentDictionary<(string, string), bool> answered) =>
        [.. operations.SelectMany(o => callers.Where(c => !answered.ContainsKey((o.Key, c.Name))).Select(c => $"{o.Key} as {c.Name}"))];

    /// <summary>One number from several, the same in every process (HashCode.Combine is seeded afresh per process).</summary>
    private static int Mix(int seed, int round, int operation, int caller)
    {
        unchecked
        {
            var h = seed;
            foreach (var part in new[] { round, operation, caller }) h = h * 486_187_739 + part;
            return h;
        }
    }

    private static string Shown(string text) => text.Length > 400 ? text[..400] + "…" : text;

    private static void Report(string line)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        TestContext.Current.SendDiagnosticMessage(line);
    }
}
