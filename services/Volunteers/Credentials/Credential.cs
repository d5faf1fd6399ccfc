namespace Platform.Volunteers.Credentials;

/// <summary>A background check (DBS) or qualification a volunteer holds, perhaps with an expiry date.</summary>
public sealed class Credential
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid VolunteerId { get; init; }
    public Guid OrganisationId { get; init; }
    public CredentialKind Kind { get; init; }
    public required string Title { get; init; }
    public DateOnly? IssuedOn { get; init; }
    public DateOnly? ExpiresOn { get; set; }

    /// <summary>The expiry date a reminder was sent for; a renewed credential (new date) is reminded again.</summary>
    public DateOnly? ReminderSentFor { get; set; }
}

public enum CredentialKind { BackgroundCheck, Qualification }
