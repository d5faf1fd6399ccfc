using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.ServiceDefaults.OpenApi;

internal static class OpenApiExtensions
{
    /// <summary>Every OpenAPI document a service registers (AddOpenApi) states who may call each operation.</summary>
    public static IServiceCollection AddAuthorizationDocumentation(this IServiceCollection services) =>
        services.ConfigureAll<OpenApiOptions>(options => options.AddOperationTransformer<AuthorizationDocumentation>());

    /// <summary>Every paged list's operation describes its page and pageSize with their bounds.</summary>
    public static IServiceCollection AddPagingDocumentation(this IServiceCollection services) =>
        services.ConfigureAll<OpenApiOptions>(options => options.AddOperationTransformer<Paging.PagingDocumentation>());
}
