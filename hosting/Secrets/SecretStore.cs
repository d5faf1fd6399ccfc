using System.Security.Cryptography;
using System.Text.Json;

namespace Platform.AppHost.Hosting.Secrets;

/// <summary>
/// Generated credentials (broker and database passwords, the internal token key), kept in {data}/secrets.json with
/// mode 0600 so that data kept across runs stays reachable with the same credentials. Without a path they live in
/// memory only (a data folder the AppHost refuses to open is not written to).
/// </summary>
public sealed class SecretStore(string? path)
{
    private readonly Lock _gate = new();
    private Dictionary<string, string>? _values;
    private readonly List<(string Name, string Value)> _toShow = [];

    /// <param name="urlSafe">URL-safe without padding, so a password can sit in an amqp:// URI or a connection
    /// string unescaped; otherwise standard base64 (keys that consumers decode).</param>
    /// <param name="show">A secret a person needs (the first staff password): offered once to the console, the run
    /// that creates it, and never again.</param>
    public string GetOrCreate(string name, int bytes = 24, bool urlSafe = true, bool show = false)
    {
        lock (_gate)
        {
            _values ??= Load();
            if (_values.TryGetValue(name, out var existing)) return existing;
            var value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes));
            if (urlSafe) value = value.Replace('+', '-').Replace('/', '_').TrimEnd('=');
            _values[name] = value;
            Save(_values);
            if (show) _toShow.Add((name, value));
            return value;
        }
    }

    /// <summary>A secret of a shape of its own (a key pair's private half), made by <paramref name="create"/> when missing.</summary>
    public string GetOrCreate(string name, Func<string> create)
    {
        lock (_gate)
        {
            _values ??= Load();
            if (_values.TryGetValue(name, out var existing)) return existing;
            var value = create();
            _values[name] = value;
            Save(_values);
            return value;
        }
    }

    /// <summary>Secrets created by this run that a person must see once; each is handed out a single time.</summary>
    public IReadOnlyList<(string Name, string Value)> TakeNewSecretsToShow()
    {
        lock (_gate)
        {
            var shown = _toShow.ToList();
            _toShow.Clear();
            return shown;
        }
    }

    private Dictionary<string, string> Load() =>
        path is not null && File.Exists(path) ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path)) ?? [] : [];

    private void Save(Dictionary<string, string> values)
    {
        if (path is null) return;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(values, new JsonSerializerOptions { WriteIndented = true }));
        File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(temp, path, overwrite: true);
    }
}
