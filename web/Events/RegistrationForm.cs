namespace Platform.Web.Events;

/// <summary>What a delegate types on the registration form, kept as typed so a re-shown form loses nothing.</summary>
public sealed class RegistrationForm
{
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Organisation { get; set; }
    public string? Role { get; set; }
    public Sector? Sector { get; set; }
    public string? AccessNeeds { get; set; }
    public string? DietaryNeeds { get; set; }
    public List<Guid> Choices { get; set; } = [];
    public bool OnDelegateList { get; set; }
    public bool Consent { get; set; }

    public RegistrationRequest ToRequest() => new(
        Name?.Trim(), Email?.Trim(), Organisation?.Trim(), Sector, Role?.Trim(), AccessNeeds?.Trim(), DietaryNeeds?.Trim(),
        OnDelegateList, Choices);

    /// <summary>The fields' keys in the order the form shows them, for the error summary.</summary>
    public static readonly IReadOnlyList<string> Order =
        ["", "Form.Choices", "Form.Name", "Form.Email", "Form.Organisation", "Form.Role", "Form.Sector", "Form.AccessNeeds", "Form.DietaryNeeds", "Form.Consent"];

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
        ["choices"] = "Form.Choices",
    };
}
