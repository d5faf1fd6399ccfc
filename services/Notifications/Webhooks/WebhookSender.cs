using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;

namespace Platform.Notifications.Webhooks;

/// <summary>
/// Makes one attempt at one message: signs it with the endpoint's secret and a fresh timestamp, and posts it with a
/// short timeout. Its own HttpClient, not the platform's resilient one: retries are the dispatcher's (by schedule, not at
/// once), redirects are not followed (a 3xx is a failure), and every connection goes through the address check.
/// </summary>
public sealed class WebhookSender : IDisposable
{
    private readonly HttpClient _client;
    private readonly IOptions<WebhookOptions> _options;
    private readonly TimeProvider _time;

    public WebhookSender(WebhookAddresses addresses, IOptions<WebhookOptions> options, TimeProvider time)
    {
        _options = options;
        _time = time;
        _client = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            ConnectCallback = addresses.ConnectAsync,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,   // per attempt, below
        };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd("SaferCommunitiesPartnership-Webhooks/1.0");
    }

    public async Task<WebhookAttempt> SendAsync(WebhookEndpoint endpoint, WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        var at = _time.GetUtcNow();
        var stopwatch = Stopwatch.StartNew();
        // Wall-clock time, not the service's (a test platform's clock can be moved): the timeout is a real wait.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Value.Timeout);
        int? status = null;
        string? error = null;
        try
        {
            // The receiver checks the timestamp against its own clock (Standard Webhooks allows minutes either way), so it
            // is the wall clock's even where the service's clock has been moved (a test platform's).
            var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url)
            {
                Content = new StringContent(delivery.Payload, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
            };
            request.Headers.Add(WebhookSignature.IdHeader, delivery.MessageId);
            request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(endpoint.Secret, delivery.MessageId, timestamp, delivery.Payload));
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            status = (int)response.StatusCode;
            if (status is >= 300 and < 400) error = "Redirects are not followed.";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            error = $"No answer within {_options.Value.Timeout.TotalSeconds:0.#} s.";
        }
        catch (HttpRequestException e) when (e.InnerException is WebhookAddressRefusedException refused)
        {
            error = refused.Message;
        }
        catch (HttpRequestException e)
        {
            error = e.HttpRequestError == HttpRequestError.Unknown ? "The request failed." : $"The request failed: {e.HttpRequestError}.";
        }

        return new WebhookAttempt
        {
            DeliveryId = delivery.Id,
            At = at,
            StatusCode = status,
            Error = error,
            DurationMilliseconds = (int)Math.Min(int.MaxValue, stopwatch.ElapsedMilliseconds),
        };
    }

    public static bool Succeeded(WebhookAttempt attempt) => attempt.StatusCode is >= 200 and < 300;

    public void Dispose() => _client.Dispose();
}
