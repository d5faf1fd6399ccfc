namespace Platform.ServiceDefaults.Telemetry;

/// <summary>
/// What the SDK listens to. The platform's own code names its ActivitySources and Meters "Platform.&lt;Thing&gt;"
/// so one wildcard covers every service without each having to register its sources here.
/// </summary>
public static class TelemetrySources
{
    public const string PlatformWildcard = "Platform.*";

    internal static readonly string[] ActivitySources =
    [
        "Microsoft.AspNetCore",
        "System.Net.Http",
        // MassTransit both emits its spans and carries trace context through RabbitMQ only when listened to.
        "MassTransit",
        "Yarp.ReverseProxy",
        PlatformWildcard,
    ];

    internal static readonly string[] Meters =
    [
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "System.Net.Http",
        "System.Runtime",
        "MassTransit",
        PlatformWildcard,
    ];
}
