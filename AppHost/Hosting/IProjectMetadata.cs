namespace Platform.AppHost.Hosting;

/// <summary>Where a service project and its build output live; generated per service project reference.</summary>
public interface IProjectMetadata
{
    string ProjectPath { get; }
    string AssemblyPath { get; }
}
