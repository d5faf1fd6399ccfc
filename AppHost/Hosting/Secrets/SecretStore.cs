using System.Security.Cryptography;
using System.Text.Json;

namespace Platform.AppHost.Hosting.Secrets;

/// <summary>
/// Generated credentials (broker and database passwords, the internal token key), kept in {data}/secrets.json with
/// mode 0600 so that data kept across runs stays reachable with the same credentials.
/// </summary>
public sealed class SecretStore(string path)
{
    private readonly Lock _gate = new();
    private Dictionary<string, string>? _values;

    /// <param name="urlSafe">URL-safe without padding, so a password can sit in an amqp:// URI or a connection
    /// string unescaped; otherwise standard base64 (keys that consumers decode).</param>
    public string GetOrCreate(string name, int bytes = 24, bool urlSafe = true)
    {
        lock (_gate)
        {
            _values ??= Load();
            if (_values.TryGetValue(name, out var existing)) return existing;
            var value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes));
            if (urlSafe) value = value.Replace('+', '-').Replace('/', '_').TrimEnd('=');
            _values[name] = value;
            Save(_values);
            return value;
        }
    }

    private Dictionary<string, string> Load() =>
        File.Exists(path) ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path)) ?? [] : [];

    private void Save(Dictionary<string, string> values)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(values, new JsonSerializerOptions { WriteIndented = true }));
        File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(temp, path, overwrite: true);
    }
}
