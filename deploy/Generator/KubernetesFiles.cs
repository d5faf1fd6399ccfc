using System.Globalization;
using System.Text.RegularExpressions;

namespace Platform.Deploy;

/// <summary>
/// The app model as Kubernetes objects, one file per project plus one per server:
/// <list type="bullet">
/// <item>each project: a ConfigMap of its plain settings, a Deployment (probes on /health and /alive, secrets only as
/// references), a Service, and a HorizontalPodAutoscaler; the gateway a fixed count (its rate limits are divided among
/// its replicas: gateway/RateLimits) and an Ingress;</item>
/// <item>PostgreSQL as a CloudNativePG Cluster with a login (managed role) and a Database per service;</item>
/// <item>RabbitMQ as a RabbitMQ Cluster Operator RabbitmqCluster with a User and a Permission per service
/// (the messaging topology operator), the permissions and tags the local broker gives (hosting/RabbitMQ); a login
/// with the impersonator tag is put by a Job instead of a User (<see cref="ImpersonatorLoginJob"/>).</item>
/// </list>
/// Passwords and keys live in Secrets the deployer creates (README); the files only name them.
/// </summary>
internal static partial class KubernetesFiles
{
    public const string PostgresCluster = "platform-postgres";
    public const string BrokerCluster = "platform-rabbitmq";
    public const string ParametersSecret = "platform-parameters";
    public const string ConnectionsSecret = "platform-connections";
    public const string TlsSecret = "platform-tls";
    public const string SiteKeysSecret = "web-data-protection-keys";
    private const string Gateway = "gateway";
    private const string Site = "web";
    private const string SiteKeysFolder = "/keys";
    private const int ContainerPort = 8080;

    public static IReadOnlyList<(string Name, IReadOnlyList<object> Objects)> From(AppManifest manifest, DeploySettings settings)
    {
        var files = new List<(string, IReadOnlyList<object>)>
        {
            ("postgres.yaml", Postgres(manifest)),
            ("rabbitmq.yaml", RabbitMQ(manifest)),
        };
        foreach (var project in manifest.Projects.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            files.Add(($"{project.Name}.yaml", Project(project, manifest, settings)));
        }

        return files;
    }

    private static List<object> Postgres(AppManifest manifest)
    {
        var objects = new List<object>
        {
            Obj("postgresql.cnpg.io/v1", "Cluster", PostgresCluster, Map(
                ("instances", 3),
                ("storage", Map(("size", "20Gi"))),
                // One login per service, owning its database and nothing else (as hosting/Postgres makes them).
                ("managed", Map(("roles", manifest.Databases.Select(d => Map(
                    ("name", d.User),
                    ("ensure", "present"),
                    ("login", true),
                    ("passwordSecret", Map(("name", LoginSecret(d.Resource)))))).ToList()))))),
        };
        objects.AddRange(manifest.Databases.Select(d => Obj("postgresql.cnpg.io/v1", "Database", d.Resource, Map(
            ("name", d.Database),
            ("owner", d.User),
            ("cluster", Map(("name", PostgresCluster)))))));
        return objects;
    }

    private static List<object> RabbitMQ(AppManifest manifest)
    {
        var objects = new List<object> { Obj("rabbitmq.com/v1beta1", "RabbitmqCluster", BrokerCluster, Map(("replicas", 3))) };
        foreach (var user in manifest.BrokerUsers)
        {
            objects.Add(user.Impersonator
                ? ImpersonatorLoginJob(user)
                : Obj("rabbitmq.com/v1beta1", "User", user.Resource, Map(
                    ("rabbitmqClusterReference", Map(("name", BrokerCluster))),
                    ("importCredentialsSecret", Map(("name", LoginSecret(user.Resource)))))));
            objects.Add(Obj("rabbitmq.com/v1beta1", "Permission", user.Resource, Map(
                ("vhost", "/"),
                user.Impersonator ? ("user", (object)user.User) : ("userReference", Map(("name", user.Resource))),
                ("permissions", Map(("configure", user.Configure), ("write", user.Write), ("read", user.Read))),
                ("rabbitmqClusterReference", Map(("name", BrokerCluster))))));
        }

        return objects;
    }

    /// <summary>
    /// A consuming service's login with the "impersonator" tag the local broker gives it (it moves a failed message,
    /// with its publisher's validated user_id, to its error queue and back: hosting/RabbitMQ/BrokerPermissions). The
    /// topology operator's User cannot carry that tag (its tags are the four management ones) and writes its own tags
    /// back at every reconcile, so this login is put by a Job through the broker's management API instead, with the
    /// cluster operator's default user and the login's Secret; nothing resets it afterwards. The Job retries until the
    /// broker answers; after changing the password, delete the Job and apply again.
    /// </summary>
    private static Dictionary<string, object> ImpersonatorLoginJob(BrokerUserEntry user)
    {
        var admin = $"{BrokerCluster}-default-user";   // the cluster operator's Secret for its default user
        var put = $$"""curl -fsS -u "$ADMIN_USER:$ADMIN_PASSWORD" -X PUT -H 'content-type: application/json' -d "{\"password\":\"$PASSWORD\",\"tags\":\"impersonator\"}" http://{{BrokerCluster}}:15672/api/users/{{user.User}}""";
        var container = Map(
            ("name", "put-login"),
            ("image", "curlimages/curl:8.11.1"),
            ("command", new List<object> { "sh", "-c", put }),
            ("env", new List<object>
            {
                FromSecret("ADMIN_USER", admin, "username"),
                FromSecret("ADMIN_PASSWORD", admin, "password"),
                FromSecret("PASSWORD", LoginSecret(user.Resource), "password"),
            }),
            ("securityContext", Map(("runAsNonRoot", true), ("allowPrivilegeEscalation", false))));
        return Obj("batch/v1", "Job", $"{user.Resource}-put-login", Map(
            ("backoffLimit", 20),
            ("template", Map(("spec", Map(("restartPolicy", "OnFailure"), ("containers", new List<object> { container })))))));
    }

    private static List<object> Project(ProjectEntry project, AppManifest manifest, DeploySettings settings)
    {
        var config = new Dictionary<string, object>();
        var env = new List<object>();
        foreach (var (name, value) in project.Environment)
        {
            Resolve(project.Name, name, value, manifest, settings, config, env);
        }

        // Telemetry names each process as the AppHost does when it runs them.
        config.TryAdd("OTEL_SERVICE_NAME", project.Name);
        var container = Container(project.Name, env, settings);
        var pod = Map(("containers", new List<object> { container }));
        if (project.Name == Site)
        {
            // Every pod signs forms with one Data Protection key ring (web/Site/SiteKeys): the deployer's Secret, read-only,
            // so no pod makes a key the others lack.
            config["DataProtection__KeysFolder"] = SiteKeysFolder;
            config["DataProtection__GenerateKeys"] = "false";
            container["volumeMounts"] = new List<object> { Map(("name", "data-protection-keys"), ("mountPath", SiteKeysFolder), ("readOnly", true)) };
            pod["volumes"] = new List<object> { Map(("name", "data-protection-keys"), ("secret", Map(("secretName", SiteKeysSecret)))) };
        }

        var labels = Map(("app.kubernetes.io/name", project.Name), ("app.kubernetes.io/part-of", "platform"));
        var replicas = project.Name == Gateway ? settings.GatewayReplicas : 2;
        var objects = new List<object>
        {
            new Dictionary<string, object>
            {
                ["apiVersion"] = "v1",
                ["kind"] = "ConfigMap",
                ["metadata"] = Map(("name", $"{project.Name}-config"), ("labels", labels)),
                ["data"] = config,
            },
            Obj("apps/v1", "Deployment", project.Name, Map(
                ("replicas", replicas),
                ("selector", Map(("matchLabels", Map(("app.kubernetes.io/name", project.Name))))),
                ("template", Map(
                    ("metadata", Map(("labels", labels))),
                    ("spec", pod)))), labels),
            Obj("v1", "Service", project.Name, Map(
                ("selector", Map(("app.kubernetes.io/name", project.Name))),
                ("ports", new List<object> { Map(("name", "http"), ("port", 80), ("targetPort", "http")) })), labels),
        };

        if (project.Name == Gateway)
        {
            objects.Add(Obj("networking.k8s.io/v1", "Ingress", project.Name, Map(
                ("tls", new List<object> { Map(("hosts", new List<object> { settings.Host }), ("secretName", TlsSecret)) }),
                ("rules", new List<object>
                {
                    Map(("host", settings.Host), ("http", Map(("paths", new List<object>
                    {
                        Map(("path", "/"), ("pathType", "Prefix"), ("backend", Map(("service", Map(("name", project.Name), ("port", Map(("name", "http"))))))))
                    })))),
                })), labels));
        }
        else
        {
            objects.Add(Obj("autoscaling/v2", "HorizontalPodAutoscaler", project.Name, Map(
                ("scaleTargetRef", Map(("apiVersion", "apps/v1"), ("kind", "Deployment"), ("name", project.Name))),
                ("minReplicas", replicas),
                ("maxReplicas", 10),
                ("metrics", new List<object>
                {
                    Map(("type", "Resource"), ("resource", Map(("name", "cpu"), ("target", Map(("type", "Utilization"), ("averageUtilization", 70)))))),
                })), labels));
        }

        return objects;
    }

    private static Dictionary<string, object> Container(string name, List<object> env, DeploySettings settings)
    {
        Dictionary<string, object> Probe(string path, int period, int failures) => Map(
            ("httpGet", Map(("path", path), ("port", "http"))),
            ("periodSeconds", period),
            ("failureThreshold", failures));

        var container = Map(
            ("name", name),
            ("image", $"{settings.Registry}/{name}:{settings.Tag}"),
            ("ports", new List<object> { Map(("name", "http"), ("containerPort", ContainerPort)) }),
            ("envFrom", new List<object> { Map(("configMapRef", Map(("name", $"{name}-config")))) }),
            // Migrations run at start (EF Core's migration lock keeps replicas from running them twice): up to five minutes.
            ("startupProbe", Probe("/alive", 5, 60)),
            ("livenessProbe", Probe("/alive", 10, 3)),
            // /health includes the database and broker: a replica that cannot reach them gets no traffic.
            ("readinessProbe", Probe("/health", 10, 3)),
            ("resources", Map(("requests", Map(("cpu", "100m"), ("memory", "256Mi"))), ("limits", Map(("memory", "512Mi"))))),
            ("securityContext", Map(("runAsNonRoot", true), ("allowPrivilegeEscalation", false))));
        if (env.Count > 0) container["env"] = env;
        return container;
    }

    /// <summary>
    /// One environment variable of the app model: plain values go to the ConfigMap; parameters, connection strings and
    /// anything holding a password become references to Secrets (a password into a connection string by Kubernetes'
    /// own <c>$(VAR)</c> expansion, so the Secret holds only the password the operator's login also uses).
    /// </summary>
    private static void Resolve(string project, string name, string value, AppManifest manifest, DeploySettings settings,
        Dictionary<string, object> config, List<object> env)
    {
        switch (name)
        {
            case "ASPNETCORE_ENVIRONMENT":
                config[name] = "Production";
                return;
            case "HTTP_PORTS":
                config[name] = ContainerPort.ToString(CultureInfo.InvariantCulture);
                return;
            case "RateLimits__Replicas":
                config[name] = settings.GatewayReplicas.ToString(CultureInfo.InvariantCulture);
                return;
        }

        var whole = Placeholder().Match(value);
        if (!Placeholder().IsMatch(value))
        {
            config[name] = value;
        }
        else if (whole.Success && whole.Length == value.Length)
        {
            var (resource, property) = (whole.Groups["resource"].Value, whole.Groups["property"].Value);
            switch (property)
            {
                case "value" when manifest.Parameters.TryGetValue(resource, out var secret):
                    env.Add(secret ? FromSecret(name, ParametersSecret, resource) : FromConfigMap(name, ParametersSecret, resource));
                    break;
                case "bindings.http.url":
                    // Addresses told to people (links in emails) are the public host's; the rest are in-cluster Services.
                    config[name] = name.EndsWith("PublicBaseUrl", StringComparison.Ordinal) ? $"https://{settings.Host}" : $"http://{resource}";
                    break;
                case "bindings.http.targetPort":
                    config[name] = ContainerPort.ToString(CultureInfo.InvariantCulture);
                    break;
                case "connectionString" when manifest.Databases.FirstOrDefault(d => d.Resource == resource) is { } database:
                    env.Add(FromSecret(PasswordVariable(resource), LoginSecret(resource), "password"));
                    env.Add(Map(("name", name), ("value",
                        $"Host={PostgresCluster}-rw;Port=5432;Username={database.User};Password=$({PasswordVariable(resource)});Database={database.Database}")));
                    break;
                case "connectionString" when manifest.BrokerUsers.FirstOrDefault(u => u.Resource == resource) is { } user:
                    env.Add(FromSecret(PasswordVariable(resource), LoginSecret(resource), "password"));
                    env.Add(Map(("name", name), ("value", $"amqp://{user.User}:$({PasswordVariable(resource)})@{BrokerCluster}:5672")));
                    break;
                case "connectionString":
                    // A server the cluster provides (the mail relay): the deployer's connection string.
                    env.Add(FromSecret(name, ConnectionsSecret, resource));
                    break;
                default:
                    throw new InvalidOperationException($"{project}: {name} = {value} has no Kubernetes form yet.");
            }
        }
        else
        {
            throw new InvalidOperationException($"{project}: {name} = {value} mixes text and references; the generator knows no Kubernetes form for it.");
        }
    }

    /// <summary>The Secret holding a login's password (kubernetes.io/basic-auth: username and password), read by the
    /// operator that creates the login and by the service that uses it.</summary>
    public static string LoginSecret(string resource) => $"{resource}-login";

    private static string PasswordVariable(string resource) => resource.ToUpperInvariant().Replace('-', '_') + "_PASSWORD";

    private static Dictionary<string, object> FromSecret(string name, string secret, string key) =>
        Map(("name", name), ("valueFrom", Map(("secretKeyRef", Map(("name", secret), ("key", key))))));

    private static Dictionary<string, object> FromConfigMap(string name, string configMap, string key) =>
        Map(("name", name), ("valueFrom", Map(("configMapKeyRef", Map(("name", configMap), ("key", key))))));

    private static Dictionary<string, object> Obj(string apiVersion, string kind, string name, Dictionary<string, object> spec, Dictionary<string, object>? labels = null) =>
        new()
        {
            ["apiVersion"] = apiVersion,
            ["kind"] = kind,
            ["metadata"] = labels is null ? Map(("name", name)) : Map(("name", name), ("labels", labels)),
            ["spec"] = spec,
        };

    private static Dictionary<string, object> Map(params (string Key, object Value)[] entries) => entries.ToDictionary(e => e.Key, e => e.Value);

    [GeneratedRegex(@"\{(?<resource>[a-z0-9-]+)\.(?<property>[A-Za-z.]+)\}")]
    private static partial Regex Placeholder();
}
