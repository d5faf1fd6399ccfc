using System.Reflection;
using System.Runtime.InteropServices;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.AppHost.Hosting;

public static class BuildOutputLaunch
{
    internal const string MetadataPrefix = "ProjectOutput:";

    /// <summary>
    /// Starts every project resource as its built program (bin/…/Events) rather than through `dotnet run --no-build`,
    /// which Aspire uses by default: that is one MSBuild evaluation and one extra ~150 MB process per project, seconds
    /// each on a busy two-core machine. `dotnet run` ends up starting the very same program with the same working
    /// directory and environment, and the resource stays a project resource (its project path, WithReference, WaitFor,
    /// OTLP, the dashboard's commands): Aspire launches a project resource with an <see cref="ExecutableAnnotation"/>
    /// through that executable. Where the program is, the AppHost's build recorded (hosting/build/ProjectOutputs.targets);
    /// a project it did not record, or not built, keeps Aspire's `dotnet run`.
    /// </summary>
    public static IDistributedApplicationBuilder LaunchProjectsFromBuildOutput(this IDistributedApplicationBuilder builder)
    {
        if (!builder.ExecutionContext.IsRunMode) return builder;
        var outputs = RecordedOutputs(builder.AppHostAssembly);
        builder.Eventing.Subscribe<BeforeStartEvent>((e, ct) =>
        {
            var logger = e.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BuildOutputLaunch));
            foreach (var project in e.Model.Resources.OfType<ProjectResource>())
            {
                if (project.TryGetLastAnnotation<ExecutableAnnotation>(out _)) continue; // someone chose how it starts
                var projectPath = project.GetProjectMetadata().ProjectPath;
                if (Program(outputs, projectPath) is not { } program)
                {
                    logger.LogWarning("{Project}: no built program recorded for {ProjectPath}; Aspire starts it with dotnet run.", project.Name, projectPath);
                    continue;
                }
                project.Annotations.Add(new ExecutableAnnotation { Command = program, WorkingDirectory = Path.GetDirectoryName(projectPath)! });
                project.Annotations.Add(new EnvironmentCallbackAnnotation(context =>
                {
                    // As `dotnet run` does (DOTNET_ROOT_X64=/usr/share/dotnet, seen in its children's environment): the
                    // program's host uses the runtime the AppHost itself runs on, wherever that is installed.
                    if (Environment.GetEnvironmentVariable(DotnetRootVariable) is null && Environment.GetEnvironmentVariable("DOTNET_ROOT") is null)
                        context.EnvironmentVariables.TryAdd(DotnetRootVariable, DotnetRoot);
                }));
            }
            return Task.CompletedTask;
        });
        return builder;
    }

    /// <summary>The program `dotnet run` would start (the apphost beside the built assembly), if it is there.</summary>
    internal static string? Program(IReadOnlyDictionary<string, string> outputs, string projectPath)
    {
        if (!outputs.TryGetValue(Path.GetFullPath(projectPath), out var assembly)) return null;
        var program = Path.ChangeExtension(assembly, OperatingSystem.IsWindows() ? ".exe" : null);
        return File.Exists(program) ? program : null;
    }

    internal static IReadOnlyDictionary<string, string> RecordedOutputs(Assembly? appHost) =>
        (appHost?.GetCustomAttributes<AssemblyMetadataAttribute>() ?? [])
            .Where(a => a.Key.StartsWith(MetadataPrefix, StringComparison.Ordinal) && !string.IsNullOrEmpty(a.Value))
            .GroupBy(a => Path.GetFullPath(a.Key[MetadataPrefix.Length..]))
            .ToDictionary(g => g.Key, g => g.Last().Value!);

    private static string DotnetRootVariable => $"DOTNET_ROOT_{RuntimeInformation.ProcessArchitecture.ToString().ToUpperInvariant()}";

    /// <summary>The folder holding dotnet and shared/ for the runtime this process runs on.</summary>
    private static string DotnetRoot => Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
}
