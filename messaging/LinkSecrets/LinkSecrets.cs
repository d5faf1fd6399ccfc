using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Extensions.Options;
using Platform.Contracts;

namespace Platform.Messaging;

/// <summary>
/// Seals and opens the link secrets of an integration event (its <see cref="LinkSecretAttribute"/> properties) with the
/// keys of <see cref="LinkSecretOptions"/>. The outbox seals every event it stores; the service that builds the link
/// (Notifications) opens the event it consumed. Each returns a copy: the event given is left as it was.
/// </summary>
public sealed class LinkSecrets
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> SecretProperties = new();
    private readonly Dictionary<string, byte[]> _keys;
    private readonly string? _sealWith;

    public LinkSecrets(IOptions<LinkSecretOptions> options)
    {
        _keys = options.Value.Keys.ToDictionary(k => k.Key, k => Convert.FromBase64String(k.Value), StringComparer.Ordinal);
        _sealWith = options.Value.SealWith;
    }

    /// <summary>True when <paramref name="type"/> has link secrets to seal or open.</summary>
    public static bool Carries(Type type) => PropertiesOf(type).Length > 0;

    /// <summary>The event with its link secrets sealed under this service's key (<see cref="LinkSecretOptions.SealWith"/>).</summary>
    public T Seal<T>(T message) where T : IntegrationEvent
    {
        if (!Carries(message.GetType())) return message;
        return Seal(message, _sealWith ?? throw new InvalidOperationException(
            $"{message.GetType().Name} carries link secrets and {LinkSecretOptions.SectionName}:SealWith is not set."));
    }

    /// <summary>The event with its link secrets sealed under the named key (the outbox uses its own; tests act as another service).</summary>
    public T Seal<T>(T message, string keyId) where T : IntegrationEvent
    {
        var type = message.GetType();
        var key = KeyFor(type, keyId) ?? throw new InvalidOperationException($"Key '{keyId}' is not held, or is not one {PublisherCheck.OwnerOf(type)} may seal {type.Name} with.");
        return Map(message, (property, value) => LinkSecretFormat.Seal(value, keyId, key, type, message.EventId, property.Name));
    }

    /// <summary>The event with its link secrets in clear.</summary>
    /// <exception cref="LinkSecretRefusedException">A secret that is not sealed, or not for this event's type, field and id under a key held here.</exception>
    public T Open<T>(T message) where T : IntegrationEvent
    {
        var type = message.GetType();
        return Map(message, (property, value) => LinkSecretFormat.Open(value, id => KeyFor(type, id), type, message.EventId, property.Name));
    }

    /// <summary>Only a key of the service that owns the type: Volunteers' key opens nothing in an Events event.</summary>
    private byte[]? KeyFor(Type messageType, string keyId) =>
        LinkSecretOptions.OwnerOf(keyId) == PublisherCheck.OwnerOf(messageType) ? _keys.GetValueOrDefault(keyId) : null;

    private static T Map<T>(T message, Func<PropertyInfo, string, string> change) where T : IntegrationEvent
    {
        var properties = PropertiesOf(message.GetType());
        if (properties.Length == 0) return message;
        var copy = (T)Clone(message);
        foreach (var property in properties)
        {
            if (property.GetValue(copy) is string value) property.SetValue(copy, change(property, value));
        }

        return copy;
    }

    // A record's compiler-made copy: every property, including those of a derived type, without a constructor call.
    private static object Clone(object message) =>
        message.GetType().GetMethod("<Clone>$", BindingFlags.Public | BindingFlags.Instance)!.Invoke(message, null)!;

    private static PropertyInfo[] PropertiesOf(Type type) => SecretProperties.GetOrAdd(type, static t =>
        t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.IsDefined(typeof(LinkSecretAttribute), inherit: true))
            .Select(p => p.PropertyType == typeof(string) && p.CanWrite ? p
                : throw new InvalidOperationException($"{t.Name}.{p.Name} is a [LinkSecret] but not a settable string."))
            .ToArray());
}
