using System.Collections.Concurrent;
using Platform.Notifications.Delivery;

namespace Platform.Notifications.Tests;

/// <summary>Records what would have gone to the mail server; <see cref="Failure"/> makes chosen sends fail.</summary>
public sealed class RecordingEmailSender : IEmailSender
{
    public ConcurrentQueue<(string To, RenderedEmail Email)> Sent { get; } = new();

    /// <summary>Returns the exception to throw for a send to this address, or null to accept it.</summary>
    public Func<string, Exception?>? Failure { get; set; }

    public int Attempts => _attempts;

    private int _attempts;

    /// <summary>
    /// The exception to throw for a send to this address after the message was handed over (the connection lost before
    /// the server's answer: the server has the message), or null.
    /// </summary>
    public Func<string, Exception?>? FailureAfterHandOver { get; set; }

    /// <summary>Awaited with the attempt's number (from 1) before the hand-over and after it: a test holds a send there.</summary>
    public Func<int, bool, Task>? Pause { get; set; }

    public async Task SendAsync(string to, RenderedEmail email, Action handingOver, CancellationToken cancellationToken)
    {
        var attempt = Interlocked.Increment(ref _attempts);
        if (Failure?.Invoke(to) is { } failure) throw failure;
        if (Pause is { } before) await before(attempt, false);
        handingOver();
        Sent.Enqueue((to, email));
        if (Pause is { } after) await after(attempt, true);
        if (FailureAfterHandOver?.Invoke(to) is { } lost) throw lost;
    }
}
