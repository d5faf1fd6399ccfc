using System.Net.Http.Headers;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.Identity;

namespace Platform.AppHost.Hosting;

/// <summary>
/// A service's error queues as dashboard commands on its resource: list them, and replay every parked message. Each
/// service owns its dead letters behind a staff-only endpoint (messaging/); the command calls it as staff with a token
/// signed by the key the service was given, as the gateway would. Nothing is reachable without the dashboard's login.
/// </summary>
public static class DeadLetterCommands
{
    public const string List = "dead-letters";
    public const string Replay = "replay-dead-letters";

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public static IResourceBuilder<ProjectResource> WithDeadLetterCommands(this IResourceBuilder<ProjectResource> builder,
        IResourceBuilder<ParameterResource> signingKey)
    {
        var service = builder.Resource;
        var running = new CommandOptions
        {
            UpdateState = c => c.ResourceSnapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy
                ? ResourceCommandState.Enabled : ResourceCommandState.Disabled,
        };
        builder.WithCommand(List, "Dead letters", async context =>
        {
            var queues = await SendAsync(service, signingKey.Resource, HttpMethod.Get, "/admin/dead-letters", context.CancellationToken);
            var parked = queues.EnumerateArray().Sum(q => q.GetProperty("messageCount").GetInt64());
            return CommandResults.Success($"{parked} message(s) parked in {queues.GetArrayLength()} error queue(s)",
                new CommandResultData { Value = queues.GetRawText(), Format = CommandResultFormat.Json });
        }, new CommandOptions { Description = "This service's error queues and their first messages.", IconName = "MailWarning", UpdateState = running.UpdateState });

        builder.WithCommand(Replay, "Replay dead letters", async context =>
        {
            var replayed = 0;
            var queues = await SendAsync(service, signingKey.Resource, HttpMethod.Get, "/admin/dead-letters", context.CancellationToken);
            foreach (var queue in queues.EnumerateArray().Where(q => q.GetProperty("messageCount").GetInt64() > 0))
            {
                var name = queue.GetProperty("queue").GetString()!;
                var result = await SendAsync(service, signingKey.Resource, HttpMethod.Post,
                    $"/admin/dead-letters/{Uri.EscapeDataString(name)}/replay", context.CancellationToken);
                replayed += result.GetProperty("replayed").GetInt32();
            }
            return CommandResults.Success($"replayed {replayed} message(s)",
                new CommandResultData { Value = JsonSerializer.Serialize(new { replayed }), Format = CommandResultFormat.Json });
        }, new CommandOptions
        {
            Description = "Moves every parked message back to the queue it failed on.",
            ConfirmationMessage = "Replay every parked message of this service?",
            IconName = "ArrowRepeatAll",
            UpdateState = running.UpdateState,
        });
        return builder;
    }

    private static async Task<JsonElement> SendAsync(ProjectResource service, ParameterResource signingKey, HttpMethod method, string path, CancellationToken ct)
    {
        var issuer = new InternalTokenIssuer(Options.Create(new InternalTokenOptions { SigningKey = await signingKey.GetValueAsync(ct) ?? "" }), TimeProvider.System);
        var token = issuer.Issue(new InternalIdentity("apphost-dashboard", PlatformClaims.Roles.Staff, null, []), service.Name);
        using var request = new HttpRequestMessage(method, new Uri(new Uri(service.GetEndpoint("http").Url), path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await Http.SendAsync(request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{method} {path} on {service.Name}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
