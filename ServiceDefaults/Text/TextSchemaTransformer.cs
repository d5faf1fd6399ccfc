using System.Reflection;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Platform.ServiceDefaults.Text;

/// <summary>
/// The OpenAPI generator knows nothing of a type read by a custom converter and would describe every string as
/// "anything" ({}), because <see cref="TextJsonConverter"/> reads them all. This puts back what the text is: a string,
/// or null too where the property is nullable.
/// </summary>
internal sealed class TextSchemaTransformer : IOpenApiSchemaTransformer
{
    private readonly NullabilityInfoContext _nullability = new();

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type == typeof(string) && schema.Type is null)
        {
            schema.Type = IsNullable(context.JsonPropertyInfo) ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
        }

        return Task.CompletedTask;
    }

    private bool IsNullable(System.Text.Json.Serialization.Metadata.JsonPropertyInfo? property)
    {
        lock (_nullability)
        {
            return property?.AttributeProvider switch
            {
                PropertyInfo p => _nullability.Create(p).WriteState != NullabilityState.NotNull,
                FieldInfo f => _nullability.Create(f).WriteState != NullabilityState.NotNull,
                _ => false,
            };
        }
    }
}
