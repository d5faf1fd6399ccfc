using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.Data.Tests;

internal static class ServiceHost
{
    /// <summary>
    /// A service's host as these tests build it, without the console logger: the shared-pool test's thousands of
    /// refused searches, each logged with its stack trace, wrote 25 MB and cost the run CPU for output nobody reads.
    /// Failures are still reported by the tests' assertions.
    /// </summary>
    public static HostApplicationBuilder CreateBuilder()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        return builder;
    }

    /// <summary>A web service's builder, as <see cref="CreateBuilder"/>: for what takes a WebApplication (migrations).</summary>
    public static WebApplicationBuilder CreateWebBuilder()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        return builder;
    }
}
