using Platform.Web.Events;

namespace Platform.Web.Manage.Events;

/// <summary>The words the staff Events pages use for the API's values (the public pages' own are <see cref="EventWords"/>).</summary>
public static class EventsDeskWords
{
    public static readonly IReadOnlyList<SessionKind> Kinds = Enum.GetValues<SessionKind>();

    public static string Kind(SessionKind kind) => kind switch
    {
        SessionKind.LightningTalk => "Lightning talk",
        SessionKind.ExhibitionStand => "Exhibition stand",
        SessionKind.QuestionsAndAnswers => "Questions and answers",
        SessionKind.AwardsPresentation => "Awards presentation",
        _ => kind.ToString(),
    };

    public static string Status(EventStatus status) => status.ToString();

    /// <summary>GOV.UK tag colours: written whole so PurgeCSS keeps them.</summary>
    public static string StatusTag(EventStatus status) => status switch
    {
        EventStatus.Draft => "govuk-tag govuk-tag--grey",
        EventStatus.Published => "govuk-tag govuk-tag--green",
        EventStatus.Closed => "govuk-tag govuk-tag--blue",
        _ => "govuk-tag govuk-tag--red",
    };

    public static string Place(ChoiceStatus status) => status switch
    {
        ChoiceStatus.Confirmed => "Confirmed",
        ChoiceStatus.Offered => "Offered",
        ChoiceStatus.Waitlisted => "Waiting",
        ChoiceStatus.SessionWithdrawn => "Workshop withdrawn",
        _ => status.ToString(),
    };

    public static string Short(DateTimeOffset at) => EventWords.Local(at).ToString("d MMM yyyy, HH:mm", EventWords.Culture);

    /// <summary>"2 of 6 workshops" and the like, for staff (the public wording is <see cref="EventWords.Rule"/>).</summary>
    public static string Rule(ChoiceRules rules, int workshops) =>
        rules.MaxWorkshops == 0 ? "Delegates choose no workshops"
        : rules.MinWorkshops == rules.MaxWorkshops ? $"Delegates choose {rules.MinWorkshops} of {workshops} workshops"
        : $"Delegates choose {rules.MinWorkshops} to {rules.MaxWorkshops} of {workshops} workshops";

    public static Sector? Sector(string key) => Enum.TryParse<Sector>(key, ignoreCase: true, out var s) ? s : null;
}
