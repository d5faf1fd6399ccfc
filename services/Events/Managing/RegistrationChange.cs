using Platform.Events.Catalogue;
using Platform.Events.Registrations;

namespace Platform.Events.Managing;

/// <summary>What a change through a manage link came to, in the delegate's terms; <see cref="ManageApi"/> says it in HTTP.</summary>
public abstract record RegistrationChange
{
    private RegistrationChange()
    {
    }

    /// <summary>The registration as it now stands (also when there was nothing left to change).</summary>
    public sealed record Made(Registration Registration, PartnershipEvent Event) : RegistrationChange;

    /// <summary>The link is unknown or has expired; which of the two is not said.</summary>
    public sealed record LinkNotRecognised : RegistrationChange;

    /// <summary>The registration as it stands does not allow it (cancelled, the event started, no offer, a race lost).</summary>
    public sealed record Refused(string Rule, string Reason) : RegistrationChange;

    /// <summary>The workshops chosen break the event's choice rules.</summary>
    public sealed record ChoicesBreakRules(ChoiceRuleViolation Violation) : RegistrationChange;
}
