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

    public async Task SendAsync(string to, RenderedEmail email, Func<CancellationToken, Task> handingOver, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _attempts);
        if (Failure?.Invoke(to) is { } failure) throw failure;
        await handingOver(cancellationToken);
        Sent.Enqueue((to, email));
    }
}
