using Microsoft.Playwright;

namespace Platform.EndToEnd.Tests.Site;

/// <summary>
/// Gives a browser visitor an address of its own. A browser cannot choose its source address, and every visitor from
/// 127.0.0.1 would share one rate-limit allowance at the gateway (the site counts its visitors' writes by address).
/// So each request the page makes is sent on by an HTTP client bound to the visitor's own loopback address
/// (<see cref="LoopbackCallers"/>) and its answer handed back to the page unchanged: the browser, the gateway and the
/// site all work as they do for real visitors on different machines.
/// </summary>
internal static class VisitorAddress
{
    private static readonly HashSet<string> NotForwarded = new(StringComparer.OrdinalIgnoreCase)
    {
        // Set by HttpClient from the URL and the body; compression is left off so the page gets the bytes as they are.
        "host", "content-length", "accept-encoding", "connection",
    };

    public static async Task UseOwnAddressAsync(IBrowserContext context)
    {
        // Cookies stay the browser's (it sends and stores them); redirects are the browser's to follow.
        var http = new HttpClient(ConfigureForBrowser(LoopbackCallers.CreateHandler()));
        context.Close += (_, _) => http.Dispose();
        await context.RouteAsync("**/*", route => ForwardAsync(http, route));
    }

    private static SocketsHttpHandler ConfigureForBrowser(SocketsHttpHandler handler)
    {
        handler.UseCookies = false;
        handler.AllowAutoRedirect = false;
        handler.AutomaticDecompression = System.Net.DecompressionMethods.None;
        return handler;
    }

    private static async Task ForwardAsync(HttpClient http, IRoute route)
    {
        var request = route.Request;
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Url);
        if (request.PostDataBuffer is { } body) message.Content = new ByteArrayContent(body);
        foreach (var (name, value) in await request.AllHeadersAsync())
        {
            if (NotForwarded.Contains(name) || name.StartsWith(':')) continue;
            if (!message.Headers.TryAddWithoutValidation(name, value)) message.Content?.Headers.TryAddWithoutValidation(name, value);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(message);
        }
        catch (HttpRequestException)
        {
            await route.AbortAsync("connectionrefused");
            return;
        }

        using (response)
        {
            // Set-Cookie may come more than once: Playwright takes repeated values joined by new lines.
            var headers = response.Headers.Concat(response.Content.Headers)
                .GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => string.Join("\n", g.SelectMany(h => h.Value)), StringComparer.OrdinalIgnoreCase);
            await route.FulfillAsync(new RouteFulfillOptions
            {
                Status = (int)response.StatusCode,
                Headers = headers,
                BodyBytes = await response.Content.ReadAsByteArrayAsync(),
            });
        }
    }
}
