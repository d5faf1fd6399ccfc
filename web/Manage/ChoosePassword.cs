using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Platform.Web.Manage;

/// <summary>
/// The form an emailed link leads to (an invitation or a password reset): a new password typed twice. The gateway
/// judges the password and the link; this only asks for both answers and that they match.
/// </summary>
public sealed class ChoosePasswordForm
{
    public string? Password { get; set; }
    public string? Confirm { get; set; }

    public static readonly IReadOnlyList<string> Order = ["Form.Password", "Form.Confirm"];

    /// <summary>The API's field errors go next to the password field.</summary>
    public static readonly IReadOnlyDictionary<string, string> ApiFields = new Dictionary<string, string> { ["password"] = "Form.Password" };

    /// <returns>True when both answers are there and match.</returns>
    public bool Check(ModelStateDictionary modelState)
    {
        if (string.IsNullOrEmpty(Password)) modelState.AddModelError("Form.Password", "Enter a password");
        else if (Password != Confirm) modelState.AddModelError("Form.Confirm", "Enter the same password twice");
        return modelState.ErrorCount == 0;
    }
}
