using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Messaging;

/// <summary>
/// Link secrets (manage, volunteer and check-in tokens: every property whose name ends in "Token") leave a sent row's
/// body. The row only needs them until the broker has the message; after that they would sit in clear in the database
/// for the whole retention period, where the owning service itself keeps no more than their hashes.
/// </summary>
internal static class OutboxSecrets
{
    public const string Redacted = "[redacted]";

    public static string Redact(string body)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return body;
        }

        return RedactNode(root) ? root!.ToJsonString(OutboxMessageTypes.JsonOptions) : body;
    }

    private static bool RedactNode(JsonNode? node)
    {
        var changed = false;
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    if (name.EndsWith("Token", StringComparison.OrdinalIgnoreCase) && value is JsonValue)
                    {
                        obj[name] = Redacted;
                        changed = true;
                    }
                    else
                    {
                        changed |= RedactNode(value);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array) changed |= RedactNode(item);
                break;
        }

        return changed;
    }
}
