using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Platform.ServiceDefaults.Identity;

namespace Platform.AppHost.Hosting;

public static class GeneratedKeyPairExtensions
{
    /// <summary>
    /// The internal token's ES256 key pair, generated on the first run and kept with the data folder's other generated
    /// secrets (secrets.json): only the private half is stored, and the public half derived from it at each start. Two
    /// parameters: <c>{name}-private</c> (secret, for the one process that signs) and <c>{name}-public</c> (for every
    /// process that validates). In the deployment manifest both are inputs the deployer supplies (Aspire's generated
    /// inputs are random strings, not key pairs).
    /// </summary>
    public static (IResourceBuilder<ParameterResource> Private, IResourceBuilder<ParameterResource> Public) AddGeneratedKeyPair(
        this IDistributedApplicationBuilder builder, string name)
    {
        var privateName = $"{name}-private";
        var publicName = $"{name}-public";
        if (builder.ExecutionContext.IsRunMode)
        {
            var privateKey = builder.Configuration[$"Parameters:{privateName}"] ??=
                builder.GetDataFolder().Secrets.GetOrCreate(privateName, () => InternalTokenKeys.NewPair().PrivateKey);
            builder.Configuration[$"Parameters:{publicName}"] ??= InternalTokenKeys.TryPublicKeyOf(privateKey)
                ?? throw new PlatformSetupException($"The parameter {privateName} is not a P-256 private key (base64 PKCS#8); remove it from secrets.json to have a new pair made.");
        }

        return (builder.AddParameter(privateName, secret: true), builder.AddParameter(publicName));
    }
}
