using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.Health;

namespace Platform.ServiceDefaults.Tests.Support;

/// <summary>
/// A minimal service built exactly as a real one is (AddServiceDefaults, MapDefaultEndpoints) on an in-memory
/// TestServer, with the test's own endpoints and configuration.
/// </summary>
public static class TestApp
{
    public static async Task<WebApplication> StartAsync(
        Action<WebApplication> mapEndpoints,
        IDictionary<string, string?> configuration,
        TimeProvider? time = null,
        string environment = "Development",
        Action<IServiceCollection>? configureServices = null,
        HealthDetail health = HealthDetail.Full)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.AddServiceDefaults();
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        if (configuration.TryGetValue(ActAsGatewayKey, out var signingKey) && signingKey is not null)
        {
            builder.Services.AddSingleton<IStartupFilter>(new AnonymousCallerFilter(signingKey,
                configuration.TryGetValue("OTEL_SERVICE_NAME", out var service) && service is not null ? service : ServiceName, time ?? TimeProvider.System));
        }

        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapDefaultEndpoints(health);
        mapEndpoints(app);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return app;
    }

    /// <summary>The service's name, as the AppHost sets it: the one audience the test service accepts.</summary>
    public const string ServiceName = "test-service";

    /// <summary>
    /// The test's own setting (never read by the service): requests the test sends without an Authorization header get
    /// the anonymous caller's token signed with this key, as the gateway attaches it. Remove it to call as nobody.
    /// </summary>
    public const string ActAsGatewayKey = "Test:ActAsGateway";

    /// <summary>What a service is given: only the public half of the gateway's key pair, and its own name.</summary>
    public static Dictionary<string, string?> WithKey(string signingKey) => new()
    {
        ["InternalToken:PublicKey"] = TestKeys.PublicKeyOf(signingKey),
        ["OTEL_SERVICE_NAME"] = ServiceName,
        [ActAsGatewayKey] = signingKey,
    };

    private sealed class AnonymousCallerFilter(string signingKey, string service, TimeProvider time) : IStartupFilter
    {
        private readonly InternalTokenIssuer _issuer = new(Options.Create(new InternalTokenOptions { SigningKey = signingKey }), time);

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.Authorization.Count == 0)
                {
                    context.Request.Headers.Authorization = $"Bearer {_issuer.Issue(InternalIdentity.Anonymous, service)}";
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
