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
    public static IActionResult Of(ApiProblem problem) =>
        new StatusCodeResult(problem.Status is StatusCodes.Status403Forbidden or StatusCodes.Status404NotFound ? problem.Status : StatusCodes.Status400BadRequest);
}
