namespace Platform.Notifications.Delivery;

/// <summary>
/// Wakes an idle sender when something was queued, or when a sender claimed a full batch (more is waiting). Coalescing:
/// many wakes before a sender looks are one. One sender also polls, because a wake can come before the queuing
/// transaction commits.
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
