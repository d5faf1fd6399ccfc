using Microsoft.AspNetCore.Mvc.ModelBinding;
using Platform.Web.Events;

namespace Platform.Web.Manage.Events;

public sealed class FacilitatorField
{
    public string? Name { get; set; }
    public string? Organisation { get; set; }
}

/// <summary>One item of the programme as staff type it: a keynote, a workshop (with its places), a talk, a stand...</summary>
public sealed class SessionForm
{
    /// <summary>Rows for facilitators on the form; the API takes up to 20, a programme item rarely has more than two.</summary>
    public const int FacilitatorRows = 2;

    public string? Title { get; set; }
    public string? Description { get; set; }
    public SessionKind? Kind { get; set; }
    public string? StartsAt { get; set; }
    public string? EndsAt { get; set; }
    public string? Room { get; set; }
    public string? Capacity { get; set; }
    public List<FacilitatorField> Facilitators { get; set; } = [];

    public static SessionForm From(Session s) => new()
    {
        Title = s.Title,
        Description = s.Description,
        Kind = s.Kind,
        StartsAt = LocalTimes.Field(s.StartsAt),
        EndsAt = LocalTimes.Field(s.EndsAt),
        Room = s.Room,
        Capacity = s.Capacity?.ToString(EventWords.Culture),
        Facilitators = s.Facilitators.Select(f => new FacilitatorField { Name = f.Name, Organisation = f.Organisation }).ToList(),
    };

    /// <summary>Blank rows up to <see cref="FacilitatorRows"/>, so the form always has room for them.</summary>
    public SessionForm WithRows()
    {
        while (Facilitators.Count < FacilitatorRows) Facilitators.Add(new FacilitatorField());
        return this;
    }

    public void Check(ModelStateDictionary state)
    {
        if (string.IsNullOrWhiteSpace(Title)) state.AddModelError("Form.Title", "Enter the title");
        if (Kind is null) state.AddModelError("Form.Kind", "Select what kind of item this is");
        EventForm.Time(state, "Form.StartsAt", StartsAt, "when it starts");
        EventForm.Time(state, "Form.EndsAt", EndsAt, "when it ends");
        if (!string.IsNullOrWhiteSpace(Capacity) && (!int.TryParse(Capacity, EventWords.Culture, out var places) || places < 1))
            state.AddModelError("Form.Capacity", "Enter the number of places as a whole number, like 20");
        else if (Kind == SessionKind.Workshop && string.IsNullOrWhiteSpace(Capacity))
            state.AddModelError("Form.Capacity", "Enter how many places the workshop has");
    }

    public SessionRequest ToRequest() => new(
        Title?.Trim(), Description?.Trim(), Kind, LocalTimes.Parse(StartsAt), LocalTimes.Parse(EndsAt), Room?.Trim(),
        Facilitators.Where(f => !string.IsNullOrWhiteSpace(f.Name) || !string.IsNullOrWhiteSpace(f.Organisation))
            .Select(f => new FacilitatorRequest(f.Name?.Trim(), f.Organisation?.Trim())).ToList(),
        int.TryParse(Capacity, EventWords.Culture, out var c) ? c : null);

    public static readonly IReadOnlyList<string> Order =
    [
        "", "Form.Title", "Form.Kind", "Form.StartsAt", "Form.EndsAt", "Form.Room", "Form.Capacity", "Form.Description",
        .. Enumerable.Range(0, FacilitatorRows).SelectMany(i => new[] { $"Form.Facilitators[{i}].Name", $"Form.Facilitators[{i}].Organisation" }),
    ];

    public static readonly IReadOnlyDictionary<string, string> ApiFields = new Dictionary<string, string>
    {
        ["title"] = "Form.Title",
        ["description"] = "Form.Description",
        ["kind"] = "Form.Kind",
        ["startsAt"] = "Form.StartsAt",
        ["endsAt"] = "Form.EndsAt",
        ["room"] = "Form.Room",
        ["capacity"] = "Form.Capacity",
        ["facilitators"] = "Form.Facilitators[0].Name",
        ["facilitators[0].name"] = "Form.Facilitators[0].Name",
        ["facilitators[0].organisation"] = "Form.Facilitators[0].Organisation",
        ["facilitators[1].name"] = "Form.Facilitators[1].Name",
        ["facilitators[1].organisation"] = "Form.Facilitators[1].Organisation",
    };
}
