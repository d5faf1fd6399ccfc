using Microsoft.AspNetCore.Mvc.ModelBinding;
using Platform.Web.Site;

namespace Platform.Web.Manage;

/// <summary>
/// One labelled text input (or textarea) of a back-office form, with its error from ModelState and what was typed kept:
/// drawn by <c>Pages/Manage/_TextField.cshtml</c>. <paramref name="Name"/> is the model key (the input's name).
/// </summary>
public sealed record TextField(string Name, string Label, string? Value, string? Error, string Type = "text", string? Hint = null, bool Multiline = false, string Width = "")
{
    public string Id => FormErrors.FieldId(Name);

    public static TextField For(ModelStateDictionary state, string name, string label, string? value, string type = "text", string? hint = null,
        bool multiline = false, string width = "") =>
        new(name, label, state.TryGetValue(name, out var entry) && entry.AttemptedValue is { } typed ? typed : value,
            FormErrors.Of(state, name), type, hint, multiline, width);
}

/// <summary>Model binding's own messages ("The value 'x' is not valid") in the words the back office's forms use.</summary>
public static class BindingErrors
{
    /// <summary>Replaces whatever the binder said about <paramref name="key"/> (a number or date it could not read) with <paramref name="message"/>.</summary>
    public static void Rephrase(this ModelStateDictionary state, string key, string message)
    {
        if (!state.TryGetValue(key, out var entry) || entry.Errors.Count == 0) return;
        entry.Errors.Clear();
        state.AddModelError(key, message);
    }
}
