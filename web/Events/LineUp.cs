namespace Platform.Web.Events;

/// <summary>An accepted lightning talk as the event page shows it: its place in the running order and the partner giving it.</summary>
public sealed record LineUpTalk(int RunningOrder, string Title, string Summary, string Organisation, DateTimeOffset StartsAt, DateTimeOffset EndsAt);

public sealed record LineUpStand(string Allocation, string Title, string Summary, string Organisation);

/// <summary>What partners bring to an event (Events' <c>/line-up</c>): talks in running order, then stands.</summary>
public sealed record LineUp(IReadOnlyList<LineUpTalk> LightningTalks, IReadOnlyList<LineUpStand> Stands)
{
    public static readonly LineUp None = new([], []);
}
