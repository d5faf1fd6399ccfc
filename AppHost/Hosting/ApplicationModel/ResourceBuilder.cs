using Platform.AppHost.Hosting.Resources;

namespace Platform.AppHost.Hosting.ApplicationModel;

/// <summary>A resource being declared; covariant so a builder of a server can be passed where any connection-string resource fits.</summary>
public interface IResourceBuilder<out T>
{
    T Resource { get; }
    DistributedApplicationBuilder ApplicationBuilder { get; }
}

internal sealed class ResourceBuilder<T>(DistributedApplicationBuilder applicationBuilder, T resource) : IResourceBuilder<T>
{
    public T Resource { get; } = resource;
    public DistributedApplicationBuilder ApplicationBuilder { get; } = applicationBuilder;
}

/// <summary>The edges of the app model, named as Aspire names them.</summary>
public static class ResourceBuilderExtensions
{
    /// <summary>Holds <paramref name="builder"/> in Waiting until <paramref name="dependency"/> is Running and Healthy.</summary>
    public static IResourceBuilder<T> WaitFor<T>(this IResourceBuilder<T> builder, IResourceBuilder<Resource> dependency) where T : Resource
    {
        builder.Resource.WaitsFor.Add(dependency.Resource);
        return builder;
    }

    /// <summary>Gives the project ConnectionStrings__{name}.</summary>
    public static IResourceBuilder<ProjectResource> WithReference(this IResourceBuilder<ProjectResource> builder,
        IResourceBuilder<IResourceWithConnectionString> source)
    {
        builder.Resource.ConnectionStrings.Add(source.Resource);
        return builder;
    }

    /// <summary>Gives the project services__{name}__http__0, so http://{name} resolves through service discovery.</summary>
    public static IResourceBuilder<ProjectResource> WithReference(this IResourceBuilder<ProjectResource> builder,
        IResourceBuilder<IResourceWithHttpEndpoint> service)
    {
        builder.Resource.Services.Add(service.Resource);
        return builder;
    }

    public static IResourceBuilder<ProjectResource> WithEnvironment(this IResourceBuilder<ProjectResource> builder, string name,
        IResourceBuilder<ParameterResource> parameter)
    {
        builder.Resource.Environment[name] = () => parameter.Resource.Value;
        return builder;
    }

    public static IResourceBuilder<ProjectResource> WithEnvironment(this IResourceBuilder<ProjectResource> builder, string name, string value)
    {
        builder.Resource.Environment[name] = () => value;
        return builder;
    }

    /// <summary>
    /// Serves the project on a fixed port (the gateway's well-known 8080). Test runs that randomise ports ignore it,
    /// so they can run beside a developer's platform.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithHttpEndpoint(this IResourceBuilder<ProjectResource> builder, int port)
    {
        if (!builder.ApplicationBuilder.Options.RandomizePorts)
        {
            builder.Resource.Port = port;
            builder.Resource.HasFixedPort = true;
        }
        return builder;
    }

    public static IResourceBuilder<PostgresDatabaseResource> AddDatabase(this IResourceBuilder<PostgresServerResource> server, string name)
    {
        var database = new PostgresDatabaseResource(name, server.Resource);
        server.Resource.Databases.Add(database);
        return server.ApplicationBuilder.AddResource(database);
    }
}
