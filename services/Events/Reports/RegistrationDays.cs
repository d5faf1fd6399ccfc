using Platform.Events.Infrastructure;

namespace Platform.Events.Reports;

/// <summary>Registrations over time: one entry per UK day from the first registration to the last change, quiet days included.</summary>
public static class RegistrationDays
{
    public static IReadOnlyList<RegistrationDay> From(IEnumerable<(DateTimeOffset CreatedAt, DateTimeOffset? CancelledAt)> registrations)
    {
        var made = new Dictionary<DateOnly, int>();
        var cancelled = new Dictionary<DateOnly, int>();
        foreach (var (createdAt, cancelledAt) in registrations)
        {
            Count(made, createdAt);
            if (cancelledAt is { } at) Count(cancelled, at);
        }
        if (made.Count == 0) return [];

        // Quiet days are listed with zeros so a chart's x axis is time, not just the days something happened.
        var first = made.Keys.Min();
        var last = made.Keys.Concat(cancelled.Keys).Max();
        var days = new List<RegistrationDay>();
        var total = 0;
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            var registered = made.GetValueOrDefault(day);
            var gone = cancelled.GetValueOrDefault(day);
            total += registered - gone;
            days.Add(new RegistrationDay(day, registered, gone, total));
        }
        return days;
    }

    private static void Count(Dictionary<DateOnly, int> days, DateTimeOffset instant)
    {
        var day = DateOnly.FromDateTime(instant.ToLondon().DateTime);
        days[day] = days.GetValueOrDefault(day) + 1;
    }
}
