using Microsoft.AspNetCore.Mvc.ModelBinding;
using Platform.Web.Api;

namespace Platform.Web.Site;

/// <summary>One line of the error summary: the message and the id of the field it links to (none for the form).</summary>
public sealed record FormError(string? FieldId, string Message);

/// <summary>
/// Errors on a form, whether the page found them or the platform did (<see cref="ApiProblem"/>), kept in ModelState
/// under the form field's name so each shows next to its field and in the summary.
/// </summary>
public static class FormErrors
{
    /// <summary>The id Razor gives the input for a model key (<c>Form.Email</c> → <c>Form_Email</c>).</summary>
    public static string FieldId(string key) =>
        key.Replace('.', '_').Replace('[', '_').Replace(']', '_');

    /// <summary>
    /// Every error, the form's own first. ModelState enumerates its keys in its own order (shorter names first), not the
    /// page's: a page that sets ViewData[<see cref="OrderKey"/>] to its fields' keys in the order of the form gets the
    /// summary in that order (GOV.UK: the summary lists errors as the form shows its fields).
    /// </summary>
    public const string OrderKey = "FormErrors.Order";

    public static IReadOnlyList<FormError> For(ModelStateDictionary modelState, IReadOnlyList<string>? order = null) =>
        modelState
            .Where(entry => entry.Value is { Errors.Count: > 0 })
            .OrderBy(entry => Position(order, entry.Key))
            .SelectMany(entry => entry.Value!.Errors.Select(error => new FormError(
                string.IsNullOrEmpty(entry.Key) ? null : FieldId(entry.Key),
                string.IsNullOrEmpty(error.ErrorMessage) ? "Check this answer." : error.ErrorMessage)))
            .ToList();

    private static int Position(IReadOnlyList<string>? order, string key)
    {
        for (var i = 0; order is not null && i < order.Count; i++)
            if (order[i] == key) return i;
        return order is null ? 0 : int.MaxValue;
    }

    /// <summary>The first error of a field, for the message above its input; null when it has none.</summary>
    public static string? Of(ModelStateDictionary modelState, string key) =>
        modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>
    /// Puts the platform's problem on the form: each error the API names goes to the field <paramref name="fields"/>
    /// maps it to (its JSON path, e.g. <c>choices</c> or <c>nominee.name</c>, ignoring case), and anything else (the
    /// problem's own sentence, errors on fields the form does not show) to the top of the form. The visitor's answers
    /// stay in the form as they typed them.
    /// </summary>
    public static void AddApiProblem(this ModelStateDictionary modelState, ApiProblem problem, IReadOnlyDictionary<string, string>? fields = null)
    {
        var placed = false;
        foreach (var (apiField, messages) in problem.Errors)
        {
            var key = fields?.FirstOrDefault(f => string.Equals(f.Key, apiField, StringComparison.OrdinalIgnoreCase)).Value ?? "";
            foreach (var message in messages) modelState.AddModelError(key, message);
            placed = true;
        }

        if (!placed) modelState.AddModelError("", problem.Summary);
    }
}
