using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Platform.AppHost.Hosting.Resources;

namespace Platform.AppHost.Hosting.RabbitMQ;

/// <summary>
/// The broker's logins and their permissions as a definitions file the node imports at every boot (load_definitions):
/// no management plugin and no rabbitmqctl round trips, and a node kept across runs gets the current logins, passwords
/// and permissions each time it starts. Passwords are stored as RabbitMQ's own salted SHA-256 hashes.
/// </summary>
public static class BrokerDefinitions
{
    public const string VirtualHost = "/";

    public static string Json(string adminUser, string adminPassword, IEnumerable<(string User, string Password, BrokerPermissions Permissions)> services)
    {
        var users = new List<object> { User(adminUser, adminPassword, ["administrator"]) };
        var permissions = new List<object> { Permission(adminUser, ".*", ".*", ".*") };
        foreach (var (user, password, granted) in services)
        {
            users.Add(User(user, password, granted.Impersonator ? ["impersonator"] : []));
            permissions.Add(Permission(user, granted.Configure, granted.Write, granted.Read));
        }

        return JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["users"] = users,
            ["vhosts"] = new[] { new Dictionary<string, object> { ["name"] = VirtualHost } },
            ["permissions"] = permissions,
        }, new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>rabbit_password_hashing_sha256: base64(salt ‖ SHA-256(salt ‖ UTF-8 password)) with a 4-byte salt.</summary>
    public static string PasswordHash(string password, byte[]? salt = null)
    {
        salt ??= RandomNumberGenerator.GetBytes(4);
        var hash = SHA256.HashData([.. salt, .. Encoding.UTF8.GetBytes(password)]);
        return Convert.ToBase64String([.. salt, .. hash]);
    }

    private static Dictionary<string, object> User(string name, string password, string[] tags) => new()
    {
        ["name"] = name,
        ["password_hash"] = PasswordHash(password),
        ["hashing_algorithm"] = "rabbit_password_hashing_sha256",
        ["tags"] = tags,
    };

    private static Dictionary<string, object> Permission(string user, string configure, string write, string read) => new()
    {
        ["user"] = user,
        ["vhost"] = VirtualHost,
        ["configure"] = configure,
        ["write"] = write,
        ["read"] = read,
    };
}
