using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Gateway.Tests;

/// <summary>The real gateway, in memory, with only the services the test names configured behind it.</summary>
public sealed class GatewayFactory(IReadOnlyDictionary<string, string> serviceAddresses, Action<IServiceCollection>? configureServices = null)
    : WebApplicationFactory<Program>
{
    public string SigningKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("InternalToken:SigningKey", SigningKey);
        foreach (var (service, address) in serviceAddresses)
        {
            builder.UseSetting($"services:{service}:http:0", address);
        }

        if (configureServices is not null)
        {
            builder.ConfigureTestServices(configureServices);
        }
    }
}
