using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using Platform.AppHost.Hosting.Resources;
using Platform.EndToEnd.Tests.Events;
using Platform.EndToEnd.Tests.Notifications;

namespace Platform.EndToEnd.Tests.Faults;

/// <summary>
/// A stream of accepted work against the running platform and a ledger of what was accepted, for the fault suite:
/// public registrations through the gateway from callers of their own addresses (every 2xx is written down with its
/// address), and a news fan-out to confirmed subscribers inserted for the case. After the fault it checks the goal:
/// every accepted registration exists and its email arrived, every subscriber got the news, no Message-ID arrived
/// twice in the case's mail, and every resource is healthy again (started by the platform, not by the test).
/// </summary>
internal sealed class FaultLoad(PlatformFixture platform) : IAsyncDisposable
{
    /// <summary>Registrations a caller makes a minute: under the gateway's 30 anonymous writes a minute per address.</summary>
    private static readonly TimeSpan Pace = TimeSpan.FromSeconds(2.5);

    private readonly DateTime _started = DateTime.UtcNow.AddSeconds(-1);
    private readonly ConcurrentQueue<(string Email, Guid Id)> _accepted = new();
    private readonly ConcurrentBag<string> _refused = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _callers = [];
    private readonly List<HttpClient> _clients = [];
    private List<string> _subscribers = [];
    private HashSet<string>? _subscriberSet;
    private string? _newsTitle;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public IReadOnlyCollection<(string Email, Guid Id)> Accepted => _accepted;

    /// <summary>Registrations accepted so far (each a 201 with its registration).</summary>
    public int AcceptedCount => _accepted.Count;

    /// <summary>Starts <paramref name="callers"/> members of the public registering for one new event until <see cref="StopAsync"/>.</summary>
    public async Task StartRegistrationsAsync(int callers = 4)
    {
        var conference = await platform.PublishEventAsync(capacity: 2000, workshopCapacities: [2000]);
        for (var i = 0; i < callers; i++)
        {
            var client = platform.CreatePublicClient();
            client.Timeout = TimeSpan.FromSeconds(20);
            _clients.Add(client);
            _callers.Add(Task.Run(() => RegisterUntilStoppedAsync(client, conference, i)));
        }
    }

    private async Task RegisterUntilStoppedAsync(HttpClient client, TestEvent conference, int caller)
    {
        var n = 0;
        while (!_stop.IsCancellationRequested)
        {
            var email = Addresses.Unique($"Fault{caller}.{n++}");
            try
            {
                using var response = await client.PostAsJsonAsync($"/api/events/{conference.Id}/registrations",
                    EventsActors.Delegate(email, conference.Workshops[0]), _stop.Token);
                var body = await response.Content.ReadAsStringAsync(_stop.Token);
                if (response.IsSuccessStatusCode)
                    _accepted.Enqueue((email, JsonDocument.Parse(body).RootElement.GetProperty("registration").GetProperty("id").GetGuid()));
                else
                    _refused.Add($"{(int)response.StatusCode}");
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                // No answer (the gateway is down, or the request timed out): not accepted, so nothing is owed.
                _refused.Add(e.GetType().Name);
            }

            try { await Task.Delay(Pace, _stop.Token); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> registrations have been accepted.</summary>
    public async Task WaitForAcceptedAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (AcceptedCount < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"only {AcceptedCount} registrations accepted in {timeout} (refused: {string.Join(", ", _refused.Take(20))})");
            await Task.Delay(200, Cancel);
        }
    }

    /// <summary>
    /// Inserts <paramref name="subscribers"/> confirmed subscribers of <paramref name="district"/> (each case its own
    /// district, so its post goes to them and not to another case's) and publishes a volunteering post for it.
    /// </summary>
    public async Task StartFanOutAsync(int subscribers, string district)
    {
        _subscribers = [.. Enumerable.Range(0, subscribers).Select(i => Addresses.Unique($"Fanout{i}"))];
        await ConfirmedSubscribers.InsertAsync(platform.App, _subscribers, district, Cancel);

        _newsTitle = $"Fault drill {Guid.NewGuid():N}";
        await platform.PublishNewsAsync(_newsTitle, topic: "volunteering", district: district);
    }

    /// <summary>How many of this case's subscribers have the news so far.</summary>
    public int NewsDelivered() => NewsMessages(platform.App.GetMailbox("mail").Messages()).Count;

    /// <summary>Waits until the fan-out is under way (so the fault lands in its middle), at most until it has finished.</summary>
    public async Task WaitForFanOutUnderWayAsync(int delivered)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (NewsDelivered() < delivered)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the fan-out did not start: {NewsDelivered()} delivered");
            await Task.Delay(100, Cancel);
        }
    }

    // The subject first: a cached header, where the recipients are checked against a set made once per case.
    private List<ReceivedMessage> NewsMessages(IEnumerable<ReceivedMessage> messages) => _newsTitle is null ? [] :
        [.. messages.Where(m => m.DecodedSubject() == _newsTitle && m.Recipients.Overlaps(SubscriberSet))];

    private HashSet<string> SubscriberSet => _subscriberSet ??= [.. _subscribers.Select(s => s.ToLowerInvariant())];

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_callers);
    }

    /// <summary>
    /// The goal, once the fault is over: 0 accepted requests lost (each accepted registration stored and its email
    /// arrived; each subscriber got the news) and 0 emails sent twice (no Message-ID twice in the mail since the case began).
    /// </summary>
    public async Task AssertNothingLostAndNothingTwiceAsync(TimeSpan within)
    {
        await StopAsync();
        var mailbox = platform.App.GetMailbox("mail");
        var accepted = _accepted.ToList();
        var deadline = DateTime.UtcNow + within;
        List<string> unmailed, unreached;
        while (true)
        {
            var messages = mailbox.Messages();
            var mailed = messages.SelectMany(m => m.Recipients).ToHashSet();
            unmailed = [.. accepted.Where(a => !mailed.Contains(a.Email.ToLowerInvariant())).Select(a => a.Email)];
            var reached = NewsMessages(messages).SelectMany(m => m.Recipients).ToHashSet();
            unreached = [.. _subscribers.Where(s => !reached.Contains(s.ToLowerInvariant()))];
            if ((unmailed.Count == 0 && unreached.Count == 0) || DateTime.UtcNow > deadline) break;
            await Task.Delay(500, Cancel);
        }

        // A second copy comes after the first: give a late one the chance to show.
        await Task.Delay(TimeSpan.FromSeconds(3), Cancel);
        var caseMail = mailbox.Messages().Where(m => m.ReceivedAt >= _started).ToList();
        var twice = caseMail.GroupBy(m => m.Header("Message-ID") ?? $"(none: {m.FileName})")
            .Where(g => g.Count() > 1).Select(g => $"{g.Key} x{g.Count()} to {g.First().To}").ToList();

        var stored = accepted.Count == 0 ? 0 : await platform.App.CountAsync("eventsdb",
            "SELECT count(*) FROM registration WHERE id = ANY(@ids)", ("ids", accepted.Select(a => a.Id).ToArray()));

        Assert.True(unmailed.Count == 0, $"{unmailed.Count} of {accepted.Count} accepted registrations got no email: {string.Join(", ", unmailed.Take(5))}; "
            + $"their deliveries (none queued if none listed):\n{string.Join("\n", await DeliveriesAsync(unmailed, news: false))}");
        Assert.True(unreached.Count == 0, $"{unreached.Count} of {_subscribers.Count} subscribers did not get the news; their deliveries:\n"
            + string.Join("\n", await DeliveriesAsync(unreached, news: true)));
        Assert.Equal(accepted.Count, stored);
        Assert.True(twice.Count == 0, $"{twice.Count} emails arrived more than once: {string.Join("; ", twice.Take(5))}");
        Assert.All(caseMail, m => Assert.NotNull(m.Header("Message-ID")));
    }

    /// <summary>What Notifications' queue holds for these recipients, to say where a missing email stopped.</summary>
    private async Task<List<string>> DeliveriesAsync(List<string> recipients, bool news) => recipients.Count == 0 ? [] : await platform.App.DescribeRowsAsync("notificationsdb",
        "SELECT recipient, kind, status, attempts, created_at, next_attempt_at, claimed_until, handed_over_at, sent_at, failure_reason FROM delivery WHERE (kind = 'news') = @news AND lower(recipient) = ANY(@r)",
        ("news", news), ("r", recipients.Select(s => s.ToLowerInvariant()).ToArray()));

    /// <summary>Every service and server healthy, whoever brought it back: the platform itself, for what the test killed.</summary>
    public async Task AssertEveryResourceHealthyAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        foreach (var name in Supervised(platform.App))
        {
            try { await platform.App.ResourceNotifications.WaitForResourceHealthyAsync(name, timeout.Token); }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !Cancel.IsCancellationRequested)
            {
                platform.App.ResourceNotifications.TryGetCurrentState(name, out var state);
                Assert.Fail($"{name} is not healthy again: {state?.Snapshot.State?.Text} {state?.Snapshot.HealthStatus}");
            }
        }
    }

    /// <summary>The platform's services and servers (not the dashboard).</summary>
    public static IEnumerable<string> Supervised(DistributedApplication app) =>
        app.Model().Resources.Where(r => r is ProjectResource or PostgresServerResource or RabbitMQServerResource or SmtpSinkResource)
            .Select(r => r.Name);

    /// <summary>
    /// <c>kill -9</c> of the resource's process, and waits until the platform has started it again by itself (a new
    /// process, running): the test never presses Start. Answers how long it was away.
    /// </summary>
    public static async Task<TimeSpan> KillAndAwaitRestartAsync(DistributedApplication app, string resource)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        var pid = ProcessIdOf(app, resource);
        var killed = Stopwatch.StartNew();
        Process.GetProcessById(pid).Kill(); // SIGKILL: a crash, not DCP's stop
        var ended = await app.ResourceNotifications.WaitForResourceAsync(resource,
            e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text) || e.Snapshot.State?.Text == "Terminated", timeout.Token);
        Assert.NotEqual(0, ended.Snapshot.ExitCode);
        await app.ResourceNotifications.WaitForResourceAsync(resource,
            e => e.Snapshot.State?.Text == KnownResourceStates.Running && PidOf(e.Snapshot) is { } now && now != pid, timeout.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
        return killed.Elapsed;
    }

    /// <summary>The pid DCP reports for the resource's process (the dashboard's "Process ID").</summary>
    public static int ProcessIdOf(DistributedApplication app, string resource)
    {
        Assert.True(app.ResourceNotifications.TryGetCurrentState(resource, out var current), $"{resource} has no state");
        return PidOf(current.Snapshot) ?? throw new InvalidOperationException($"{resource} has no process id");
    }

    public static int? PidOf(CustomResourceSnapshot snapshot) =>
        snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is { } value
            ? Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>
    /// A restarted service's adjustable clock starts afresh at the real time; moves it forward to where it was, so
    /// later tests never see its time go backwards.
    /// </summary>
    public static async Task RestoreClockAsync(PlatformFixture platform, string service, DateTimeOffset before)
    {
        var after = await platform.AdvanceClockAsync(service, TimeSpan.Zero);
        if (after < before) await platform.AdvanceClockAsync(service, before - after);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested) await StopAsync();
        foreach (var client in _clients) client.Dispose();
        _stop.Dispose();
    }
}
