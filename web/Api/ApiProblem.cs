using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Web.Api;

/// <summary>
/// An RFC 9457 problem the platform answered with (400, 404, 409, 422, 429): what went wrong in the API's words and,
/// for a validation problem, the fields it names (camelCase JSON paths such as <c>choices</c> or <c>nominee.name</c>).
/// </summary>
public sealed record ApiProblem(
    int Status,
    string? Title,
    string? Detail,
    IReadOnlyDictionary<string, string[]> Errors,
    string? Code)
{
    public bool IsNotFound => Status == StatusCodes.Status404NotFound;
    public bool IsConflict => Status == StatusCodes.Status409Conflict;
    public bool IsTooManyRequests => Status == StatusCodes.Status429TooManyRequests;

    /// <summary>The sentence to show at the top of a form: the API's detail, else its title.</summary>
    public string Summary => IsTooManyRequests
        ? "You have tried that too many times. Wait a minute and try again."
        : Detail ?? Title ?? "Something you entered could not be accepted.";

    internal static async Task<ApiProblem> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        try
        {
            var body = await response.Content.ReadFromJsonAsync<ProblemBody>(ApiJson.Options, cancellationToken);
            if (body is not null)
            {
                return new ApiProblem(status, body.Title, body.Detail,
                    body.Errors ?? new Dictionary<string, string[]>(), body.Code ?? body.Rule);
            }
        }
        catch (JsonException)
        {
            // Not a problem document (a proxy's page): the status alone says what happened.
        }
        catch (NotSupportedException)
        {
        }

        return new ApiProblem(status, response.ReasonPhrase, null, new Dictionary<string, string[]>(), null);
    }

    private sealed record ProblemBody(
        string? Title,
        string? Detail,
        Dictionary<string, string[]>? Errors,
        [property: JsonPropertyName("code")] string? Code,
        // The services name the broken rule "rule" (RuleProblem); it is read into Code as well.
        [property: JsonPropertyName("rule")] string? Rule);
}
