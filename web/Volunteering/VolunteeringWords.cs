using System.Globalization;

namespace Platform.Web.Volunteering;

/// <summary>The service's values (camelCase on the wire) in plain English, and the choices the forms offer.</summary>
public static class VolunteeringWords
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    public static readonly IReadOnlyList<(string Value, string Text)> Categories =
    [
        ("roadSafety", "Road safety"), ("homeSafety", "Home safety"), ("youthDiversion", "Youth diversion"),
        ("violenceReduction", "Violence reduction"), ("victimSupport", "Victim support"), ("communitySupport", "Community support"),
        ("other", "Other"),
    ];

    public static readonly IReadOnlyList<(string Value, string Text)> Availabilities =
    [
        ("weekdayDaytime", "Weekdays, daytime"), ("weekdayEvenings", "Weekday evenings"), ("weekends", "Weekends"), ("flexible", "Flexible"),
    ];

    public static readonly IReadOnlyList<(string Value, string Text)> AgeBands =
    [
        ("under16", "Under 16"), ("from16To17", "16 to 17"), ("from18To24", "18 to 24"), ("from25To34", "25 to 34"),
        ("from35To49", "35 to 49"), ("from50To64", "50 to 64"), ("over65", "65 or over"),
    ];

    public static readonly IReadOnlyList<(string Value, string Text)> ExitReasons =
    [
        ("moved", "I am moving away"), ("work", "Work commitments"), ("family", "Family or caring commitments"),
        ("health", "My health"), ("lostInterest", "I have lost interest"), ("notValued", "I did not feel valued"),
        ("roleEnded", "The role has ended"), ("other", "Another reason"),
    ];

    public static string Category(string value) => TextOf(Categories, value);

    public static string Availability(string value) => TextOf(Availabilities, value);

    public static string BackgroundCheck(string value) => value.ToLowerInvariant() switch
    {
        "none" => "No background check needed",
        "basic" => "A basic DBS check",
        "standard" => "A standard DBS check",
        "enhanced" => "An enhanced DBS check",
        _ => value,
    };

    /// <summary>Where an application stands, as the applicant would want to hear it.</summary>
    public static (string Tag, string Sentence) Stage(string value) => value.ToLowerInvariant() switch
    {
        "applied" => ("Received", "We have your application. The organisation will look at it and contact you."),
        "screening" => ("Being reviewed", "The organisation is reviewing your application."),
        "interview" => ("Interview", "The organisation would like to meet you. They will contact you to arrange a time."),
        "backgroundcheck" => ("Background check", "The organisation is carrying out the background check this role needs."),
        "onboarding" => ("Getting started", "You are nearly ready: the organisation is arranging your induction."),
        "active" => ("Volunteering", "You are now a volunteer. Your welcome email has a link to your volunteer page."),
        "declined" => ("Not successful", "The organisation has decided not to take your application further."),
        "withdrawn" => ("Withdrawn", "You withdrew this application."),
        _ => (value, ""),
    };

    public static bool StageIsClosed(string value) => value.ToLowerInvariant() is "active" or "declined" or "withdrawn";

    public static string VolunteerStatus(string value) => value.ToLowerInvariant() switch
    {
        "active" => "Volunteering",
        "paused" => "Taking a break",
        "left" => "Left",
        _ => value,
    };

    public static string HoursStatus(string value) => value.ToLowerInvariant() switch
    {
        "pending" => "Waiting for approval",
        "approved" => "Approved",
        "rejected" => "Not approved",
        _ => value,
    };

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", British);

    public static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("d MMMM yyyy", British);

    public static string Hours(decimal hours) => hours.ToString("0.##", British);

    private static string TextOf(IReadOnlyList<(string Value, string Text)> list, string value) =>
        list.FirstOrDefault(x => string.Equals(x.Value, value, StringComparison.OrdinalIgnoreCase)).Text ?? value;
}
