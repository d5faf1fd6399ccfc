using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using k8s;

namespace Platform.Deploy.Tests;

/// <summary>
/// Checks an object offline, without a cluster: a built-in kind by loading it strictly as the Kubernetes API's own
/// model (KubernetesClient's types, generated from the API's OpenAPI document: every field name and type, and the
/// kind known at that apiVersion); an operator's kind against the JSON schema of its CRD (deploy/schemas: field names,
/// types, enums and required fields, additional properties refused).
/// </summary>
internal static class KubernetesSchemas
{
    private static readonly Dictionary<string, string> OperatorSchemas = new()
    {
        ["postgresql.cnpg.io/v1/Cluster"] = "postgresql.cnpg.io_cluster_v1.json",
        ["postgresql.cnpg.io/v1/Database"] = "postgresql.cnpg.io_database_v1.json",
        ["rabbitmq.com/v1beta1/RabbitmqCluster"] = "rabbitmq.com_rabbitmqcluster_v1beta1.json",
        ["rabbitmq.com/v1beta1/User"] = "rabbitmq.com_user_v1beta1.json",
        ["rabbitmq.com/v1beta1/Permission"] = "rabbitmq.com_permission_v1beta1.json",
    };

    private static readonly Dictionary<string, JsonSchema> Loaded = [];

    /// <returns>What is wrong with <paramref name="obj"/>; empty when nothing.</returns>
    public static IReadOnlyList<string> Problems(Dictionary<string, object> obj)
    {
        var key = $"{obj["apiVersion"]}/{obj["kind"]}";
        if (OperatorSchemas.TryGetValue(key, out var file)) return AgainstSchema(obj, file);
        try
        {
            var loaded = KubernetesYaml.LoadAllFromString(Yaml.Documents([obj]), typeMap: null, strict: true);
            return loaded.Count == 1 && loaded[0] is IKubernetesObject ? [] : [$"{key} did not load as one Kubernetes object"];
        }
        catch (Exception e)
        {
            return [$"{key}: {e.GetBaseException().Message}"];
        }
    }

    private static IReadOnlyList<string> AgainstSchema(Dictionary<string, object> obj, string file)
    {
        JsonSchema schema;
        lock (Loaded)
        {
            if (!Loaded.TryGetValue(file, out schema!))
            {
                schema = JsonSchema.FromFile(Path.Combine(GeneratedDeployment.RepositoryRoot, "deploy", "schemas", file));
                Loaded[file] = schema;
            }
        }

        var node = JsonNode.Parse(JsonSerializer.Serialize(obj));
        var result = schema.Evaluate(node, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid
            ? []
            : [.. result.Details.Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{obj["kind"]} {d.InstanceLocation}: {e.Value}"))];
    }
}
