using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

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
        Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.AddServiceDefaults();
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapDefaultEndpoints();
        mapEndpoints(app);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return app;
    }

    public static Dictionary<string, string?> WithKey(string signingKey) => new()
    {
        ["InternalToken:SigningKey"] = signingKey,
    };
}
