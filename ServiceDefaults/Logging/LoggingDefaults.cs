using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Hosting;

namespace Platform.ServiceDefaults.Logging;

internal static class LoggingDefaults
{
    /// <summary>
    /// The log levels of the Aspire templates' appsettings.json, as the lowest-precedence configuration so a service's
    /// own appsettings or environment still win. Without them every request logs four lines and every SQL command one:
    /// under a registration rush that was most of a service's CPU (formatting, the console, the AppHost's log reader
    /// and the OTLP exporter), and the lines that matter drown.
    /// </summary>
    public static void AddPlatformLoggingDefaults(this IHostApplicationBuilder builder)
    {
        var defaults = new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Information",
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
                ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Warning",
                ["Logging:LogLevel:Yarp"] = "Warning",
                // HttpClient logs each request's full URL at Information; a link's path carries its secret.
                ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
            },
        };
        builder.Configuration.Sources.Insert(0, defaults);
    }
}
