using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Platform.AppHost.Hosting;

public static class GeneratedParameterExtensions
{
    /// <summary>
    /// A secret Aspire parameter whose value is generated on the first run and kept in the data folder's secrets.json,
    /// because the data only opens with the credentials it was created with (Aspire would keep it in the AppHost's
    /// user secrets, one set per machine, not per data folder). In the deployment manifest it is a generated input.
    /// </summary>
    /// <param name="bytes">Random bytes, given as standard base64 (a key that consumers decode).</param>
    /// <param name="showOnce">A secret a person needs (the first staff password): printed by the run that creates it.</param>
    /// <param name="urlSafe">URL-safe base64 without padding, so a password can sit unescaped in a URI or connection
    /// string (always so for a password a person types).</param>
    public static IResourceBuilder<ParameterResource> AddGeneratedParameter(this IDistributedApplicationBuilder builder, string name,
        int bytes = 32, bool showOnce = false, bool urlSafe = false)
    {
        if (builder.ExecutionContext.IsRunMode)
        {
            var key = $"Parameters:{name}";
            builder.Configuration[key] ??= builder.GetDataFolder().Secrets.GetOrCreate(name, bytes, urlSafe: urlSafe || showOnce, show: showOnce);
        }
        return builder.AddParameter(name, new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true);
    }
}
