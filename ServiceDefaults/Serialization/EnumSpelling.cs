using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.ServiceDefaults.Serialization;

/// <summary>
/// The one spelling of enum values in every service's JSON and query strings: camelCase ("roadSafety", "weekends",
/// "conference"), as Notifications' lower-case words ("news", "immediately") already were. Reading ignores case, so
/// the PascalCase the services wrote before ("RoadSafety") is still accepted from clients that have not moved on.
/// Integration events and stored values are untouched: they are written with their own serializers.
/// </summary>
public static class EnumSpelling
{
    public static readonly JsonNamingPolicy Policy = JsonNamingPolicy.CamelCase;

    /// <summary>How <paramref name="value"/> is spelled in JSON, for the few places that put an enum into a string.</summary>
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum => Policy.ConvertName(value.ToString());

    /// <summary>Every value of <typeparamref name="TEnum"/> as JSON spells it, for error messages that list them.</summary>
    public static IReadOnlyList<string> Names<TEnum>() where TEnum : struct, Enum => [.. Enum.GetNames<TEnum>().Select(Policy.ConvertName)];

    internal static IServiceCollection AddPlatformJsonConventions(this IServiceCollection services) =>
        services.Configure<JsonOptions>(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(Policy)));
}
