using Platform.ServiceDefaults.ReferenceData;

namespace Platform.Gateway.ReferenceData;

/// <summary>The county's districts, the one list every service accepts (ServiceDefaults' <see cref="DistrictOptions"/>).</summary>
public sealed record DistrictList(IReadOnlyList<string> Districts);

/// <summary>
/// Reference data a client needs before it can fill in a form, served by the gateway itself: it reads the same
/// configuration as the services, and no one service owns the list.
/// </summary>
internal static class ReferenceDataApi
{
    public static IEndpointRouteBuilder MapReferenceDataApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/reference").WithTags("Reference data").AllowAnonymous();
        group.MapGet("/districts", (Districts districts) => TypedResults.Ok(new DistrictList(districts.Names)))
            .WithName("ListDistricts")
            .WithSummary("The county's districts: the values every district field and filter accepts");
        return app;
    }
}
