using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.ServiceDefaults.Text;

/// <summary>
/// The platform's text rule (<see cref="ControlCharacters"/>) wherever a service reads text from a request: JSON
/// bodies as they are read, query parameters and route values before the endpoint runs. Each answers 400
/// ValidationProblem, so nothing with a control character reaches a handler or PostgreSQL.
/// </summary>
public static class TextRulesExtensions
{
    public static IServiceCollection AddPlatformTextRules(this IServiceCollection services) =>
        services
            .ConfigureHttpJsonOptions(json =>
            {
                json.SerializerOptions.Converters.Add(TextJsonConverter.SingleLine);
                json.SerializerOptions.TypeInfoResolver = (json.SerializerOptions.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver())
                    .WithAddedModifier(ReadFreeTextAsMultiLine);
            })
            .ConfigureAll<Microsoft.AspNetCore.OpenApi.OpenApiOptions>(openApi => openApi.AddSchemaTransformer<TextSchemaTransformer>());

    public static WebApplication UsePlatformTextRules(this WebApplication app)
    {
        app.Use(UrlTextCheck.InvokeAsync);
        return app;
    }

    private static void ReadFreeTextAsMultiLine(JsonTypeInfo type)
    {
        foreach (var property in type.Properties)
        {
            if (property.PropertyType == typeof(string) && IsMultiLine(type.Type, property))
            {
                property.CustomConverter = TextJsonConverter.MultiLine;
            }
        }
    }

    private static bool IsMultiLine(Type declaringType, JsonPropertyInfo property)
    {
        if (property.AttributeProvider?.IsDefined(typeof(MultiLineTextAttribute), inherit: true) == true)
        {
            return true;
        }

        // A positional record's attribute stays on its constructor parameter unless written [property: ...].
        var name = (property.AttributeProvider as MemberInfo)?.Name;
        return name is not null && declaringType.GetConstructors()
            .SelectMany(c => c.GetParameters())
            .Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase) && p.IsDefined(typeof(MultiLineTextAttribute), inherit: true));
    }
}
