using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Platform.Notifications.Webhooks;

namespace Platform.Notifications.Tests.Webhooks;

/// <summary>One attempt against a real listener: a redirect is a failure and is not followed; no answer in time is one too.</summary>
public sealed class WebhookSenderTests : IAsyncLifetime
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private readonly ConcurrentQueue<string> _received = new();
    private WebApplication _listener = null!;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _listener = builder.Build();
        _listener.Run(async context =>
        {
            _received.Enqueue(context.Request.Path);
            switch (context.Request.Path.Value)
            {
                case "/moved": context.Response.Redirect("/elsewhere"); break;
                case "/slow": await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted); break;
                case "/broken": context.Response.StatusCode = 500; break;
            }
        });
        await _listener.StartAsync(Cancel);
    }

    public async ValueTask DisposeAsync() => await _listener.DisposeAsync();

    [Theory]
    [InlineData("/moved", 302)]
    [InlineData("/broken", 500)]
    [InlineData("/ok", 200)]
    public async Task The_answer_is_recorded_and_a_redirect_is_not_followed(string path, int status)
    {
        var attempt = await SendAsync(path, allowLoopback: true, TimeSpan.FromSeconds(20));

        Assert.True(status == attempt.StatusCode, $"{attempt.StatusCode}: {attempt.Error}");
        Assert.Equal(status == 200, WebhookSender.Succeeded(attempt));
        Assert.Equal([path], _received);
    }

    [Fact]
    public async Task No_answer_within_the_timeout_is_a_failed_attempt()
    {
        var attempt = await SendAsync("/slow", allowLoopback: true, TimeSpan.FromSeconds(1));

        Assert.Null(attempt.StatusCode);
        Assert.Contains("No answer within 1 s", attempt.Error, StringComparison.Ordinal);
        Assert.InRange(attempt.DurationMilliseconds, 900, 10_000);
    }

    [Fact]
    public async Task A_loopback_address_is_not_connected_to_unless_configured()
    {
        var attempt = await SendAsync("/ok", allowLoopback: false, TimeSpan.FromSeconds(20));

        Assert.Null(attempt.StatusCode);
        Assert.Contains("internal address", attempt.Error, StringComparison.Ordinal);
        Assert.Empty(_received);
    }

    private async Task<WebhookAttempt> SendAsync(string path, bool allowLoopback, TimeSpan timeout)
    {
        var options = Options.Create(new WebhookOptions { Timeout = timeout, AllowLoopback = allowLoopback });
        using var sender = new WebhookSender(new WebhookAddresses(allowLoopback), options, TimeProvider.System);
        var endpoint = new WebhookEndpoint { Url = _listener.Urls.First() + path, EventTypes = "role.opened", Secret = WebhookSignature.NewSecret() };
        var delivery = new WebhookDelivery { MessageId = "msg_1", EventType = "role.opened", Payload = "{}" };
        return await sender.SendAsync(endpoint, delivery, Cancel);
    }
}
