using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Web.Api;
using Platform.Web.EmailUpdates;

namespace Platform.Web.Pages.EmailUpdates;

/// <summary>
/// The manage link in every subscriber email: change topics, districts and frequency, stop the emails, or go on to
/// delete the details. The token in the address is the subscriber's only credential.
/// </summary>
public sealed class ManageModel(PlatformApi api, SharedReads reads) : PageModel
{
    [FromRoute]
    public string Token { get; set; } = "";

    [BindProperty]
    public ChoicesForm Form { get; set; } = new();

    [FromQuery]
    public bool Saved { get; set; }

    public SubscriptionView? Subscription { get; private set; }

    public ChoicesView Choices { get; private set; } = null!;

    public bool LinkInvalid { get; private set; }

    public bool Active => Subscription?.Status == "confirmed";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotRecognised();
        Form = new ChoicesForm
        {
            Topics = [.. Subscription!.Topics],
            Districts = [.. Subscription.Districts],
            Frequency = Subscription.Frequency,
        };
        Choices = await reads.ChoicesAsync(Form, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotRecognised();
        ChoicesValidation.Check(ModelState, Form, withEmail: false);
        if (ModelState.ErrorCount == 0)
        {
            var result = await api.PutAsync<SubscriptionView>(Path, new { topics = Form.Topics, frequency = Form.Frequency, districts = Form.Districts }, ct);
            if (result.Succeeded) return RedirectToPage("Manage", new { token = Token, saved = true });
            if (result.Problem.IsNotFound) return NotRecognised();
            ChoicesValidation.AddProblem(ModelState, result.Problem);
        }

        Choices = await reads.ChoicesAsync(Form, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostUnsubscribeAsync(CancellationToken ct)
    {
        var result = await api.PostAsync<NoContent>($"{Path}/unsubscribe", null, ct);
        return result.Succeeded ? RedirectToPage("Unsubscribed") : NotRecognised();
    }

    private string Path => $"api/notifications/manage/{EmailUpdatesApi.Token(Token)}";

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var result = await api.GetAsync<SubscriptionView>(Path, ct);
        Subscription = result.Value;
        return result.Succeeded;
    }

    private PageResult NotRecognised()
    {
        LinkInvalid = true;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
