namespace Platform.Deploy.Tests;

/// <summary>
/// `./platform publish k8s` (issue 22): what it writes is what the app model gives now, and every object is valid for
/// the Kubernetes API or its operator. What only a real cluster shows: that the images run, admission webhooks and
/// policies accept the objects, the operators reconcile them (CloudNativePG creating the logins and databases, the
/// topology operator the broker users), the Ingress controller routes, and the probes pass.
/// </summary>
public sealed class KubernetesFilesTests(GeneratedDeployment deployment) : IClassFixture<GeneratedDeployment>
{
    private static readonly string[] Projects = ["awards", "events", "gateway", "notifications", "volunteers", "web"];

    [Fact]
    public void The_committed_files_are_those_the_app_model_generates_now()
    {
        var committed = Directory.GetFiles(GeneratedDeployment.CommittedFolder, "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(deployment.Files.Select(f => f.Name).Order(StringComparer.Ordinal), committed);
        foreach (var (name, objects) in deployment.Files)
        {
            var text = File.ReadAllText(Path.Combine(GeneratedDeployment.CommittedFolder, name));
            Assert.True(text == Yaml.Documents(objects), $"deploy/k8s/{name} is not what the app model gives now: run ./platform publish k8s and commit.");
        }
    }

    [Fact]
    public void Every_object_is_valid_for_the_Kubernetes_API_or_its_operator()
    {
        var problems = deployment.Objects.SelectMany(KubernetesSchemas.Problems).ToList();

        Assert.True(problems.Count == 0, string.Join('\n', problems));
        Assert.Equal(["Cluster", "ConfigMap", "Database", "Deployment", "HorizontalPodAutoscaler", "Ingress", "Job", "Permission", "RabbitmqCluster", "Service", "User"],
            deployment.Objects.Select(o => (string)o["kind"]).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_check_refuses_a_misspelt_field_a_wrong_type_and_a_missing_required_field()
    {
        var deploymentObject = deployment.Objects.First(o => (string)o["kind"] == "Deployment");
        var misspelt = Copy(deploymentObject);
        Spec(misspelt)["replica"] = 2;
        var wrongType = Copy(deploymentObject);
        Spec(wrongType)["replicas"] = "two";
        var database = Copy(deployment.Objects.First(o => (string)o["kind"] == "Database"));
        Spec(database).Remove("owner");
        var permission = Copy(deployment.Objects.First(o => (string)o["kind"] == "Permission"));
        Spec(permission).Remove("vhost");

        Assert.NotEmpty(KubernetesSchemas.Problems(misspelt));
        Assert.NotEmpty(KubernetesSchemas.Problems(wrongType));
        Assert.NotEmpty(KubernetesSchemas.Problems(database));
        Assert.NotEmpty(KubernetesSchemas.Problems(permission));
    }

    [Fact]
    public void Each_project_runs_as_a_deployment_probed_on_health_and_alive_behind_a_service_scaled_by_an_autoscaler_or_the_ingress()
    {
        foreach (var project in Projects)
        {
            var objects = deployment.Files.Single(f => f.Name == $"{project}.yaml").Objects.Cast<Dictionary<string, object>>().ToList();
            var container = (Dictionary<string, object>)((List<object>)At(Single(objects, "Deployment"), "spec", "template", "spec")["containers"]).Single();
            Assert.Equal("/health", At(container, "readinessProbe", "httpGet")["path"]);
            Assert.Equal("/alive", At(container, "livenessProbe", "httpGet")["path"]);
            Assert.Equal(project, At(Single(objects, "Service"), "spec", "selector")["app.kubernetes.io/name"]);
            Assert.Single(objects, o => (string)o["kind"] == (project == "gateway" ? "Ingress" : "HorizontalPodAutoscaler"));
        }
    }

    [Fact]
    public void Every_secret_is_a_reference_and_every_service_has_its_own_database_login_and_broker_login()
    {
        var secretSettings = deployment.Manifest.Projects
            .SelectMany(p => p.Environment.Where(e => e.Value.Contains(".connectionString}", StringComparison.Ordinal) || IsSecretParameter(e.Value)).Select(e => (p.Name, e.Name)))
            .ToList();
        Assert.NotEmpty(secretSettings);
        foreach (var (project, name) in secretSettings)
        {
            var objects = deployment.Files.Single(f => f.Name == $"{project}.yaml").Objects.Cast<Dictionary<string, object>>().ToList();
            Assert.False(((Dictionary<string, object>)Single(objects, "ConfigMap")["data"]).ContainsKey(name), $"{project}'s {name} is in its ConfigMap");
            var container = (Dictionary<string, object>)((List<object>)At(Single(objects, "Deployment"), "spec", "template", "spec")["containers"]).Single();
            var entry = ((List<object>)container["env"]).Cast<Dictionary<string, object>>().Single(e => (string)e["name"] == name);
            Assert.True(entry.ContainsKey("valueFrom") || ((string)entry["value"]).Contains("$(", StringComparison.Ordinal), $"{project}'s {name} is written out");
        }

        Assert.DoesNotContain(deployment.Objects, o => (string)o["kind"] == "Secret");
        var logins = deployment.Objects.Where(o => (string)o["kind"] == "Database").Select(o => (string)Spec(o)["owner"]).ToList();
        Assert.Equal(["awardsdb", "eventsdb", "gatewaydb", "notificationsdb", "volunteersdb"], logins.Order(StringComparer.Ordinal));
        // One broker login each for the four services and the gateway (which publishes the account emails).
        Assert.Equal(5, deployment.Objects.Count(o => (string)o["kind"] == "Permission"));
    }

    [Fact]
    public void Each_broker_login_has_the_tags_the_local_broker_gives_it()
    {
        // The local broker tags a consuming service's login "impersonator" (hosting/RabbitMQ/BrokerDefinitions): the
        // manifest says which, and they are exactly the services that consume.
        Assert.Equal(["messaging-awards", "messaging-notifications"], deployment.Manifest.BrokerUsers.Where(u => u.Impersonator).Select(u => u.Resource).Order(StringComparer.Ordinal));
        foreach (var login in deployment.Manifest.BrokerUsers)
        {
            var permission = deployment.Objects.Single(o => (string)o["kind"] == "Permission" && Name(o) == login.Resource);
            var user = deployment.Objects.SingleOrDefault(o => (string)o["kind"] == "User" && Name(o) == login.Resource);
            var job = deployment.Objects.SingleOrDefault(o => (string)o["kind"] == "Job" && Name(o) == $"{login.Resource}-put-login");
            if (login.Impersonator)
            {
                // Not the topology operator's User, which cannot hold the tag and would take it away at each reconcile.
                Assert.Null(user);
                var command = string.Join(' ', ((List<object>)((Dictionary<string, object>)((List<object>)At(Assert.IsType<Dictionary<string, object>>(job), "spec", "template", "spec")["containers"]).Single())["command"]).Cast<string>());
                Assert.Contains("\\\"tags\\\":\\\"impersonator\\\"", command, StringComparison.Ordinal);
                Assert.Contains($"/api/users/{login.User}", command, StringComparison.Ordinal);
                Assert.Equal(login.User, Spec(permission)["user"]);
            }
            else
            {
                Assert.Null(job);
                Assert.False(Spec(Assert.IsType<Dictionary<string, object>>(user)).ContainsKey("tags"), $"{login.Resource} has tags the local broker does not give");
                Assert.Equal(login.Resource, ((Dictionary<string, object>)Spec(permission)["userReference"])["name"]);
            }
        }
    }

    [Fact]
    public void Every_site_pod_reads_one_data_protection_key_ring_from_the_deployers_secret_and_makes_no_keys()
    {
        var objects = deployment.Files.Single(f => f.Name == "web.yaml").Objects.Cast<Dictionary<string, object>>().ToList();
        var config = (Dictionary<string, object>)Single(objects, "ConfigMap")["data"];
        var pod = At(Single(objects, "Deployment"), "spec", "template", "spec");
        var mount = (Dictionary<string, object>)((List<object>)((Dictionary<string, object>)((List<object>)pod["containers"]).Single())["volumeMounts"]).Single();
        var volume = (Dictionary<string, object>)((List<object>)pod["volumes"]).Single();

        Assert.Equal(config["DataProtection__KeysFolder"], mount["mountPath"]);
        Assert.Equal(true, mount["readOnly"]);
        Assert.Equal("false", config["DataProtection__GenerateKeys"]);
        Assert.Equal(mount["name"], volume["name"]);
        Assert.Equal("web-data-protection-keys", At(volume, "secret")["secretName"]);
    }

    private static string Name(Dictionary<string, object> obj) => (string)((Dictionary<string, object>)obj["metadata"])["name"];

    private bool IsSecretParameter(string value) =>
        deployment.Manifest.Parameters.Any(p => p.Value && value == $"{{{p.Key}.value}}");

    private static Dictionary<string, object> Single(List<Dictionary<string, object>> objects, string kind) => objects.Single(o => (string)o["kind"] == kind);

    private static Dictionary<string, object> Spec(Dictionary<string, object> obj) => (Dictionary<string, object>)obj["spec"];

    private static Dictionary<string, object> At(Dictionary<string, object> obj, params string[] keys) =>
        keys.Aggregate(obj, (node, key) => (Dictionary<string, object>)node[key]);

    private static Dictionary<string, object> Copy(Dictionary<string, object> obj) =>
        obj.ToDictionary(e => e.Key, e => e.Value switch
        {
            Dictionary<string, object> d => Copy(d),
            List<object> l => (object)l.Select(i => i is Dictionary<string, object> d ? Copy(d) : i).ToList(),
            var v => v,
        });
}
