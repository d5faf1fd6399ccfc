using System.Diagnostics;

namespace Platform.Notifications.Tests;

/// <summary>
/// A clock that starts at a chosen instant, runs in real time (so retry delays still fall due) and jumps forward when
/// the test says (Microsoft.Extensions.TimeProvider.Testing is not on the feed).
/// </summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly long _startedAt = Stopwatch.GetTimestamp();
    private long _advancedTicks;

    public override DateTimeOffset GetUtcNow() =>
        start + Stopwatch.GetElapsedTime(_startedAt) + TimeSpan.FromTicks(Interlocked.Read(ref _advancedTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _advancedTicks, by.Ticks);
}
