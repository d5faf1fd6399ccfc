using Platform.AppHost.Hosting.Secrets;

namespace Platform.AppHost.Tests;

public sealed class SecretStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("secrets-").FullName;

    [Fact]
    public void A_secret_is_generated_once_kept_across_instances_and_readable_only_by_its_owner()
    {
        var path = Path.Combine(_folder, "secrets.json");
        var first = new SecretStore(path).GetOrCreate("messaging-password");
        var again = new SecretStore(path).GetOrCreate("messaging-password");
        var other = new SecretStore(path).GetOrCreate("postgres-password");

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public void The_internal_token_key_pair_is_made_once_and_kept_its_private_half_a_p256_key()
    {
        var path = Path.Combine(_folder, "secrets.json");
        var made = 0;
        string Create() { made++; return Platform.ServiceDefaults.Identity.InternalTokenKeys.NewPair().PrivateKey; }

        var first = new SecretStore(path).GetOrCreate("internal-token-key-private", Create);
        var again = new SecretStore(path).GetOrCreate("internal-token-key-private", Create);

        Assert.Equal(first, again);
        Assert.Equal(1, made);
        Assert.NotNull(Platform.ServiceDefaults.Identity.InternalTokenKeys.TryPublicKeyOf(first));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public void Passwords_are_uri_safe_and_keys_are_standard_base64_of_the_asked_size()
    {
        var store = new SecretStore(Path.Combine(_folder, "secrets.json"));
        var password = store.GetOrCreate("password");
        Assert.DoesNotContain(password, c => c is '+' or '/' or '=' or ':' or '@');

        var key = store.GetOrCreate("key", bytes: 32, urlSafe: false);
        Assert.Equal(32, Convert.FromBase64String(key).Length);
    }

    [Fact]
    public void A_secret_a_person_needs_is_offered_once_by_the_run_that_creates_it()
    {
        var path = Path.Combine(_folder, "secrets.json");
        var creating = new SecretStore(path);
        var password = creating.GetOrCreate("gateway-staff-password", show: true);
        creating.GetOrCreate("internal-key");

        Assert.Equal([("gateway-staff-password", password)], creating.TakeNewSecretsToShow());
        Assert.Empty(creating.TakeNewSecretsToShow());

        var nextRun = new SecretStore(path);
        Assert.Equal(password, nextRun.GetOrCreate("gateway-staff-password", show: true));
        Assert.Empty(nextRun.TakeNewSecretsToShow());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
