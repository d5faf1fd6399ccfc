using System.ComponentModel;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Platform.Events.Infrastructure;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Text;

namespace Platform.Events.Registrations;

/// <summary>A member of the public registering for an event. No account: the manage link comes back by email.</summary>
public sealed record RegistrationRequest(
    string? Name,
    string? Email,
    string? Organisation,
    Sector? Sector,
    string? Role,
    [MultiLineText] string? AccessibilityNeeds,
    [MultiLineText] string? DietaryNeeds,
    bool ConsentToDelegateList,
    IReadOnlyList<Guid>? Choices,
    bool ConsentToPhotography = false,
    IReadOnlyList<AccessNeed>? AccessNeedKinds = null,
    IReadOnlyList<DietaryRequirement>? DietaryRequirementKinds = null,
    [property: Description("A restricted event's invitation code, or the personal code from an invitation-only event's link")]
    string? InvitationCode = null)
{
    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        Text.Required(errors, "name", Name, Limits.Name);
        Text.Email(errors, "email", Email);
        Text.Optional(errors, "organisation", Organisation, Limits.Name);
        errors.AddIf(Sector is null, "sector",
            "The sector is required: Police, FireAndRescue, Council, Health, Education, Voluntary, Faith, Business, Community or Other.");
        Text.Optional(errors, "role", Role, Limits.Name);
        Text.Optional(errors, "accessibilityNeeds", AccessibilityNeeds, Limits.LongText);
        Text.Optional(errors, "dietaryNeeds", DietaryNeeds, Limits.LongText);
        errors.AddIf(Choices is { Count: > 20 }, "choices", "At most 20 choices.");
        errors.AddIf(AccessNeedKinds is { Count: > 20 }, "accessNeedKinds", "At most 20 kinds.");
        errors.AddIf(DietaryRequirementKinds is { Count: > 20 }, "dietaryRequirementKinds", "At most 20 kinds.");
        Text.Optional(errors, "invitationCode", InvitationCode, Limits.InvitationCode);
        return errors;
    }

    /// <summary>Identifies the request for Idempotency-Key reuse checks; the key must not be reused with a different body.</summary>
    public string Fingerprint(Guid eventId) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(eventId + JsonSerializer.Serialize(this))));

    public Registration ToRegistration(Guid eventId, byte[] tokenHash, DateTimeOffset tokenExpiresAt, string checkInCode, DateTimeOffset now) =>
        new()
        {
            EventId = eventId,
            Name = Name!.Trim(),
            Email = Email!.Trim(),
            Organisation = Organisation?.Trim() ?? "",
            Sector = Sector!.Value,
            Role = Role?.Trim() ?? "",
            AccessibilityNeeds = AccessibilityNeeds?.Trim() ?? "",
            DietaryNeeds = DietaryNeeds?.Trim() ?? "",
            ConsentToDelegateList = ConsentToDelegateList,
            ConsentToPhotography = ConsentToPhotography,
            AccessNeedKinds = (AccessNeedKinds ?? []).Distinct().Order().ToList(),
            DietaryRequirementKinds = (DietaryRequirementKinds ?? []).Distinct().Order().ToList(),
            ManageTokenHash = tokenHash,
            ManageTokenExpiresAt = tokenExpiresAt,
            CheckInCode = checkInCode,
            CreatedAt = now,
        };
}

/// <summary>A delegate's new set of workshop choices (manage link).</summary>
public sealed record ChangeChoicesRequest(IReadOnlyList<Guid>? Choices);
