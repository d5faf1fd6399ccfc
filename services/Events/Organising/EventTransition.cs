using Platform.Events.Catalogue;

namespace Platform.Events.Organising;

/// <summary>What moving an event to another status came to; <see cref="OrganisingApi"/> says it in HTTP.</summary>
public abstract record EventTransition
{
    private EventTransition()
    {
    }

    /// <summary>The event in its new status.</summary>
    public sealed record Made(PartnershipEvent Event) : EventTransition;

    public sealed record NoSuchEvent(Guid Id) : EventTransition;

    /// <summary>The event's status does not allow it, or another change came first.</summary>
    public sealed record Refused(string Rule, string Reason) : EventTransition;
}
