namespace Platform.Notifications.Delivery;

/// <summary>
/// Wakes the sender when something was queued. Coalescing: many wakes before the sender looks are one. The sender
/// also polls, because a wake can come before the queuing transaction commits.
/// </summary>
public sealed class DeliverySignal
{
    private readonly SemaphoreSlim _pending = new(0, 1);

    public void Wake()
    {
        try
        {
            _pending.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
    }

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        await _pending.WaitAsync(timeout, cancellationToken);
    }
}
