using Platform.Events.Audiences;
using Platform.Events.Catalogue;
using Platform.Events.Infrastructure;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.ReferenceData;
using Platform.ServiceDefaults.Text;

namespace Platform.Events.Organising;

/// <summary>Left out (null), the access information and travel notes stay as they were; an empty text clears them.</summary>
public sealed record VenueRequest(
    string? Name, [MultiLineText] string? Address, string? Postcode, string? District,
    [MultiLineText] string? AccessInformation = null, [MultiLineText] string? TravelAndParking = null);

/// <summary>
/// Create or replace an event's details. Times may carry any offset; they are stored in UTC. The audience and
/// <see cref="WaitlistWhenFull"/>, left out, are public and no waitlist on a new event and unchanged on an existing one.
/// </summary>
public sealed record EventRequest(
    string? Title,
    [MultiLineText] string? Summary,
    EventKind? Kind,
    VenueRequest? Venue,
    string? Organiser,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    DateTimeOffset? RegistrationOpensAt,
    DateTimeOffset? RegistrationClosesAt,
    int? Capacity,
    int? MinWorkshops,
    int? MaxWorkshops,
    AudienceRequest? Audience = null,
    bool? WaitlistWhenFull = null,
    bool? SendAlerts = null)
{
    public ValidationErrors Validate(Districts districts)
    {
        var errors = new ValidationErrors();
        Text.Required(errors, "title", Title, Limits.Title);
        Text.Optional(errors, "summary", Summary, Limits.LongText);
        errors.AddIf(Kind is null, "kind", "The kind is required: conference, trainingDay or workshopDay.");
        if (Venue is null) errors.Add("venue", "The venue is required.");
        else
        {
            Text.Required(errors, "venue.name", Venue.Name, Limits.Name);
            Text.Optional(errors, "venue.address", Venue.Address, Limits.Address);
            Text.Optional(errors, "venue.postcode", Venue.Postcode, Limits.Postcode);
            Text.Optional(errors, "venue.district", Venue.District, Limits.Name);
            districts.CheckOptional(errors, "venue.district", Venue.District);
            Text.Optional(errors, "venue.accessInformation", Venue.AccessInformation, Limits.LongText);
            Text.Optional(errors, "venue.travelAndParking", Venue.TravelAndParking, Limits.LongText);
        }
        Text.Optional(errors, "organiser", Organiser, Limits.Name);
        errors.AddIf(StartsAt is null, "startsAt", "The start time is required.");
        errors.AddIf(EndsAt is null, "endsAt", "The end time is required.");
        errors.AddIf(StartsAt >= EndsAt, "endsAt", "The event must end after it starts.");
        errors.AddIf(RegistrationOpensAt is null, "registrationOpensAt", "The registration window's opening is required.");
        errors.AddIf(RegistrationClosesAt is null, "registrationClosesAt", "The registration window's closing is required.");
        errors.AddIf(RegistrationOpensAt >= RegistrationClosesAt, "registrationClosesAt", "Registration must close after it opens.");
        errors.AddIf(RegistrationClosesAt > EndsAt, "registrationClosesAt", "Registration must close before the event ends.");
        errors.AddIf(Capacity is null or < 1 or > 100_000, "capacity", "The capacity must be between 1 and 100000.");
        errors.AddIf(MinWorkshops is < 0, "minWorkshops", "The minimum number of workshops must not be negative.");
        errors.AddIf(MaxWorkshops is < 0, "maxWorkshops", "The maximum number of workshops must not be negative.");
        errors.AddIf((MinWorkshops ?? 0) > (MaxWorkshops ?? 0), "maxWorkshops", "The maximum number of workshops must be at least the minimum.");
        Audience?.Validate(errors);
        return errors;
    }

    public void ApplyTo(PartnershipEvent e, Districts districts)
    {
        e.Title = Title!.Trim();
        e.Summary = Summary?.Trim() ?? "";
        e.Kind = Kind!.Value;
        e.Venue = new Venue
        {
            Name = Venue!.Name!.Trim(),
            Address = Venue.Address?.Trim() ?? "",
            Postcode = Venue.Postcode?.Trim().ToUpperInvariant() ?? "",
            District = districts.Find(Venue.District) ?? "",
            AccessInformation = Venue.AccessInformation?.Trim() ?? e.Venue.AccessInformation,
            TravelAndParking = Venue.TravelAndParking?.Trim() ?? e.Venue.TravelAndParking,
        };
        e.Organiser = Organiser?.Trim() ?? "";
        e.StartsAt = StartsAt!.Value.ToUniversalTime();
        e.EndsAt = EndsAt!.Value.ToUniversalTime();
        e.RegistrationOpensAt = RegistrationOpensAt!.Value.ToUniversalTime();
        e.RegistrationClosesAt = RegistrationClosesAt!.Value.ToUniversalTime();
        e.Capacity = Capacity!.Value;
        e.MinWorkshops = MinWorkshops ?? 0;
        e.MaxWorkshops = MaxWorkshops ?? 0;
        Audience?.ApplyTo(e);
        e.WaitlistWhenFull = WaitlistWhenFull ?? e.WaitlistWhenFull;
        // Left out, it keeps what it was (on for a new event), so a client that never heard of it cannot turn it back on.
        if (SendAlerts is { } sendAlerts) e.SendAlerts = sendAlerts;
    }
}

public sealed record FacilitatorRequest(string? Name, string? Organisation);

public sealed record SessionRequest(
    string? Title,
    [MultiLineText] string? Description,
    SessionKind? Kind,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    string? Room,
    IReadOnlyList<FacilitatorRequest>? Facilitators,
    int? Capacity)
{
    public ValidationErrors Validate(PartnershipEvent e)
    {
        var errors = new ValidationErrors();
        Text.Required(errors, "title", Title, Limits.Title);
        Text.Optional(errors, "description", Description, Limits.LongText);
        Text.Optional(errors, "room", Room, Limits.Name);
        errors.AddIf(Kind is null, "kind", "The session kind is required.");
        errors.AddIf(StartsAt is null, "startsAt", "The start time is required.");
        errors.AddIf(EndsAt is null, "endsAt", "The end time is required.");
        errors.AddIf(StartsAt >= EndsAt, "endsAt", "The session must end after it starts.");
        errors.AddIf(StartsAt < e.StartsAt || EndsAt > e.EndsAt, "startsAt", "The session must fall within the event's times.");
        errors.AddIf(Capacity is < 1 or > 100_000, "capacity", "A capacity, when given, must be between 1 and 100000.");
        errors.AddIf(Kind == SessionKind.Workshop && Capacity is null, "capacity", "A workshop needs a capacity.");
        var facilitators = Facilitators ?? [];
        errors.AddIf(facilitators.Count > 20, "facilitators", "A session has at most 20 facilitators.");
        for (var i = 0; i < facilitators.Count; i++)
        {
            Text.Required(errors, $"facilitators[{i}].name", facilitators[i].Name, Limits.Name);
            Text.Optional(errors, $"facilitators[{i}].organisation", facilitators[i].Organisation, Limits.Name);
        }
        return errors;
    }

    public void ApplyTo(Session s)
    {
        s.Title = Title!.Trim();
        s.Description = Description?.Trim() ?? "";
        s.Kind = Kind!.Value;
        s.StartsAt = StartsAt!.Value.ToUniversalTime();
        s.EndsAt = EndsAt!.Value.ToUniversalTime();
        s.Room = Room?.Trim() ?? "";
        s.Facilitators = (Facilitators ?? [])
            .Select(f => new Facilitator { Name = f.Name!.Trim(), Organisation = f.Organisation?.Trim() ?? "" }).ToList();
        s.Capacity = Capacity;
    }
}
