using Platform.Contracts.Events;
using Platform.Events.Calendar;
using Platform.Events.Catalogue;

namespace Platform.Events.Registrations;

/// <summary>Builds the integration events about a registration from the entities, in one place.</summary>
public static class RegistrationMessages
{
    public static RegistrationConfirmed Confirmed(PartnershipEvent e, Registration r, string manageToken, string calendarDomain, DateTimeOffset now)
    {
        var sessions = e.Sessions.ToDictionary(s => s.Id);
        var choices = r.Choices.Where(c => c.IsActive)
            .Select(c => (Choice: c, Session: sessions[c.SessionId]))
            .OrderBy(x => x.Session.StartsAt)
            .Select(x => new SessionChoice(x.Session.Id, x.Session.Title, x.Session.StartsAt, x.Session.EndsAt, x.Choice.Status.ToString()))
            .ToList();
        return new RegistrationConfirmed(r.Id, e.Id, e.Title, e.StartsAt, r.Name, r.Email, manageToken, r.ManageTokenExpiresAt,
            r.CheckInCode, choices, RegistrationCalendar.Create(e, r, calendarDomain))
        { OccurredAt = now };
    }

    public static RegistrationWaitlisted Waitlisted(PartnershipEvent e, Registration r, Session s, int position, DateTimeOffset now) =>
        new(r.Id, e.Id, e.Title, r.Name, r.Email, s.Id, s.Title, position) { OccurredAt = now };
}
