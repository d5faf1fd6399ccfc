using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Web.Api;
using Platform.Web.Site;

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

/// <summary>
/// A page an emailed link leads to: its token (from the link's path) and the chosen password go to one gateway call,
/// whose refusal (a weak password; a link used, superseded or expired) is shown on the form.
/// </summary>
public abstract class ChoosePasswordPage(PlatformApi api) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public ChoosePasswordForm Form { get; set; } = new();

    public bool Done { get; private set; }

    /// <summary>The gateway's path that takes the token and the password.</summary>
    protected abstract string Path { get; }

    protected abstract object Body(string token, string password);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ViewData[FormErrors.OrderKey] = ChoosePasswordForm.Order;
        if (!Form.Check(ModelState)) return Page();

        var result = await api.PostAsync<NoContent>(Path, Body(Token ?? "", Form.Password!), ct);
        if (!result.Succeeded)
        {
            ModelState.AddApiProblem(result.Problem, ChoosePasswordForm.ApiFields);
            return Page();
        }

        Done = true;
        return Page();
    }
}
