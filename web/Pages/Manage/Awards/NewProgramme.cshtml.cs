using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Web.Api;
using Platform.Web.Awards;
using Platform.Web.Manage;
using Platform.Web.Manage.Awards;
using Platform.Web.Site;

namespace Platform.Web.Pages.Manage.Awards;

/// <summary>Staff create a year's programme: its windows, its ceremony (a published event) and whether judging is blind.</summary>
public sealed class NewProgrammeModel(PlatformApi api) : PageModel
{
    [BindProperty] public ProgrammeForm Form { get; set; } = new();
    public IReadOnlyList<CeremonyEvent> Ceremonies { get; private set; } = [];

    private static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>
    {
        ["year"] = "Form.Year", ["title"] = "Form.Title", ["nominationsOpen"] = "Form.NominationsOpen", ["nominationsClose"] = "Form.NominationsClose",
        ["judgingOpens"] = "Form.JudgingOpens", ["judgingCloses"] = "Form.JudgingCloses", ["ceremonyEventId"] = "Form.CeremonyEventId",
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        foreach (var (_, key) in Fields) ModelState.Rephrase(key, key == "Form.Year" ? "Enter the year as a number" : "Enter a real date and time");
        if (ModelState.IsValid)
        {
            var created = await api.PostAsync<StaffProgramme>(ManageAwardsApi.Programmes, new ProgrammeBody(Form.Year, Form.Title,
                ManageAwardsApi.FromLondon(Form.NominationsOpen), ManageAwardsApi.FromLondon(Form.NominationsClose),
                ManageAwardsApi.FromLondon(Form.JudgingOpens), ManageAwardsApi.FromLondon(Form.JudgingCloses), Form.CeremonyEventId, Form.BlindJudging), cancellationToken);
            if (created.Succeeded) return Redirect($"/manage/awards/programmes/{created.Value.Id}");
            if (PageRefusal.Ends(created.Problem)) return PageRefusal.Of(created.Problem);
            ModelState.AddApiProblem(created.Problem, Fields);
        }
        ViewData[FormErrors.OrderKey] = Fields.Values.ToList();
        return await LoadAsync(cancellationToken) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var events = await api.GetAsync<Paged<CeremonyEvent>>($"{ManageAwardsApi.CeremonyEvents}?pageSize=100", cancellationToken);
        if (!events.Succeeded) return PageRefusal.Of(events.Problem);
        Ceremonies = events.Value.Items.Where(e => !e.Cancelled).ToList();
        return null;
    }

    public sealed class ProgrammeForm
    {
        public int? Year { get; set; }
        public string? Title { get; set; } = "Community Safety Hero Awards";
        public DateTime? NominationsOpen { get; set; }
        public DateTime? NominationsClose { get; set; }
        public DateTime? JudgingOpens { get; set; }
        public DateTime? JudgingCloses { get; set; }
        public Guid? CeremonyEventId { get; set; }
        public bool BlindJudging { get; set; }
    }
}
