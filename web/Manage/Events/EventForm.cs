using Microsoft.AspNetCore.Mvc.ModelBinding;
using Platform.Web.Events;

namespace Platform.Web.Manage.Events;

/// <summary>An event's details as staff type them, kept as typed so a form shown again loses nothing.</summary>
public sealed class EventForm
{
    public string? Title { get; set; }
    public string? Summary { get; set; }
    public EventKind? Kind { get; set; }
    public string? VenueName { get; set; }
    public string? VenueAddress { get; set; }
    public string? Postcode { get; set; }
    public string? District { get; set; }
    public string? Organiser { get; set; }
    public string? StartsAt { get; set; }
    public string? EndsAt { get; set; }
    public string? RegistrationOpensAt { get; set; }
    public string? RegistrationClosesAt { get; set; }
    public string? Capacity { get; set; }
    public string? AccessInformation { get; set; }
    public string? TravelAndParking { get; set; }

    /// <summary>Who may register: public (a new event), restricted, or invitation-only.</summary>
    public AudienceKind AudienceKind { get; set; } = AudienceKind.Public;

    /// <summary>A restricted event's domains as typed: one a line, or separated by commas or spaces.</summary>
    public string? AllowedDomains { get; set; }

    /// <summary>A restricted event's shared code; the API never shows it again, so an edit starts with it empty.</summary>
    public string? InvitationCode { get; set; }

    /// <summary>Whether publishing it alerts subscribers (ticked for a new event).</summary>
    public bool SendAlerts { get; set; } = true;

    public static EventForm From(StaffEvent e) => new()
    {
        Title = e.Title,
        Summary = e.Summary,
        Kind = e.Kind,
        VenueName = e.Venue.Name,
        VenueAddress = e.Venue.Address,
        Postcode = e.Venue.Postcode,
        District = e.Venue.District,
        Organiser = e.Organiser,
        StartsAt = LocalTimes.Field(e.StartsAt),
        EndsAt = LocalTimes.Field(e.EndsAt),
        RegistrationOpensAt = LocalTimes.Field(e.RegistrationOpensAt),
        RegistrationClosesAt = LocalTimes.Field(e.RegistrationClosesAt),
        Capacity = e.Capacity.ToString(EventWords.Culture),
        SendAlerts = e.SendAlerts,
        AccessInformation = e.Venue.AccessInformation,
        TravelAndParking = e.Venue.TravelAndParking,
        AudienceKind = e.Audience?.Kind ?? AudienceKind.Public,
        AllowedDomains = string.Join('\n', e.Audience?.AllowedDomains ?? []),
    };

    /// <summary>What a person gets wrong, in GOV.UK's words; the API checks the rest (the order of the times, districts).</summary>
    public void Check(ModelStateDictionary state)
    {
        if (string.IsNullOrWhiteSpace(Title)) state.AddModelError("Form.Title", "Enter the event's title");
        if (Kind is null) state.AddModelError("Form.Kind", "Select the kind of event");
        if (string.IsNullOrWhiteSpace(VenueName)) state.AddModelError("Form.VenueName", "Enter the venue's name");
        Time(state, "Form.StartsAt", StartsAt, "when the event starts");
        Time(state, "Form.EndsAt", EndsAt, "when the event ends");
        Time(state, "Form.RegistrationOpensAt", RegistrationOpensAt, "when registration opens");
        Time(state, "Form.RegistrationClosesAt", RegistrationClosesAt, "when registration closes");
        if (!int.TryParse(Capacity, EventWords.Culture, out var capacity) || capacity < 1)
            state.AddModelError("Form.Capacity", "Enter the number of places as a whole number, like 120");
    }

    internal static void Time(ModelStateDictionary state, string key, string? typed, string what)
    {
        if (LocalTimes.Parse(typed) is null) state.AddModelError(key, $"Enter {what} as a date and time");
    }

    /// <summary>
    /// The request; the choice rule is set on its own (the event page) and kept as it is here. The audience is left out
    /// (kept as it is) when nothing about it was changed: the API never shows a restricted event's code, so a form
    /// saved with the code field empty would otherwise remove it.
    /// </summary>
    public EventRequest ToRequest(ChoiceRules rules, Audience? current = null) => new(
        Title?.Trim(), Summary?.Trim(), Kind,
        new VenueRequest(VenueName?.Trim(), VenueAddress?.Trim(), Postcode?.Trim(), District, AccessInformation?.Trim() ?? "", TravelAndParking?.Trim() ?? ""),
        Organiser?.Trim(), LocalTimes.Parse(StartsAt), LocalTimes.Parse(EndsAt), LocalTimes.Parse(RegistrationOpensAt),
        LocalTimes.Parse(RegistrationClosesAt), int.TryParse(Capacity, EventWords.Culture, out var c) ? c : null,
        rules.MinWorkshops, rules.MaxWorkshops, SendAlerts, AudienceUnchanged(current) ? null : ToAudience());

    public static IReadOnlyList<string> Domains(string? typed) =>
        (typed ?? "").Split([',', ';', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private AudienceRequest ToAudience() => AudienceKind == AudienceKind.Restricted
        ? new AudienceRequest(AudienceKind, Domains(AllowedDomains), string.IsNullOrWhiteSpace(InvitationCode) ? null : InvitationCode.Trim())
        : new AudienceRequest(AudienceKind, [], null);

    private bool AudienceUnchanged(Audience? current) =>
        current is not null && current.Kind == AudienceKind && string.IsNullOrWhiteSpace(InvitationCode)
        && Domains(AllowedDomains).Select(d => d.ToLowerInvariant()).Order(StringComparer.Ordinal)
            .SequenceEqual(current.AllowedDomains.Order(StringComparer.Ordinal));

    public static readonly IReadOnlyList<string> Order =
    [
        "", "Form.Title", "Form.Summary", "Form.Kind", "Form.VenueName", "Form.VenueAddress", "Form.Postcode", "Form.District",
        "Form.Organiser", "Form.AccessInformation", "Form.TravelAndParking", "Form.StartsAt", "Form.EndsAt", "Form.RegistrationOpensAt",
        "Form.RegistrationClosesAt", "Form.Capacity", "Form.AudienceKind", "Form.AllowedDomains", "Form.InvitationCode",
    ];

    /// <summary>The API's field names against the form's.</summary>
    public static readonly IReadOnlyDictionary<string, string> ApiFields = new Dictionary<string, string>
    {
        ["title"] = "Form.Title",
        ["summary"] = "Form.Summary",
        ["kind"] = "Form.Kind",
        ["venue"] = "Form.VenueName",
        ["venue.name"] = "Form.VenueName",
        ["venue.address"] = "Form.VenueAddress",
        ["venue.postcode"] = "Form.Postcode",
        ["venue.district"] = "Form.District",
        ["organiser"] = "Form.Organiser",
        ["startsAt"] = "Form.StartsAt",
        ["endsAt"] = "Form.EndsAt",
        ["registrationOpensAt"] = "Form.RegistrationOpensAt",
        ["registrationClosesAt"] = "Form.RegistrationClosesAt",
        ["capacity"] = "Form.Capacity",
        ["venue.accessInformation"] = "Form.AccessInformation",
        ["venue.travelAndParking"] = "Form.TravelAndParking",
        ["audience.kind"] = "Form.AudienceKind",
        ["audience.allowedDomains"] = "Form.AllowedDomains",
        ["audience.invitationCode"] = "Form.InvitationCode",
    };
}
