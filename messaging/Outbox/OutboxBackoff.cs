namespace Platform.Messaging;

/// <summary>Exponential, capped: a long broker outage settles at one attempt per <see cref="OutboxOptions.MaxBackoff"/>.</summary>
internal static class OutboxBackoff
{
    public static TimeSpan After(int consecutiveFailures, OutboxOptions options)
    {
        if (consecutiveFailures <= 0)
        {
            return TimeSpan.Zero;
        }

        // Cap the exponent before shifting so a very long outage cannot overflow.
        var factor = 1L << Math.Min(consecutiveFailures - 1, 30);
        var ticks = Math.Min(options.InitialBackoff.Ticks * (double)factor, options.MaxBackoff.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }
}
