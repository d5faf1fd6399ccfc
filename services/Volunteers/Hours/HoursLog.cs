using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Problems;
using Platform.Volunteers.Infrastructure;
using Platform.Volunteers.Retention;
using Platform.Volunteers.Volunteering;

namespace Platform.Volunteers.Hours;

/// <summary>
/// Logging and approving hours. Both run with the volunteer row locked, so the 24-hours-a-day rule holds across
/// concurrent logs and the approved total (and the milestones read from it) never miss or double an entry.
/// </summary>
public sealed class HoursLog(VolunteersDbContext db, MilestoneAwards milestones, TimeProvider time)
{
    public async Task<HoursChange> LogAsync(
        Guid volunteerId, Guid? organisationId, HoursRequest request, HoursLoggedBy by, string actor, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var errors = request.Validate(today);
        if (errors.Any) return new HoursChange.Invalid(errors);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var v = await db.LockAsync(volunteerId, organisationId, ct);
        if (v is null) return new HoursChange.NotFound($"Volunteer {volunteerId}");
        if (v.Status == VolunteerStatus.Left) return new HoursChange.Refused("volunteer-left", "The volunteer has left; no more hours can be logged.");
        var date = request.Date!.Value;
        if (date < DateOnly.FromDateTime(v.StartedAt.UtcDateTime))
            return new HoursChange.Invalid(new ValidationErrors().Add("date", $"'date' is before the volunteer started ({v.StartedAt.UtcDateTime:yyyy-MM-dd})."));
        var already = await db.Hours.Where(h => h.VolunteerId == v.Id && h.Date == date && h.Status != HoursStatus.Rejected).SumAsync(h => h.Hours, ct);
        if (already + request.Hours!.Value > HoursRequest.MaxPerDay)
            return new HoursChange.Invalid(new ValidationErrors().Add("hours", $"{already} hours are already logged for {date:yyyy-MM-dd}; a day has at most {HoursRequest.MaxPerDay}."));

        var entry = new HoursEntry
        {
            VolunteerId = v.Id, OrganisationId = v.OrganisationId, Date = date, Hours = request.Hours.Value, Activity = Text.Trimmed(request.Activity),
            LoggedBy = by, LoggedAt = now,
        };
        db.Hours.Add(entry);
        v.RecordActivity(new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        // The organisation is the approver, so hours it logs itself stand at once.
        if (by == HoursLoggedBy.Organisation) await ApproveLockedAsync(v, entry, actor, now, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new HoursChange.Made(entry);
    }

    public async Task<HoursChange> DecideAsync(Guid entryId, Guid organisationId, bool approve, string actor, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var volunteerId = await db.Hours.Where(h => h.Id == entryId && h.OrganisationId == organisationId).Select(h => (Guid?)h.VolunteerId).FirstOrDefaultAsync(ct);
        if (volunteerId is null) return new HoursChange.NotFound($"Hours entry {entryId}");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var v = (await db.LockAsync(volunteerId.Value, organisationId, ct))!;
        var entry = await db.Hours.FirstAsync(h => h.Id == entryId, ct);
        if (entry.Status != HoursStatus.Pending) return new HoursChange.Refused("hours-decided", $"The entry is already {entry.Status}.");
        if (approve) await ApproveLockedAsync(v, entry, actor, now, ct);
        else
        {
            entry.Status = HoursStatus.Rejected;
            entry.DecidedAt = now;
            entry.DecidedBy = actor;
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new HoursChange.Made(entry);
    }

    private async Task ApproveLockedAsync(Volunteer v, HoursEntry entry, string actor, DateTimeOffset now, CancellationToken ct)
    {
        entry.Status = HoursStatus.Approved;
        entry.DecidedAt = now;
        entry.DecidedBy = actor;
        v.ApprovedHours += entry.Hours;
        await milestones.AwardDueAsync(v, hasApprovedSession: true, now, ct);
    }
}
