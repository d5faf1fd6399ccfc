namespace Platform.Events.Registrations;

/// <summary>A delegate's place at an event. Made without an account; managed through a hashed, expiring token.</summary>
public sealed class Registration
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EventId { get; init; }
    public required string Name { get; set; }
    public required string Email { get; set; }
    public string Organisation { get; set; } = "";
    public Sector Sector { get; set; }
    public string Role { get; set; } = "";
    public string AccessibilityNeeds { get; set; } = "";
    public string DietaryNeeds { get; set; } = "";
    public bool ConsentToDelegateList { get; set; }

    /// <summary>Whether the delegate agrees to appear in photographs of the event; shown to the check-in desk.</summary>
    public bool ConsentToPhotography { get; set; }
    public List<AccessNeed> AccessNeedKinds { get; set; } = [];
    public List<DietaryRequirement> DietaryRequirementKinds { get; set; } = [];

    /// <summary>The invitation registered with, at an invitation-only event.</summary>
    public Guid? InvitationId { get; set; }

    public RegistrationStatus Status { get; set; } = RegistrationStatus.Confirmed;

    /// <summary>SHA-256 of the manage token; the token itself is only ever in the delegate's email.</summary>
    public required byte[] ManageTokenHash { get; init; }
    public DateTimeOffset ManageTokenExpiresAt { get; init; }

    /// <summary>
    /// SHA-256 of the link sent with the latest place offer, which opens the same manage page as the manage token (and
    /// expires with it). Events keeps no token it could repeat, so an offer's email carries a link of its own.
    /// </summary>
    public byte[]? OfferLinkHash { get; set; }

    /// <summary>Short code printed with the QR code, unique within the event, read out or scanned at check-in.</summary>
    public required string CheckInCode { get; init; }
    public DateTimeOffset? CheckedInAt { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? CancelledAt { get; set; }

    /// <summary>
    /// When the delegate first opened the manage link from their email, which proves they own the address. Until
    /// then the places are only held, until <see cref="HoldExpiresAt"/> (<see cref="ConfirmationHold"/>).
    /// </summary>
    public DateTimeOffset? EmailConfirmedAt { get; set; }
    public DateTimeOffset? HoldExpiresAt { get; set; }

    /// <summary>Who cancelled: null for the delegate, a staff member's subject, or <see cref="UnconfirmedHolds.Lapsed"/>.</summary>
    public string? CancelledBy { get; set; }
    public string? CancellationReason { get; set; }

    public List<WorkshopChoice> Choices { get; init; } = [];
}

public enum RegistrationStatus { Confirmed, Cancelled }

public enum Sector { Police, FireAndRescue, Council, Health, Education, Voluntary, Faith, Business, Community, Other }
