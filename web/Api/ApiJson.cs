using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Web.Api;

/// <summary>The platform's JSON conventions (README, "Conventions every API shares"): web defaults, camelCase enums.</summary>
public static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
