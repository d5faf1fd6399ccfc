using Microsoft.AspNetCore.Mvc;
using Platform.Web.Api;

namespace Platform.Web.Manage;

/// <summary>
/// A read the platform refused, as the page's own answer: another organisation's record is a 404 page (the API does not
/// say it exists), a record the user may not see a 403 page, and anything else a 400 page. The API decides; the page
/// only says so.
/// </summary>
public static class PageRefusal
{
    /// <summary>
    /// Whether a refused change ends the page: the record is not the user's (404) or the action not theirs to take (403),
    /// so there is no form to show again. Any other refusal (a rule, a field) is said on the page.
    /// </summary>
    public static bool Ends(ApiProblem problem) => problem.Status is StatusCodes.Status403Forbidden or StatusCodes.Status404NotFound;

    public static IActionResult Of(ApiProblem problem) =>
        new StatusCodeResult(problem.Status is StatusCodes.Status403Forbidden or StatusCodes.Status404NotFound ? problem.Status : StatusCodes.Status400BadRequest);
}
