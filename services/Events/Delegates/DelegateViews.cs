using Platform.Events.Infrastructure;
using Platform.Events.Registrations;

namespace Platform.Events.Delegates;

public sealed record DelegateChoice(Guid SessionId, string Title, ChoiceStatus Status);

/// <summary>A registration as staff list it. The check-in code is here so the desk can find a delegate who lost theirs.</summary>
public sealed record DelegateRow(
    Guid Id, string Name, string Email, string Organisation, Sector Sector, string Role, RegistrationStatus Status,
    string CheckInCode, DateTimeOffset RegisteredAt, bool EmailConfirmed, DateTimeOffset? CheckedInAt,
    DateTimeOffset? CancelledAt, string? CancellationReason, IReadOnlyList<DelegateChoice> Choices);

/// <summary>One delegate's place on a workshop's list; <see cref="WaitlistPosition"/> is 1 for the next to be offered a place.</summary>
public sealed record WorkshopDelegate(
    Guid RegistrationId, string Name, string Email, string Organisation, ChoiceStatus Status, DateTimeOffset QueuedAt,
    DateTimeOffset? OfferExpiresAt, int? WaitlistPosition);

public static class DelegateViews
{
    public static DelegateRow ToRow(this Registration r, IReadOnlyList<DelegateChoice> choices) => new(
        r.Id, r.Name, r.Email, r.Organisation, r.Sector, r.Role, r.Status, r.CheckInCode, r.CreatedAt.ToLondon(),
        r.EmailConfirmedAt is not null, r.CheckedInAt?.ToLondon(), r.CancelledAt?.ToLondon(), r.CancellationReason, choices);
}
