namespace Platform.Web.Events;

/// <summary>What a delegate types on the registration form, kept as typed so a re-shown form loses nothing.</summary>
public sealed class RegistrationForm
{
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Organisation { get; set; }
    public string? Role { get; set; }
    public Sector? Sector { get; set; }
    public List<AccessNeed> AccessNeedKinds { get; set; } = [];
    public string? AccessNeeds { get; set; }
    public List<DietaryRequirement> DietaryRequirementKinds { get; set; } = [];
    public string? DietaryNeeds { get; set; }
    public List<Guid> Choices { get; set; } = [];
    public bool OnDelegateList { get; set; }

    /// <summary>
    /// Yes or no to being photographed. The form starts at "No" (consent is something a person gives, never assumes),
    /// so a visitor who skips the question is not photographed and is not stopped either.
    /// </summary>
    public bool Photography { get; set; }

    /// <summary>A restricted event's code, or the personal code an invitation-only event's link carries (<c>?invitation=</c>).</summary>
    public string? InvitationCode { get; set; }

    public bool Consent { get; set; }

    public RegistrationRequest ToRequest() => new(
        Name?.Trim(), Email?.Trim(), Organisation?.Trim(), Sector, Role?.Trim(), AccessNeeds?.Trim(), DietaryNeeds?.Trim(),
        OnDelegateList, Choices, Photography, AccessNeedKinds.Distinct().ToList(), DietaryRequirementKinds.Distinct().ToList(),
        string.IsNullOrWhiteSpace(InvitationCode) ? null : InvitationCode.Trim());

    /// <summary>The fields' keys in the order the form shows them, for the error summary.</summary>
    public static readonly IReadOnlyList<string> Order =
    [
        "", "Form.Choices", "Form.Name", "Form.Email", "Form.InvitationCode", "Form.Organisation", "Form.Role", "Form.Sector",
        "Form.AccessNeedKinds", "Form.AccessNeeds", "Form.DietaryRequirementKinds", "Form.DietaryNeeds", "Form.Photography", "Form.Consent",
    ];

    /// <summary>The API's field names (its JSON paths) against the form's, for the error summary's links.</summary>
    public static readonly IReadOnlyDictionary<string, string> ApiFields = new Dictionary<string, string>
    {
        ["name"] = "Form.Name",
        ["email"] = "Form.Email",
        ["organisation"] = "Form.Organisation",
        ["role"] = "Form.Role",
        ["sector"] = "Form.Sector",
        ["accessibilityNeeds"] = "Form.AccessNeeds",
        ["dietaryNeeds"] = "Form.DietaryNeeds",
        ["accessNeedKinds"] = "Form.AccessNeedKinds",
        ["dietaryRequirementKinds"] = "Form.DietaryRequirementKinds",
        ["invitationCode"] = "Form.InvitationCode",
        ["choices"] = "Form.Choices",
    };
}
