using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Platform.AppHost.Hosting.Resources;
using Platform.ServiceDefaults.Identity;

namespace Platform.AppHost.Hosting.Dashboard;

/// <summary>
/// The dashboard's view of every service's error queues, and replay. Each service owns its dead letters behind a
/// staff-only endpoint (messaging/); the dashboard calls it as staff with a token signed by the key that service
/// was given, the way the gateway would.
/// </summary>
internal sealed class DeadLetterConsole(DistributedApplication app)
{
    private const string SigningKeyVariable = "InternalToken__SigningKey";
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>Services that publish or consume messages, i.e. that have the broker's connection string.</summary>
    private IEnumerable<ProjectResource> MessagingServices => app.Resources.OfType<ProjectResource>()
        .Where(p => p.ConnectionStrings.Any(c => c is RabbitMQServerResource) && p.Environment.ContainsKey(SigningKeyVariable));

    public async Task<IReadOnlyList<object>> ListAsync(CancellationToken cancellationToken)
    {
        var results = await Task.WhenAll(MessagingServices.Select(async service =>
        {
            try
            {
                using var request = Request(service, HttpMethod.Get, "/admin/dead-letters");
                using var response = await Http.SendAsync(request, cancellationToken);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                return response.IsSuccessStatusCode
                    ? (object)new { Service = service.Name, Queues = JsonSerializer.Deserialize<JsonElement>(body) }
                    : new { Service = service.Name, Error = $"{(int)response.StatusCode} {body}" };
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                return new { Service = service.Name, Error = e.Message };
            }
        }));
        return results;
    }

    /// <summary>Forwards a replay to the service; null when no such service.</summary>
    public async Task<(int Status, string Body)?> ReplayAsync(string serviceName, string queue, string? messageId, CancellationToken cancellationToken)
    {
        var service = MessagingServices.FirstOrDefault(s => string.Equals(s.Name, serviceName, StringComparison.OrdinalIgnoreCase));
        if (service is null) return null;
        var path = $"/admin/dead-letters/{Uri.EscapeDataString(queue)}/replay" + (messageId is null ? "" : $"?messageId={Uri.EscapeDataString(messageId)}");
        using var request = Request(service, HttpMethod.Post, path);
        using var response = await Http.SendAsync(request, cancellationToken);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }

    private static HttpRequestMessage Request(ProjectResource service, HttpMethod method, string path)
    {
        var issuer = new InternalTokenIssuer(
            Options.Create(new InternalTokenOptions { SigningKey = service.Environment[SigningKeyVariable]() }), TimeProvider.System);
        var token = issuer.Issue(new InternalIdentity("apphost-dashboard", PlatformClaims.Roles.Staff, null, []));
        var request = new HttpRequestMessage(method, new Uri(service.HttpEndpoint, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }
}
