namespace Platform.Web.Manage.Events;

/// <summary>One labelled input of a staff form (_Field): its ModelState key, label, value as typed, hint and type.</summary>
public sealed record Field(string Key, string Label, string? Value, string? Hint = null, string Type = "text", string Css = "govuk-input", string? Autocomplete = null)
{
    public string Id => Site.FormErrors.FieldId(Key);
}
