using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Platform.ServiceDefaults.Paging;

/// <summary>
/// Describes <c>page</c> and <c>pageSize</c> with their bounds on every paged list's operation. The PageRequest binds
/// itself from the query string, which API Explorer cannot see into, so the document would otherwise show neither.
/// </summary>
internal sealed class PagingDocumentation : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<PagedListMetadata>().FirstOrDefault() is not { } paged)
            return Task.CompletedTask;

        operation.Parameters ??= [];
        foreach (var stale in operation.Parameters.Where(p => p.Name is "page" or "pageSize" || p.Name == paged.ParameterName).ToList())
            operation.Parameters.Remove(stale);
        operation.Parameters.Add(Parameter("page", "The page, from 1.", 1, PageRequest.MaxPage, 1));
        operation.Parameters.Add(Parameter("pageSize", "Items per page.", 1, PageRequest.MaxPageSize, PageRequest.DefaultPageSize));
        return Task.CompletedTask;
    }

    private static OpenApiParameter Parameter(string name, string description, int min, int max, int fallback) => new()
    {
        Name = name,
        In = ParameterLocation.Query,
        Description = $"{description} {min} to {max}; beyond them, 400.",
        Schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Integer,
            Format = "int32",
            Minimum = min.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Maximum = max.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Default = JsonValue.Create(fallback),
        },
    };
}
