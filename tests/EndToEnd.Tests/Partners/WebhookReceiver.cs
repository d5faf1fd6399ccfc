using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Platform.EndToEnd.Tests.Partners;

/// <summary>One request a receiver got: its path, headers and body, and when it arrived.</summary>
internal sealed record WebhookRequest(string Path, IHeaderDictionary Headers, string Body, DateTimeOffset ArrivedAt)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
    public string MessageId => Headers["webhook-id"].ToString();
}

/// <summary>
/// A partner's webhook receiver: an HTTP listener on loopback inside the test process. Each path answers by the
/// test's rule (the nth request to it), and every request is recorded, so a test can wait for what it expects.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<WebhookRequest> _requests = new();
    private readonly ConcurrentDictionary<string, int> _counts = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly Dictionary<string, Func<int, HttpContext, Task>> _answers = new(StringComparer.Ordinal);

    private WebhookReceiver(WebApplication app) => _app = app;

    public string Url(string path) => _app.Urls.First() + path;

    public IReadOnlyList<WebhookRequest> Requests => _requests.ToList();

    /// <param name="answers">
    /// Per path: how to answer the nth request (1-based) of one message (webhook-id) to it; unlisted paths answer 204.
    /// </param>
    public static async Task<WebhookReceiver> StartAsync(IReadOnlyDictionary<string, Func<int, HttpContext, Task>> answers)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var receiver = new WebhookReceiver(builder.Build());
        foreach (var (path, answer) in answers) receiver._answers[path] = answer;
        receiver._app.Run(receiver.ReceiveAsync);
        await receiver._app.StartAsync(TestContext.Current.CancellationToken);
        return receiver;
    }

    /// <summary>Returns the first request matching <paramref name="match"/>, waiting for it up to <paramref name="timeout"/>.</summary>
    public async Task<WebhookRequest> WaitForAsync(Func<WebhookRequest, bool> match, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            if (_requests.FirstOrDefault(match) is { } found) return found;
            var left = deadline - DateTimeOffset.UtcNow;
            Assert.True(left > TimeSpan.Zero, $"no matching webhook request within {timeout}; got: {string.Join(", ", _requests.Select(r => r.Path))}");
            await _arrived.WaitAsync(left, TestContext.Current.CancellationToken);
        }
    }

    private async Task ReceiveAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        var body = await new StreamReader(context.Request.Body).ReadToEndAsync(context.RequestAborted);
        var headers = new HeaderDictionary(context.Request.Headers.ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase));
        _requests.Enqueue(new WebhookRequest(path, headers, body, DateTimeOffset.UtcNow));
        _arrived.Release();
        var nth = _counts.AddOrUpdate($"{path} {headers["webhook-id"]}", 1, (_, n) => n + 1);
        if (_answers.TryGetValue(path, out var answer)) await answer(nth, context);
        else context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _arrived.Dispose();
    }
}
