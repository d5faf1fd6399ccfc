using Platform.AppHost.Hosting.ApplicationModel;
using Platform.AppHost.Hosting.Processes;

namespace Platform.AppHost.Hosting.Resources;

/// <summary>
/// A .NET project of the solution, run from its build output with the environment an Aspire AppHost would give it:
/// connection strings, service endpoints, OpenTelemetry settings, URLs and environment name.
/// </summary>
public sealed class ProjectResource(string name, IProjectMetadata project) : ProcessResource(name), IResourceWithHttpEndpoint
{
    private static readonly HttpClient HealthClient = new() { Timeout = TimeSpan.FromSeconds(3) };

    public override string Type => "Project";
    public override int ShutdownTier => 1;

    public IProjectMetadata Project { get; } = project;
    public int Port { get; set; }
    public bool HasFixedPort { get; set; }
    public Uri HttpEndpoint => new($"http://127.0.0.1:{Port}");

    public List<IResourceWithConnectionString> ConnectionStrings { get; } = [];
    public List<IResourceWithHttpEndpoint> Services { get; } = [];
    public Dictionary<string, Func<string>> Environment { get; } = [];

    /// <summary>Where this project sends telemetry (the dashboard's OTLP receiver), when there is one.</summary>
    public Uri? OtlpEndpoint { get; set; }

    public override IReadOnlyList<string> Urls => [HttpEndpoint.ToString().TrimEnd('/')];

    protected override Task<ProcessSpec> PrepareAsync(ResourceContext context, CancellationToken cancellationToken)
    {
        if (!File.Exists(Project.AssemblyPath))
            throw new InvalidOperationException($"{Project.AssemblyPath} is missing: build the solution first (dotnet build Platform.sln).");
        return Task.FromResult(new ProcessSpec("/usr/bin/env", ["dotnet", Project.AssemblyPath])
        {
            Environment = BuildEnvironment(context.Options),
            WorkingDirectory = Path.GetDirectoryName(Project.ProjectPath),
        });
    }

    public Dictionary<string, string?> BuildEnvironment(HostingOptions options)
    {
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_URLS"] = HttpEndpoint.ToString().TrimEnd('/'),
            ["ASPNETCORE_ENVIRONMENT"] = options.EnvironmentName,
            ["DOTNET_ENVIRONMENT"] = options.EnvironmentName,
            ["OTEL_SERVICE_NAME"] = Name,
            ["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={Name}-{Guid.NewGuid():N}",
            // Keep the console readable in the dashboard and the AppHost's own output.
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__Console__FormatterOptions__SingleLine"] = "true",
            ["DOTNET_NOLOGO"] = "1",
        };
        if (OtlpEndpoint is not null)
        {
            environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = OtlpEndpoint.ToString().TrimEnd('/');
            environment["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
            environment["OTEL_EXPORTER_OTLP_HEADERS"] = $"x-platform-resource={Name}";
            environment["OTEL_BLRP_SCHEDULE_DELAY"] = "1000";
            environment["OTEL_BSP_SCHEDULE_DELAY"] = "1000";
            environment["OTEL_METRIC_EXPORT_INTERVAL"] = "5000";
        }
        foreach (var resource in ConnectionStrings)
            environment[$"ConnectionStrings__{resource.Name}"] = resource.ConnectionString;
        foreach (var service in Services)
            environment[$"services__{service.Name}__http__0"] = service.HttpEndpoint.ToString().TrimEnd('/');
        foreach (var (key, value) in Environment)
            environment[key] = value();
        if (options.ProjectEnvironment.TryGetValue(Name, out var overrides))
            foreach (var (key, value) in overrides)
                environment[key] = value;
        return environment;
    }

    public override async Task<HealthStatus> CheckHealthAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await HealthClient.GetAsync(new Uri(HttpEndpoint, "/health"), cancellationToken);
            return response.IsSuccessStatusCode ? HealthStatus.Healthy : HealthStatus.Unhealthy;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return HealthStatus.Unhealthy;
        }
    }
}
