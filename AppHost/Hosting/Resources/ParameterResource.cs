namespace Platform.AppHost.Hosting.Resources;

/// <summary>A value handed to projects through their environment; generated secrets are kept in the secret store.</summary>
public sealed class ParameterResource(string name, Func<string> value, bool secret)
{
    public string Name { get; } = name;
    public bool Secret { get; } = secret;
    public string Value => value();
}
