using System.Collections.Concurrent;
using System.Text.Json;

namespace Platform.Messaging;

/// <summary>
/// How an event's type is written to and read back from the outbox. The version-less assembly-qualified name
/// survives redeploys; a row whose type no longer exists fails loudly in the relay rather than being dropped.
/// </summary>
internal static class OutboxMessageTypes
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private static readonly ConcurrentDictionary<string, Type> Resolved = new();

    public static string NameOf(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

    public static Type Resolve(string name) => Resolved.GetOrAdd(name, static n =>
        Type.GetType(n, throwOnError: false)
        ?? throw new InvalidOperationException($"Outbox message type '{n}' cannot be loaded by this service."));
}
