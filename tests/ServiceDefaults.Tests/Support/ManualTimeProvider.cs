namespace Platform.ServiceDefaults.Tests.Support;

/// <summary>A clock the test moves by hand, so token expiry can be tested without waiting.</summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
