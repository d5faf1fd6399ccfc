using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Events.Catalogue;
using Platform.Events.Infrastructure;

namespace Platform.Events.ChangeNotices;

/// <summary>
/// Where an edit to a published event's day (its times or venue, a workshop's times or room) is noted: the calendar
/// sequence goes up and the event's pending notice is due a settle period after this change. Call within the edit's
/// transaction, after the change is applied, with the snapshot taken before it.
/// </summary>
public sealed class ScheduleChanges(EventsDbContext db, TimeProvider time, IOptions<EventsOptions> options)
{
    /// <summary>Returns whether the day changed (and so a notice is pending).</summary>
    /// <param name="settled">
    /// The change is final as made (a withdrawn workshop comes back to no one): the notice, with any changes pending
    /// beside it, is due at once rather than after the settle period.
    /// </param>
    public async Task<bool> NoteAsync(PartnershipEvent e, ScheduleSnapshot before, CancellationToken ct, bool settled = false)
    {
        if (e.Status != EventStatus.Published || !before.Differs(ScheduleSnapshot.Of(e))) return false;

        var now = time.GetUtcNow();
        e.CalendarSequence++;
        e.UpdatedAt = now;
        // An upsert, so two edits at once make one notice; the first edit's snapshot is kept (what delegates were told).
        var notice = new ChangeNotice { EventId = e.Id, Before = before, DueAt = settled ? now : now + options.Value.ChangeNoticeSettle };
        var snapshot = ChangeNoticeModel.Json(before);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO change_notice (event_id, id, before, due_at) VALUES ({notice.EventId}, {notice.Id}, {snapshot}::jsonb, {notice.DueAt})
            ON CONFLICT (event_id) DO UPDATE SET due_at = excluded.due_at
            """, ct);
        return true;
    }
}
