namespace Platform.Contracts;

/// <summary>
/// A property that carries the secret of a link someone receives by email (a manage, volunteer or check-in token).
/// The publishing service's outbox seals it (messaging/LinkSecrets) before the event is stored or sent, so the outbox
/// table, the broker's queues and error queues and the dashboard only ever hold ciphertext; Notifications, which builds
/// the link, opens it. Put it on the property (<c>[property: LinkSecret]</c> in a positional record) of a string.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class LinkSecretAttribute : Attribute;
