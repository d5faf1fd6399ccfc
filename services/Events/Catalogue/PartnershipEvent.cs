using Platform.Events.Audiences;
using Platform.Events.Speakers;

namespace Platform.Events.Catalogue;

/// <summary>A partnership conference, training day or workshop day, with its programme and choice rules.</summary>
public sealed class PartnershipEvent
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Title { get; set; }
    public string Summary { get; set; } = "";
    public EventKind Kind { get; set; }
    public required Venue Venue { get; set; }
    public string Organiser { get; set; } = "";

    /// <summary>Stored in UTC; shown in Europe/London.</summary>
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public DateTimeOffset RegistrationOpensAt { get; set; }
    public DateTimeOffset RegistrationClosesAt { get; set; }

    /// <summary>Hard limit on active registrations; the database refuses <see cref="PlacesTaken"/> above it.</summary>
    public int Capacity { get; set; }
    public int PlacesTaken { get; set; }

    /// <summary>When full, registrations join the event's waitlist (promoted as places free) instead of being refused.</summary>
    public bool WaitlistWhenFull { get; set; }

    /// <summary>How many workshops each delegate picks, e.g. exactly 1 (1..1) or 2 of 6 (2..2).</summary>
    public int MinWorkshops { get; set; }
    public int MaxWorkshops { get; set; }

    public EventStatus Status { get; set; } = EventStatus.Draft;

    /// <summary>
    /// The partner organisation whose users created the event and run it (a training day); null for the
    /// commissioner's office. Its users see and manage only their own organisation's events.
    /// </summary>
    public Guid? OrganisationId { get; init; }

    /// <summary>
    /// Partner organisations that co-run the event with its organiser (staff name them): they, and the organising
    /// organisation, read the event's registration and attendance figures by sector (never a delegate's details).
    /// </summary>
    public List<Guid> PartnerOrganisationIds { get; set; } = [];

    /// <summary>Who may register: anyone, addresses of the allowed domains (or holders of the code), or named invitees.</summary>
    public Audience Audience { get; set; } = Audience.Public;

    /// <summary>For a restricted event: e.g. northshire.gov.uk, police.uk (an address at a subdomain counts too).</summary>
    public List<string> AllowedDomains { get; set; } = [];

    /// <summary>For a restricted event: a code the organiser hands out to people whose address is elsewhere.</summary>
    public string? InvitationCode { get; set; }
    /// <summary>Whether publishing it alerts subscribers of the events topic; off for, say, an invitation-only training day.</summary>
    public bool SendAlerts { get; set; } = true;

    /// <summary>
    /// The iCalendar SEQUENCE of every entry delegates hold for this event: raised by each change to a time, the venue or
    /// a workshop's room, so a calendar sent later replaces the entry rather than being ignored as older.
    /// </summary>
    public int CalendarSequence { get; set; }

    /// <summary>Set when the reminder went into the outbox, so each event is reminded once.</summary>
    public DateTimeOffset? ReminderSentAt { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    public List<Session> Sessions { get; init; } = [];
    public List<Speaker> Speakers { get; init; } = [];
}

/// <summary>Where an event happens. District lets the public filter events near them.</summary>
public sealed class Venue
{
    public required string Name { get; set; }
    public string Address { get; set; } = "";
    public string Postcode { get; set; } = "";
    public string District { get; set; } = "";

    /// <summary>Step-free routes, hearing loops, quiet rooms, accessible toilets: what a delegate needs to know before coming.</summary>
    public string AccessInformation { get; set; } = "";
    public string TravelAndParking { get; set; } = "";
}

public enum EventKind { Conference, TrainingDay, WorkshopDay }

/// <summary>Draft → Published → Closed, or Cancelled from Draft or Published.</summary>
public enum EventStatus { Draft, Published, Closed, Cancelled }
