using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Contracts.Events;
using Platform.Events.Calendar;
using Platform.Events.Catalogue;
using Platform.Events.Infrastructure;
using Platform.Events.Registrations;
using Platform.Messaging;

namespace Platform.Events.Organising;

/// <summary>The status transitions. Status is a concurrency token, so of two staff clicking at once only one wins.</summary>
public sealed class EventLifecycle(EventsDbContext db, IIntegrationEventOutbox outbox, TimeProvider time, IOptions<EventsOptions> options)
{
    public async Task<EventTransition> PublishAsync(Guid id, CancellationToken ct)
    {
        var e = await db.Events.Include(x => x.Sessions).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) return new EventTransition.NoSuchEvent(id);
        if (e.Status != EventStatus.Draft)
            return new EventTransition.Refused("event-status", $"Only a Draft event can be published; this one is {e.Status}.");
        var workshops = e.Sessions.Count(s => s.IsChoosable);
        if (workshops < e.MinWorkshops)
            return new EventTransition.Refused("choice-rules-unsatisfiable",
                $"Delegates must pick at least {e.MinWorkshops} workshop(s) but the programme has {workshops}.");

        e.Status = EventStatus.Published;
        e.UpdatedAt = time.GetUtcNow();
        outbox.Add(new PartnershipEventPublished(e.Id, e.Title, e.Kind.ToString(), e.Venue.Name, e.StartsAt, e.EndsAt,
            e.Venue.District is { Length: > 0 } district ? district : null, e.SendAlerts)
        { OccurredAt = e.UpdatedAt });
        return await SaveAsync(e, ct);
    }

    public async Task<EventTransition> CloseAsync(Guid id, CancellationToken ct)
    {
        var e = await db.Events.Include(x => x.Sessions).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) return new EventTransition.NoSuchEvent(id);
        if (e.Status != EventStatus.Published)
            return new EventTransition.Refused("event-status", $"Only a Published event can be closed; this one is {e.Status}.");
        e.Status = EventStatus.Closed;
        e.UpdatedAt = time.GetUtcNow();
        return await SaveAsync(e, ct);
    }

    public async Task<EventTransition> CancelAsync(Guid id, CancellationToken ct)
    {
        var e = await db.Events.Include(x => x.Sessions).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) return new EventTransition.NoSuchEvent(id);
        if (e.Status == EventStatus.Cancelled)
            return new EventTransition.Refused("event-status", "The event is already cancelled.");

        // The status changes first: that UPDATE waits for any registration holding the event's row (registrations
        // take it last, just before commit), and no registration commits after it. Only then are the registrants
        // read, so the list includes everyone who got in and nobody is left untold.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        e.Status = EventStatus.Cancelled;
        e.UpdatedAt = time.GetUtcNow();
        // Higher than any calendar sent before, so clients take the cancellation rather than ignore it as older.
        e.CalendarSequence++;
        if (await SaveAsync(e, ct) is EventTransition.Refused refused) return refused;

        var registrations = await db.Registrations.AsNoTracking().Include(r => r.Choices)
            .Where(r => r.EventId == id && r.Status == RegistrationStatus.Confirmed)
            .OrderBy(r => r.Id)
            .ToListAsync(ct);
        var registrants = registrations
            .Select(r => new Registrant(r.Id, r.Name, r.Email, RegistrationCalendar.Cancellation(e, r, options.Value.CalendarDomain)))
            .ToList();
        outbox.Add(new PartnershipEventCancelled(e.Id, e.Title, e.StartsAt, registrants) { OccurredAt = e.UpdatedAt });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new EventTransition.Made(e);
    }

    private async Task<EventTransition> SaveAsync(PartnershipEvent e, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new EventTransition.Refused("event-status", "The event changed while this request was handled; read it again.");
        }
        return new EventTransition.Made(e);
    }
}
