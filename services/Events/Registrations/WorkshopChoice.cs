namespace Platform.Events.Registrations;

/// <summary>
/// A delegate's pick of one workshop. Confirmed and Offered choices each hold one of the workshop's counted
/// places; Waitlisted ones queue in (<see cref="QueuedAt"/>, <see cref="Id"/>) order.
/// </summary>
public sealed class WorkshopChoice
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid RegistrationId { get; init; }
    public Guid SessionId { get; init; }
    public ChoiceStatus Status { get; set; }
    public DateTimeOffset QueuedAt { get; set; }
    public DateTimeOffset? OfferExpiresAt { get; set; }

    public bool HoldsPlace => Status is ChoiceStatus.Confirmed or ChoiceStatus.Offered;

    /// <summary>Still part of the delegate's registration (as opposed to declined, expired or withdrawn).</summary>
    public bool IsActive => Status is ChoiceStatus.Confirmed or ChoiceStatus.Offered or ChoiceStatus.Waitlisted;
}

/// <remarks><see cref="ChoiceStatus.SessionWithdrawn"/>: the organiser withdrew the workshop (<see cref="ChoiceStatus.Withdrawn"/> is the delegate's own doing).</remarks>
public enum ChoiceStatus { Confirmed, Waitlisted, Offered, Declined, Expired, Withdrawn, SessionWithdrawn }
