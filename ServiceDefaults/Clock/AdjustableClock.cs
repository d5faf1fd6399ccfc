namespace Platform.ServiceDefaults.Clock;

/// <summary>
/// The system clock plus an offset that only grows. Timers and delays still run in real time; background work that
/// reads <see cref="TimeProvider.GetUtcNow"/> on each pass (and waits with <see cref="ClockExtensions.DelayAsync"/>,
/// which ends early when the clock moves) sees the moved time at once.
/// </summary>
public sealed class AdjustableClock(TimeProvider system) : TimeProvider, IClockChanges
{
    private readonly Lock _gate = new();
    private TimeSpan _offset;
    private CancellationTokenSource _moved = new();

    public override DateTimeOffset GetUtcNow() => system.GetUtcNow() + Offset;

    /// <summary>The clock underneath, never moved: for what other processes stamp (tokens), not for business time.</summary>
    public TimeProvider WallClock => system;

    public override TimeZoneInfo LocalTimeZone => system.LocalTimeZone;

    public override long GetTimestamp() => system.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        system.CreateTimer(callback, state, dueTime, period);

    public TimeSpan Offset
    {
        get { lock (_gate) return _offset; }
    }

    /// <summary>Ends when the clock is next moved.</summary>
    public CancellationToken Moved
    {
        get { lock (_gate) return _moved.Token; }
    }

    public DateTimeOffset Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        CancellationTokenSource previous;
        lock (_gate)
        {
            _offset += by;
            previous = _moved;
            _moved = new CancellationTokenSource();
        }

        previous.Cancel();
        previous.Dispose();
        return GetUtcNow();
    }
}

/// <summary>Lets background work wake when a test moves the clock instead of sleeping out its interval.</summary>
public interface IClockChanges
{
    CancellationToken Moved { get; }
}
