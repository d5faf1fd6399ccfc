using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Web.Api;
using Platform.Web.Events;
using Platform.Web.Manage.Events;
using Platform.Web.Site;

namespace Platform.Web.Pages.Manage.Events;

/// <summary>Creating an event: a draft with no workshops to choose until its programme and choice rule are set.</summary>
public sealed class NewModel(PlatformApi api, SharedReads reads) : PageModel
{
    [BindProperty] public EventForm Form { get; set; } = new();
    public IReadOnlyList<string> Districts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Districts = await DistrictsAsync(reads, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        Form.Check(ModelState);
        if (ModelState.IsValid)
        {
            var created = await api.PostAsync<StaffEvent>("api/events", Form.ToRequest(new ChoiceRules(0, 0)), ct);
            if (created.Succeeded) return Redirect($"/manage/events/{created.Value.Id}");
            ModelState.AddApiProblem(created.Problem, EventForm.ApiFields);
        }
        Districts = await DistrictsAsync(reads, ct);
        return Page();
    }

    internal static async Task<IReadOnlyList<string>> DistrictsAsync(SharedReads reads, CancellationToken ct)
    {
        var found = await reads.GetAsync<DistrictList>("api/reference/districts", Freshness.ReferenceData, ct);
        return found.Succeeded ? found.Value.Districts : [];
    }
}
