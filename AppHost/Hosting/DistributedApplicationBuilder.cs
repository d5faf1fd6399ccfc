using Microsoft.Extensions.Configuration;
using Platform.AppHost.Hosting.ApplicationModel;
using Platform.AppHost.Hosting.Processes;
using Platform.AppHost.Hosting.Resources;
using Platform.AppHost.Hosting.Secrets;
using Platform.AppHost.Hosting.Testing;

namespace Platform.AppHost.Hosting;

/// <summary>Collects the app model, Aspire-style: one Add* per resource, edges through WithReference and WaitFor.</summary>
public sealed class DistributedApplicationBuilder
{
    private readonly List<Resource> _resources = [];
    private readonly List<ParameterResource> _parameters = [];

    internal DistributedApplicationBuilder(string[] args, HostingOptions options)
    {
        Options = options;
        Configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables("APPHOST_")
            .AddCommandLine(args.Where(a => a != "--fresh").ToArray())
            .Build();
        Secrets = new SecretStore(Path.Combine(options.DataDirectory, "secrets.json"));
    }

    public HostingOptions Options { get; }
    public IConfiguration Configuration { get; }
    internal SecretStore Secrets { get; }
    internal IReadOnlyList<Resource> Resources => _resources;

    public IResourceBuilder<T> AddResource<T>(T resource) where T : Resource
    {
        if (_resources.Any(r => string.Equals(r.Name, resource.Name, StringComparison.OrdinalIgnoreCase)))
            throw new InvalidOperationException($"A resource named '{resource.Name}' is already in the model.");
        _resources.Add(resource);
        return new ResourceBuilder<T>(this, resource);
    }

    public IResourceBuilder<RabbitMQServerResource> AddRabbitMQ(string name) => AddResource(new RabbitMQServerResource(name));

    public IResourceBuilder<PostgresServerResource> AddPostgres(string name) => AddResource(new PostgresServerResource(name));

    public IResourceBuilder<SmtpSinkResource> AddSmtpSink(string name) => AddResource(new SmtpSinkResource(name));

    public IResourceBuilder<ProjectResource> AddProject<TProject>(string name) where TProject : IProjectMetadata, new() =>
        AddProject(name, new TProject());

    public IResourceBuilder<ProjectResource> AddProject(string name, IProjectMetadata project) =>
        AddResource(new ProjectResource(name, project) { Port = FreePort.Next() });

    public IResourceBuilder<ExecutableResource> AddExecutable(string name, string command, params string[] arguments) =>
        AddResource(new ExecutableResource(name, command, arguments));

    /// <summary>
    /// A random key (standard base64 of <paramref name="bytes"/> bytes) generated on first use and kept in the data
    /// folder, so it survives restarts but not --fresh. With <paramref name="showOnce"/> the run that generates it
    /// prints it (a first password a person must type), and no run after.
    /// </summary>
    public IResourceBuilder<ParameterResource> AddGeneratedSecret(string name, int bytes = 32, bool showOnce = false)
    {
        var parameter = new ParameterResource(name, () => Secrets.GetOrCreate(name, bytes, urlSafe: showOnce, show: showOnce), secret: true);
        _parameters.Add(parameter);
        return new ResourceBuilder<ParameterResource>(this, parameter);
    }

    public DistributedApplication Build()
    {
        foreach (var resource in _resources)
            foreach (var dependency in resource.WaitsFor.Where(d => !_resources.Contains(d)))
                throw new InvalidOperationException($"{resource} waits for {dependency}, which is not in the model.");
        var app = new DistributedApplication(Options, [.. _resources], Secrets);
        TestingHook.Current?.OnBuilt(app);
        return app;
    }
}
