using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Platform.ServiceDefaults.Problems;

/// <summary>
/// Collects field errors for a 400 ValidationProblem, so endpoints report every bad field at once:
/// <code>
/// var errors = new ValidationErrors();
/// errors.AddIf(string.IsNullOrWhiteSpace(request.Email), "email", "An email address is required.");
/// if (errors.Any) return errors.ToProblem();
/// </code>
/// </summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public ValidationErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }

        messages.Add(message);
        return this;
    }

    public ValidationErrors AddIf(bool condition, string field, string message) =>
        condition ? Add(field, message) : this;

    public ValidationProblem ToProblem(string? title = null) =>
        TypedResults.ValidationProblem(
            _errors.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal),
            title: title ?? "One or more fields are invalid.");

    /// <summary>A one-field problem, for the common case of a single failed check.</summary>
    public static ValidationProblem For(string field, string message) =>
        new ValidationErrors().Add(field, message).ToProblem();
}
