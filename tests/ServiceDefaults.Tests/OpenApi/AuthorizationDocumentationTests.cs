using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.Tests.Support;

namespace Platform.ServiceDefaults.Tests.OpenApi;

/// <summary>A service's OpenAPI document says who may call each operation, read from the endpoints' own policies.</summary>
public sealed class AuthorizationDocumentationTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_operation_states_the_roles_and_scopes_its_policies_require_and_public_ones_state_none()
    {
        await using var app = await TestApp.StartAsync(app =>
        {
            app.MapOpenApi();
            app.MapGet("/public", () => "hello");
            app.MapPost("/staff", () => "ok").RequireAuthorization(PlatformPolicies.Staff);
            app.MapGet("/either", () => "ok").RequireAuthorization(new AuthorizationPolicyBuilder()
                .RequireRole(PlatformClaims.Roles.Staff, PlatformClaims.Roles.Organisation).Build());
            app.MapGet("/scoped", () => "ok").RequireAuthorization(PlatformPolicies.Scope("events:read"));
            app.MapGet("/open-after-all", () => "ok").RequireAuthorization(PlatformPolicies.Staff).AllowAnonymous();
        }, TestApp.WithKey(TestKeys.NewSigningKey()));
        using var client = app.GetTestClient();

        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json", Cancel)).RootElement;
        JsonElement Operation(string path, string method) => document.GetProperty("paths").GetProperty(path).GetProperty(method);
        string[] Roles(JsonElement op) => [.. op.GetProperty("x-roles").EnumerateArray().Select(r => r.GetString()!)];

        Assert.False(Operation("/public", "get").TryGetProperty("x-roles", out _));
        Assert.False(Operation("/open-after-all", "get").TryGetProperty("x-roles", out _));
        Assert.Equal(["staff"], Roles(Operation("/staff", "post")));
        Assert.StartsWith("Who may call: staff.", Operation("/staff", "post").GetProperty("description").GetString());
        Assert.Equal(["organisation", "staff"], Roles(Operation("/either", "get")));
        Assert.Empty(Roles(Operation("/scoped", "get")));
        Assert.Equal("events:read", Operation("/scoped", "get").GetProperty("x-scopes")[0].GetString());
    }
}
