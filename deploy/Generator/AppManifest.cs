using System.Text.Json;
using System.Text.RegularExpressions;

namespace Platform.Deploy;

/// <summary>
/// What the generator reads of Aspire's manifest (<c>--publisher manifest</c>): the projects and their environment,
/// the parameters (secret or not), the databases (connection strings naming their login and database) and the broker
/// logins with their permissions (hosting/RabbitMQ writes them). The servers themselves are local executables here;
/// in a cluster they are the operators' (<see cref="KubernetesFiles"/>), so only their names matter.
/// </summary>
internal sealed partial record AppManifest(
    IReadOnlyList<ProjectEntry> Projects,
    IReadOnlyDictionary<string, bool> Parameters,
    IReadOnlyList<DatabaseEntry> Databases,
    IReadOnlyList<BrokerUserEntry> BrokerUsers,
    IReadOnlySet<string> Values)
{
    public static AppManifest Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        var projects = new List<ProjectEntry>();
        var parameters = new Dictionary<string, bool>();
        var databases = new List<DatabaseEntry>();
        var brokerUsers = new List<BrokerUserEntry>();
        var values = new HashSet<string>();
        foreach (var resource in document.RootElement.GetProperty("resources").EnumerateObject())
        {
            var body = resource.Value;
            switch (body.GetProperty("type").GetString())
            {
                case "project.v0":
                    var env = body.TryGetProperty("env", out var e)
                        ? e.EnumerateObject().Select(p => (p.Name, p.Value.GetString() ?? "")).ToList()
                        : [];
                    projects.Add(new ProjectEntry(resource.Name, env));
                    break;
                case "parameter.v0":
                    var secret = body.TryGetProperty("inputs", out var inputs)
                        && inputs.TryGetProperty("value", out var value)
                        && value.TryGetProperty("secret", out var s) && s.GetBoolean();
                    parameters[resource.Name] = secret;
                    break;
                case "value.v0":
                    values.Add(resource.Name);
                    if (body.TryGetProperty("brokerUser", out var user))
                    {
                        brokerUsers.Add(new BrokerUserEntry(resource.Name, user.GetProperty("name").GetString()!,
                            user.GetProperty("configure").GetString()!, user.GetProperty("write").GetString()!,
                            user.GetProperty("read").GetString()!,
                            user.TryGetProperty("impersonator", out var impersonator) && impersonator.GetBoolean()));
                    }
                    else if (body.TryGetProperty("connectionString", out var cs) && DatabaseLogin().Match(cs.GetString() ?? "") is { Success: true } login)
                    {
                        databases.Add(new DatabaseEntry(resource.Name, login.Groups["user"].Value, login.Groups["database"].Value));
                    }

                    break;
            }
        }

        return new AppManifest(projects, parameters, databases, brokerUsers, values);
    }

    [GeneratedRegex(@"Username=(?<user>[A-Za-z0-9_]+);.*Database=(?<database>[A-Za-z0-9_]+)")]
    private static partial Regex DatabaseLogin();
}

internal sealed record ProjectEntry(string Name, IReadOnlyList<(string Name, string Value)> Environment);

/// <summary>A service's database and the login that owns it (hosting/Postgres: one login per database).</summary>
internal sealed record DatabaseEntry(string Resource, string User, string Database);

/// <summary>
/// A service's broker login, its RabbitMQ permission expressions, and whether it carries the "impersonator" tag (a
/// service that consumes: hosting/RabbitMQ/BrokerPermissions).
/// </summary>
internal sealed record BrokerUserEntry(string Resource, string User, string Configure, string Write, string Read, bool Impersonator);
