using System.Threading.Channels;

namespace Platform.Messaging;

/// <summary>
/// Wakes a background loop as soon as there is work, so latency is not bound to its poll interval. A single-slot
/// channel coalesces bursts of nudges into one wake-up; the loop still polls for work nobody announced.
/// </summary>
public class WakeSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Nudge() => _channel.Writer.TryWrite(true);

    /// <summary>Returns when nudged or after <paramref name="timeout"/>, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        using var timeoutSource = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        try
        {
            await _channel.Reader.ReadAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval elapsed without a nudge: the caller looks for work anyway.
        }
    }
}
