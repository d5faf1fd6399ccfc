using Platform.Contracts.Events;
using Platform.Events.Calendar;
using Platform.Events.Catalogue;

namespace Platform.Events.ChangeNotices;

/// <summary>
/// An event's day as delegates' calendars show it: the event's times and place, and each workshop's times and room (a
/// workshop's place in the calendar is its room at the venue, so a new venue is one change, not one per workshop).
/// A pending notice keeps the snapshot from before its first change, so the notice compares what delegates were last
/// told with what holds when it is sent, and changes that cancel out tell nobody anything.
/// </summary>
public sealed record ScheduleSnapshot(DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Place, IReadOnlyList<WorkshopSnapshot> Workshops)
{
    public static ScheduleSnapshot Of(PartnershipEvent e) => new(
        e.StartsAt, e.EndsAt, EventCalendarFeed.Location(e),
        e.Sessions.Where(s => s.IsChoosable).OrderBy(s => s.Id)
            .Select(s => new WorkshopSnapshot(s.Id, s.Title, s.StartsAt, s.EndsAt, s.Room)).ToList());

    /// <summary>Whether a delegate's calendar would read differently.</summary>
    public bool Differs(ScheduleSnapshot other) =>
        StartsAt != other.StartsAt || EndsAt != other.EndsAt || Place != other.Place || !Workshops.SequenceEqual(other.Workshops);

    /// <summary>What changed about the event itself, from this (what delegates were told) to <paramref name="now"/>.</summary>
    public IEnumerable<ScheduleChange> EventChanges(string title, ScheduleSnapshot now)
    {
        if (StartsAt != now.StartsAt || EndsAt != now.EndsAt)
            yield return new ScheduleChange(title, false, "time", StartsAt, now.StartsAt, now.EndsAt, null, null);
        if (Place != now.Place)
            yield return new ScheduleChange(title, false, "place", null, null, null, Place, now.Place);
    }

    /// <summary>What changed about each workshop, by workshop id; a workshop gone from <paramref name="now"/> was withdrawn.</summary>
    public IReadOnlyDictionary<Guid, List<ScheduleChange>> WorkshopChanges(ScheduleSnapshot now)
    {
        var workshops = now.Workshops.ToDictionary(w => w.Id);
        var changes = new Dictionary<Guid, List<ScheduleChange>>();
        foreach (var was in Workshops)
        {
            var list = new List<ScheduleChange>();
            if (!workshops.TryGetValue(was.Id, out var current))
            {
                list.Add(new ScheduleChange(was.Title, true, "withdrawn", was.StartsAt, null, null, was.Room, null));
            }
            else
            {
                if (was.StartsAt != current.StartsAt || was.EndsAt != current.EndsAt)
                    list.Add(new ScheduleChange(current.Title, true, "time", was.StartsAt, current.StartsAt, current.EndsAt, null, null));
                if (was.Room != current.Room)
                    list.Add(new ScheduleChange(current.Title, true, "place", null, null, null, was.Room, current.Room));
            }

            if (list.Count > 0) changes[was.Id] = list;
        }

        return changes;
    }
}

public sealed record WorkshopSnapshot(Guid Id, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Room);
