using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Web.Api;

namespace Platform.Web.Pages;

/// <summary>
/// Every failure's page: 404 ("page not found"), other refusals, and 5xx or an unavailable platform ("sorry, there is
/// a problem") with a reference id, the request's trace id, which finds its logs and trace in the dashboard. Never
/// a stack trace. Re-executed by the status-code and exception middleware, so it serves any method.
/// </summary>
[IgnoreAntiforgeryToken]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ErrorModel(ILogger<ErrorModel> logger) : PageModel
{
    public int Code { get; private set; }
    public string Heading { get; private set; } = "";
    public string Reference { get; private set; } = "";

    public IActionResult OnGet(int? code) => Show(code);
    public IActionResult OnPost(int? code) => Show(code);

    private IActionResult Show(int? code)
    {
        var failure = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        Code = code ?? (failure is PlatformUnavailableException ? 503 : 500);
        Reference = Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier;
        Heading = Code switch
        {
            404 => "Page not found",
            403 => "You cannot open this page",
            >= 400 and < 500 => "There is a problem with that request",
            503 => "Sorry, the service is unavailable",
            _ => "Sorry, there is a problem with the service",
        };
        if (failure is not null) logger.LogError(failure, "Page failed; reference {Reference}", Reference);
        Response.StatusCode = Code;
        return Page();
    }
}
