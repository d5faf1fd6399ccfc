using System.Threading.Channels;

namespace Platform.Events.Waitlists;

/// <summary>Wakes the promoter as soon as a place frees, instead of waiting for its next round.</summary>
public sealed class WaitlistSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void PlaceFreed() => _channel.Writer.TryWrite(true);

    /// <summary>Returns when signalled or after <paramref name="interval"/>, whichever is first.</summary>
    public async Task WaitAsync(TimeSpan interval, TimeProvider time, CancellationToken ct)
    {
        using var timeout = new CancellationTokenSource(interval, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            await _channel.Reader.ReadAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // The round's interval passed without a signal: look for expired offers anyway.
        }
    }
}
