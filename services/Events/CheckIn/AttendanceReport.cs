using Microsoft.EntityFrameworkCore;
using Platform.Events.Infrastructure;
using Platform.Events.Registrations;

namespace Platform.Events.CheckIn;

public sealed record SessionAttendanceFigures(
    Guid SessionId, string Title, int? Capacity, int Confirmed, int Offered, int Waitlisted, int Attended);

public sealed record AttendanceFigures(
    Guid EventId, int Capacity, int Registered, int Cancelled, int CheckedIn, IReadOnlyList<SessionAttendanceFigures> Sessions);

/// <summary>Attendance against registration, overall and per session, with workshop fill and waitlist lengths.</summary>
public static class AttendanceReport
{
    /// <summary>The figures, or null when there is no such event.</summary>
    public static async Task<AttendanceFigures?> ReadAsync(Guid eventId, EventsDbContext db, CancellationToken ct)
    {
        var e = await db.Events.AsNoTracking().Include(x => x.Sessions).FirstOrDefaultAsync(x => x.Id == eventId, ct);
        if (e is null) return null;

        var registrations = await db.Registrations.Where(r => r.EventId == eventId)
            .GroupBy(r => 1)
            .Select(g => new
            {
                Registered = g.Count(r => r.Status == RegistrationStatus.Confirmed),
                Cancelled = g.Count(r => r.Status == RegistrationStatus.Cancelled),
                CheckedIn = g.Count(r => r.CheckedInAt != null),
            })
            .FirstOrDefaultAsync(ct);
        var choices = await db.Choices.Where(c => db.Sessions.Any(s => s.Id == c.SessionId && s.EventId == eventId))
            .GroupBy(c => new { c.SessionId, c.Status })
            .Select(g => new { g.Key.SessionId, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);
        var attended = await db.Attendances.Where(a => db.Sessions.Any(s => s.Id == a.SessionId && s.EventId == eventId))
            .GroupBy(a => a.SessionId).Select(g => new { SessionId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.SessionId, x => x.Count, ct);

        int Count(Guid sessionId, ChoiceStatus status) =>
            choices.FirstOrDefault(c => c.SessionId == sessionId && c.Status == status)?.Count ?? 0;

        var sessions = e.Sessions.OrderBy(s => s.StartsAt).ThenBy(s => s.Title)
            .Select(s => new SessionAttendanceFigures(s.Id, s.Title, s.Capacity,
                Count(s.Id, ChoiceStatus.Confirmed), Count(s.Id, ChoiceStatus.Offered), Count(s.Id, ChoiceStatus.Waitlisted),
                attended.GetValueOrDefault(s.Id)))
            .ToList();
        return new AttendanceFigures(eventId, e.Capacity, registrations?.Registered ?? 0,
            registrations?.Cancelled ?? 0, registrations?.CheckedIn ?? 0, sessions);
    }
}
