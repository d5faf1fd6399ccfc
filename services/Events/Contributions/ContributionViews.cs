using Platform.Events.Infrastructure;

namespace Platform.Events.Contributions;

public sealed record CallView(ContributionKind Kind, DateTimeOffset ClosesAt, bool Open);

/// <summary>A contribution as staff and its submitter see it, contact details included.</summary>
public sealed record ContributionView(
    Guid Id, Guid EventId, ContributionKind Kind, string Title, string Summary, string Organisation, string ContactName,
    string ContactEmail, ContributionStatus Status, int? RunningOrder, DateTimeOffset? SlotStartsAt, DateTimeOffset? SlotEndsAt,
    string? Allocation, DateTimeOffset SubmittedAt, DateTimeOffset? DecidedAt);

/// <summary>An accepted lightning talk in the public programme: no contact details.</summary>
public sealed record LightningTalkView(int RunningOrder, string Title, string Summary, string Organisation, DateTimeOffset StartsAt, DateTimeOffset EndsAt);

public sealed record StandView(string Allocation, string Title, string Summary, string Organisation);

/// <summary>What partners bring to the event, as the public programme shows it: the talks in running order, then the stands.</summary>
public sealed record LineUp(Guid EventId, IReadOnlyList<LightningTalkView> LightningTalks, IReadOnlyList<StandView> Stands);

public static class ContributionViews
{
    public static CallView ToView(this ContributionCall call, DateTimeOffset now) => new(call.Kind, call.ClosesAt.ToLondon(), now < call.ClosesAt);

    public static ContributionView ToView(this Contribution c) => new(
        c.Id, c.EventId, c.Kind, c.Title, c.Summary, c.Organisation, c.ContactName, c.ContactEmail, c.Status, c.RunningOrder,
        c.SlotStartsAt?.ToLondon(), c.SlotEndsAt?.ToLondon(), c.Allocation, c.SubmittedAt.ToLondon(), c.DecidedAt?.ToLondon());

    public static LineUp ToLineUp(Guid eventId, IReadOnlyCollection<Contribution> accepted) => new(
        eventId,
        accepted.Where(c => c.Kind == ContributionKind.LightningTalk).OrderBy(c => c.RunningOrder)
            .Select(c => new LightningTalkView(c.RunningOrder!.Value, c.Title, c.Summary, c.Organisation, c.SlotStartsAt!.Value.ToLondon(), c.SlotEndsAt!.Value.ToLondon()))
            .ToList(),
        accepted.Where(c => c.Kind == ContributionKind.ExhibitionStand).OrderBy(c => c.Allocation, StringComparer.Ordinal).ThenBy(c => c.Id)
            .Select(c => new StandView(c.Allocation!, c.Title, c.Summary, c.Organisation))
            .ToList());
}
