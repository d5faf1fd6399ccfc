using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore;
using Platform.Messaging;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Secrets;
using Platform.ServiceDefaults.Serialization;
using Platform.Volunteers.Infrastructure;
using Platform.Volunteers.Roles;
using Platform.Volunteers.Volunteering;

namespace Platform.Volunteers.Applications;

/// <summary>
/// Moves an application along the pipeline, recording who and when. Reaching Active takes one of the role's places
/// (a conditional update, so two acceptances can never over-fill it), creates the volunteer record, and fills the role
/// when the last place goes. Everything, outbox included, commits in one transaction or not at all.
/// </summary>
public sealed class ApplicationTransitions(VolunteersDbContext db, IIntegrationEventOutbox outbox, TimeProvider time, IOptions<VolunteersOptions> options)
{
    public async Task<ApplicationMove> MoveAsync(
        VolunteerApplication application, ApplicationStage? to, string? reason, string actor, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        errors.AddIf(to is null, "stage", $"'stage' is required: {string.Join(", ", EnumSpelling.Names<ApplicationStage>())}.");
        Text.Optional(errors, "reason", reason, Limits.Reason);
        errors.AddIf(to is { } t && Pipeline.NeedsReason(t) && string.IsNullOrWhiteSpace(reason), "reason", $"A 'reason' is required to move to {to}.");
        if (errors.Any) return new ApplicationMove.Invalid(errors);

        var role = await db.Roles.AsNoTracking().FirstAsync(r => r.Id == application.RoleId, ct);
        var allowed = Pipeline.NextStages(application.Stage, role.BackgroundCheck);
        if (!allowed.Contains(to!.Value))
            return new ApplicationMove.NotAllowed(application.Stage, to.Value, allowed);

        var now = time.GetUtcNow();
        var change = new StageChange
        {
            ApplicationId = application.Id, From = application.Stage, To = to.Value, Reason = Text.Trimmed(reason), ChangedBy = actor, ChangedAt = now,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        Volunteer? volunteer = null;
        string? volunteerToken = null;
        if (to == ApplicationStage.Active)
        {
            var taken = await db.Roles.Where(r => r.Id == role.Id && r.PlacesFilled < r.Places)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.PlacesFilled, r => r.PlacesFilled + 1), ct);
            if (taken == 0)
                return new ApplicationMove.Refused("role-full", $"All {role.Places} places in the role are filled; add places to the role first.");
            var filled = await db.Roles.Where(r => r.Id == role.Id && r.PlacesFilled >= r.Places && r.Status == RoleStatus.Open)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RoleStatus.Filled).SetProperty(r => r.ClosedAt, now), ct);
            role = await db.Roles.AsNoTracking().FirstAsync(r => r.Id == role.Id, ct);
            if (filled == 1) outbox.Add(RoleMessages.Closed(role, "Filled", now));

            volunteerToken = BearerSecret.Create();
            volunteer = new Volunteer
            {
                OrganisationId = application.OrganisationId, RoleId = role.Id, ApplicationId = application.Id,
                Name = application.Name, Email = application.Email, Phone = application.Phone, Skills = application.Skills,
                Availability = application.Availability, District = application.District is { Length: > 0 } d ? d : role.District,
                LinkTokenHash = BearerSecret.Hash(volunteerToken), LinkExpiresAt = now + options.Value.VolunteerLinkLifetime, StartedAt = now, LastActivityAt = now,
            };
            db.Volunteers.Add(volunteer);
        }

        application.Stage = to.Value;
        application.UpdatedAt = now;
        // Added through the set, not the collection: the key is already set, so found through a navigation EF would take it
        // for an existing row. Fix-up puts it in the tracked application's History.
        db.StageChanges.Add(change);
        var organisation = await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == application.OrganisationId, ct);
        outbox.Add(ApplicationMessages.StatusChanged(application, role, organisation, change, volunteer?.Id, volunteerToken));
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || e.IsUniqueViolation())
        {
            await tx.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            return new ApplicationMove.Refused("concurrent-change", "The application was moved by someone else at the same moment; read it again.");
        }
        return new ApplicationMove.Moved(application, role, volunteer?.Id);
    }
}
