using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Web.Api;
using Platform.Web.EmailUpdates;

namespace Platform.Web.Pages.EmailUpdates;

/// <summary>
/// Sign up for email updates. Whatever the platform knows about the address, a valid form ends on the same "check
/// your email" page after at least the same time, so the page cannot tell anyone whether an address is subscribed.
/// </summary>
public sealed class SignUpModel(PlatformApi api, SharedReads reads) : PageModel
{
    // The API answers a known address sooner (it writes nothing); every accepted sign-up waits at least this long.
    private static readonly TimeSpan SameAnswerTime = TimeSpan.FromMilliseconds(600);

    [BindProperty]
    public ChoicesForm Form { get; set; } = new();

    public ChoicesView Choices { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Choices = await reads.ChoicesAsync(Form, ct);

    /// <summary>The home page's box: the address only; show the whole form with it filled in and no errors yet.</summary>
    public async Task<IActionResult> OnPostStartAsync(CancellationToken ct)
    {
        ModelState.Clear();
        Form = new ChoicesForm { Email = Form.Email?.Trim() };
        Choices = await reads.ChoicesAsync(Form, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ChoicesValidation.Check(ModelState, Form, withEmail: true);
        if (ModelState.ErrorCount == 0)
        {
            var started = Stopwatch.GetTimestamp();
            var result = await api.PostAsync<NoContent>("api/notifications/subscriptions", new
            {
                email = Form.Email!.Trim(),
                topics = Form.Topics,
                frequency = Form.Frequency,
                districts = Form.Districts,
            }, ct);
            if (result.Succeeded)
            {
                var left = SameAnswerTime - Stopwatch.GetElapsedTime(started);
                if (left > TimeSpan.Zero) await Task.Delay(left, ct);
                return RedirectToPage("CheckYourEmail");
            }

            ChoicesValidation.AddProblem(ModelState, result.Problem);
        }

        Choices = await reads.ChoicesAsync(Form, ct);
        return Page();
    }
}
