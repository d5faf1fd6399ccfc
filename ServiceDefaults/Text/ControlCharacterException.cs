using System.Text.Json;

namespace Platform.ServiceDefaults.Text;

/// <summary>
/// A JSON string the text rules refuse. A JsonException, so the serializer adds the property's path and minimal APIs
/// report it as a bad request; its own type lets the bad-request handler answer with the field named.
/// </summary>
public sealed class ControlCharacterException(string message) : JsonException(message);
