using System.Buffers;

namespace Platform.Gateway.Edge;

/// <summary>
/// Every request carries an X-Request-Id: the caller's when it is well-formed (so a partner can follow its own id
/// through), otherwise a new one. It goes to the service and back to the caller. A malformed one is replaced, not
/// passed on, because it ends up in logs.
/// </summary>
internal static class CorrelationId
{
    public const string Header = "X-Request-Id";
    private const int MaxLength = 64;
    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.:");

    public static Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var sent = context.Request.Headers[Header];
        var id = sent.Count == 1 && IsWellFormed(sent[0]) ? sent[0]! : Guid.CreateVersion7().ToString("N");
        context.Request.Headers[Header] = id;
        context.TraceIdentifier = id;
        // A static callback with the context as its state: no closure allocated per request.
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            http.Response.Headers[Header] = http.TraceIdentifier;
            return Task.CompletedTask;
        }, context);
        return next(context);
    }

    internal static bool IsWellFormed(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= MaxLength && !value.AsSpan().ContainsAnyExcept(Allowed);
}
