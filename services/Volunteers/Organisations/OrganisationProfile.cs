using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.ReferenceData;
using Platform.Volunteers.Infrastructure;

namespace Platform.Volunteers.Organisations;

/// <summary>What an organisation says about itself when it registers (or updates) its profile.</summary>
public sealed record OrganisationProfileRequest(
    string? Name,
    string? CharityNumber,
    IReadOnlyList<string>? Districts,
    string? ContactName,
    string? ContactEmail,
    string? ContactPhone)
{
    public ValidationErrors Validate(Districts knownDistricts)
    {
        var errors = new ValidationErrors();
        Text.Required(errors, "name", Name, Limits.Name);
        Text.Optional(errors, "charityNumber", CharityNumber, Limits.CharityNumber);
        errors.AddIf(Districts is null || Districts.Count == 0, "districts", "Name at least one district served.");
        foreach (var d in Districts ?? [])
            errors.AddIf(knownDistricts.Find(d) is null, "districts", knownDistricts.NotADistrict(d));
        Text.Required(errors, "contactName", ContactName, Limits.Name);
        Text.Email(errors, "contactEmail", ContactEmail);
        Text.Optional(errors, "contactPhone", ContactPhone, Limits.Phone);
        return errors;
    }

    public void ApplyTo(Organisation o, Districts knownDistricts)
    {
        o.Name = Name!.Trim();
        o.CharityNumber = Text.Trimmed(CharityNumber);
        o.Districts = (Districts ?? []).Select(d => knownDistricts.Find(d)!).Distinct().ToList();
        o.ContactName = ContactName!.Trim();
        o.ContactEmail = ContactEmail!.Trim();
        o.ContactPhone = Text.Trimmed(ContactPhone);
    }
}

public sealed record OrganisationView(
    Guid Id, string Name, string? CharityNumber, IReadOnlyList<string> Districts, string ContactName, string ContactEmail,
    string? ContactPhone, OrganisationStatus Status, DateTimeOffset RegisteredAt, DateTimeOffset? ApprovedAt)
{
    public static OrganisationView Of(Organisation o) =>
        new(o.Id, o.Name, o.CharityNumber, o.Districts, o.ContactName, o.ContactEmail, o.ContactPhone, o.Status, o.RegisteredAt, o.ApprovedAt);
}
