namespace Platform.Web.Events;

/// <summary>The words the Events pages use for the API's values: one place, so every page says the same.</summary>
public static class EventWords
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>The programme's headings, in the order the event page shows them (breaks are in the timetable only).</summary>
    public static readonly IReadOnlyList<(SessionKind Kind, string Heading)> ProgrammeOrder =
    [
        (SessionKind.Workshop, "Workshops"),
        (SessionKind.LightningTalk, "Lightning talks"),
        (SessionKind.ExhibitionStand, "Exhibition stands"),
        (SessionKind.QuestionsAndAnswers, "Questions and answers"),
        (SessionKind.Keynote, "Keynotes"),
        (SessionKind.AwardsPresentation, "Awards"),
    ];

    public static string Kind(EventKind kind) => kind switch
    {
        EventKind.Conference => "Conference",
        EventKind.TrainingDay => "Training day",
        EventKind.WorkshopDay => "Workshop day",
        _ => kind.ToString(),
    };

    public static string Sector(Sector sector) => sector switch
    {
        Events.Sector.FireAndRescue => "Fire and rescue",
        Events.Sector.Voluntary => "Voluntary sector",
        Events.Sector.Faith => "Faith group",
        Events.Sector.Community => "Community group",
        _ => sector.ToString(),
    };

    public static string Need(AccessNeed need) => need switch
    {
        AccessNeed.StepFreeAccess => "Step-free access",
        AccessNeed.WheelchairSpace => "A wheelchair space",
        AccessNeed.HearingLoop => "A hearing loop",
        AccessNeed.SignLanguageInterpreter => "A British Sign Language interpreter",
        AccessNeed.LargePrint => "Large print",
        AccessNeed.QuietSpace => "A quiet space",
        AccessNeed.AssistanceDog => "Space for an assistance dog",
        AccessNeed.Other => "Something else (tell us below)",
        _ => need.ToString(),
    };

    public static string Diet(DietaryRequirement diet) => diet switch
    {
        DietaryRequirement.GlutenFree => "Gluten free",
        DietaryRequirement.DairyFree => "Dairy free",
        DietaryRequirement.NutAllergy => "Nut allergy",
        DietaryRequirement.Other => "Something else (tell us below)",
        _ => diet.ToString(),
    };

    public static string Status(ChoiceStatus status) => status switch
    {
        ChoiceStatus.Confirmed => "Place confirmed",
        ChoiceStatus.Waitlisted => "On the waiting list",
        ChoiceStatus.Offered => "Place offered",
        ChoiceStatus.SessionWithdrawn => "Workshop withdrawn by the organiser",
        _ => status.ToString(),
    };

    /// <summary>The office's own time (the API already answers with the London offset; this keeps it so on any server).</summary>
    public static DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, London);

    public static string Date(DateTimeOffset at) => Local(at).ToString("dddd d MMMM yyyy", Culture);

    public static string Time(DateTimeOffset at) => Local(at).ToString("h:mmtt", Culture).ToLowerInvariant();

    public static string When(DateTimeOffset starts, DateTimeOffset ends) =>
        Local(starts).Date == Local(ends).Date
            ? $"{Date(starts)}, {Time(starts)} to {Time(ends)}"
            : $"{Date(starts)} to {Date(ends)}";

    /// <summary>Who a restricted event takes, as a sentence: the domains, and the code for those whose address is elsewhere.</summary>
    public static string Audience(Audience audience) =>
        (audience.AllowedDomains.Count > 0 ? $"Addresses at {string.Join(", ", audience.AllowedDomains)}" : "Holders of the organiser's invitation code")
        + (audience.AllowedDomains.Count > 0 && audience.HasInvitationCode ? ", or with the organiser's invitation code." : ".");

    public static string Places(int? left) => left switch
    {
        null => "Open to all",
        0 => "Full",
        1 => "1 place left",
        { } n => $"{n} places left",
    };

    /// <summary>"Choose 2 of these 6 workshops", "Choose between 1 and 3 of these 6 workshops".</summary>
    public static string Rule(ChoiceRules rules, int workshops)
    {
        var these = workshops == 1 ? "this workshop" : $"these {workshops} workshops";
        if (rules.MaxWorkshops == 0 || workshops == 0) return "This event has no workshops to choose.";
        if (rules.MinWorkshops == rules.MaxWorkshops) return $"Choose {rules.MinWorkshops} of {these}.";
        if (rules.MinWorkshops == 0) return $"Choose up to {rules.MaxWorkshops} of {these}, or none.";
        return $"Choose between {rules.MinWorkshops} and {rules.MaxWorkshops} of {these}.";
    }

    public static readonly System.Globalization.CultureInfo Culture = System.Globalization.CultureInfo.GetCultureInfo("en-GB");
}
