using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Platform.Gateway.Tests;

/// <summary>
/// A real Kestrel server on a free loopback port standing in for a service: it records what the gateway sent.
/// Real sockets (not TestServer) because YARP forwards over its own HTTP client.
/// </summary>
public sealed class FakeUpstream : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeUpstream(WebApplication app) => _app = app;

    public ConcurrentQueue<ReceivedRequest> Received { get; } = new();

    public string Address => _app.Urls.First();

    /// <param name="delay">How long each answer takes (to make the gateway time out).</param>
    public static async Task<FakeUpstream> StartAsync(TimeSpan? delay = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var upstream = new FakeUpstream(app);
        app.Run(async context =>
        {
            // The gateway's active health probe: answered, not recorded, so tests see only what callers sent.
            if (context.Request.Path == "/alive")
            {
                await context.Response.WriteAsync("Healthy");
                return;
            }

            upstream.Received.Enqueue(new ReceivedRequest(
                context.Request.Path.Value ?? string.Empty,
                context.Request.QueryString.Value ?? string.Empty,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                await new StreamReader(context.Request.Body).ReadToEndAsync(context.RequestAborted)));
            if (delay is { } wait)
            {
                await Task.Delay(wait, context.RequestAborted);
            }

            await context.Response.WriteAsync("from upstream");
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        return upstream;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

public sealed record ReceivedRequest(string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body);
