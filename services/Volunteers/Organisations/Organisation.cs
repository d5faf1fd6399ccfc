namespace Platform.Volunteers.Organisations;

/// <summary>
/// A voluntary organisation's profile. Its id IS the gateway's organisation id (the <c>org_id</c> of its users'
/// tokens): organisation users register their own profile, staff approve it, and only then do its roles go public.
/// </summary>
public sealed class Organisation
{
    public Guid Id { get; init; }
    public required string Name { get; set; }
    public string? CharityNumber { get; set; }
    public List<string> Districts { get; set; } = [];
    public required string ContactName { get; set; }
    public required string ContactEmail { get; set; }
    public string? ContactPhone { get; set; }
    public OrganisationStatus Status { get; set; } = OrganisationStatus.Pending;
    public DateTimeOffset RegisteredAt { get; init; }
    public DateTimeOffset? ApprovedAt { get; set; }
    public string? ApprovedBy { get; set; }
}

public enum OrganisationStatus { Pending, Approved }
