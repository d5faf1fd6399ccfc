using YamlDotNet.Serialization;

namespace Platform.Deploy;

/// <summary>Objects (nested dictionaries and lists, in the order written) as YAML documents, one after another.</summary>
internal static class Yaml
{
    // Strings that YAML would read as something else ("true", "8080") are quoted: a ConfigMap's values must be strings.
    private static readonly ISerializer Serializer = new SerializerBuilder().DisableAliases().WithQuotingNecessaryStrings().Build();

    public static string Documents(IEnumerable<object> objects) =>
        string.Join("---\n", objects.Select(o => Serializer.Serialize(o)));
}
