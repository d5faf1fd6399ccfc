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

    public static string AudienceName(AudienceKind kind) => kind switch
    {
        AudienceKind.Restricted => "Restricted",
        AudienceKind.InvitationOnly => "Invitation only",
        _ => "Public",
    };

    /// <summary>"Restricted: northshire.gov.uk, police.uk, or with the invitation code" and the like.</summary>
    public static string AudienceSummary(Audience? audience)
    {
        if (audience is not { Kind: AudienceKind.Restricted }) return AudienceName(audience?.Kind ?? AudienceKind.Public);
        var ways = audience.AllowedDomains.ToList();
        if (audience.HasInvitationCode) ways.Add(ways.Count == 0 ? "with the invitation code" : "or with the invitation code");
        return $"Restricted: {string.Join(", ", ways)}";
    }

    public static string AudienceHint(AudienceKind kind) => kind switch
    {
        AudienceKind.Restricted => "Only addresses at the allowed domains, or anyone with the invitation code",
        AudienceKind.InvitationOnly => "Only the people you invite, each with a personal link",
        _ => "Anyone may register",
    };

    public static string Contributions(ContributionKind kind, bool capital = false) => (kind, capital) switch
    {
        (ContributionKind.LightningTalk, false) => "lightning talks",
        (ContributionKind.LightningTalk, true) => "Lightning talks",
        (_, false) => "exhibition stands",
        _ => "Exhibition stands",
    };

    public static string Contribution(ContributionKind kind) => kind == ContributionKind.LightningTalk ? "Lightning talk" : "Exhibition stand";

    /// <summary>GOV.UK tag colours: written whole so PurgeCSS keeps them.</summary>
    public static string DecisionTag(ContributionStatus status) => status switch
    {
        ContributionStatus.Accepted => "govuk-tag govuk-tag--green",
        ContributionStatus.Declined => "govuk-tag govuk-tag--red",
        _ => "govuk-tag govuk-tag--grey",
    };

    /// <summary>Where an accepted one goes: a talk's place in the running order and its slot, a stand's allocation.</summary>
    public static string Placing(ContributionView c) => c switch
    {
        { Status: not ContributionStatus.Accepted } => "",
        { RunningOrder: { } order, SlotStartsAt: { } from, SlotEndsAt: { } to } =>
            $"number {order}, {EventWords.Time(from)} to {EventWords.Time(to)}",
        { Allocation: { } stand } => $"stand {stand}",
        _ => "",
    };

    /// <summary>A kind of need as the API spells it ("stepFreeAccess") in words ("Step free access").</summary>
    public static string NeedKind(string key)
    {
        var words = System.Text.RegularExpressions.Regex.Replace(key, "(?<=[a-z])(?=[A-Z])", " ").ToLowerInvariant();
        return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
    }
}
