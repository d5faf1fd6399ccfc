using System.Diagnostics;

namespace Platform.TestSupport;

/// <summary>
/// A clock the test moves by hand (Microsoft.Extensions.TimeProvider.Testing is not on the feed). It stands still
/// unless made with <see cref="Running"/>, and only ever moves forward, as the platform's adjustable clocks do.
/// </summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private readonly long _startTicks;
    private readonly long? _runningSince;
    private long _advancedTicks;

    /// <summary>A clock standing at <paramref name="start"/> until the test advances it.</summary>
    public ManualTimeProvider(DateTimeOffset start) : this(start, running: false)
    {
    }

    private ManualTimeProvider(DateTimeOffset start, bool running)
    {
        _startTicks = start.UtcTicks;
        _runningSince = running ? Stopwatch.GetTimestamp() : null;
    }

    /// <summary>A clock standing at this whole second (PostgreSQL keeps microseconds; whole seconds compare cleanly).</summary>
    public static ManualTimeProvider StandingNow() =>
        new(new DateTimeOffset(DateTime.UtcNow.Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero));

    /// <summary>A clock that starts at <paramref name="start"/> and runs in real time, so retry delays still fall due.</summary>
    public static ManualTimeProvider Running(DateTimeOffset start) => new(start, running: true);

    public override DateTimeOffset GetUtcNow()
    {
        var running = _runningSince is { } since ? Stopwatch.GetElapsedTime(since).Ticks : 0;
        return new DateTimeOffset(_startTicks + running + Interlocked.Read(ref _advancedTicks), TimeSpan.Zero);
    }

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _advancedTicks, by.Ticks);
    }
}
