using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Platform.ServiceDefaults.ReferenceData;

internal static class ReferenceDataExtensions
{
    /// <summary>The one list of districts (<see cref="DistrictOptions"/>), validated at start, as <see cref="Districts"/>.</summary>
    public static IServiceCollection AddPlatformReferenceData(this IServiceCollection services)
    {
        services.AddOptions<DistrictOptions>().BindConfiguration(DistrictOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IPostConfigureOptions<DistrictOptions>, DistrictOptionsDefaults>();
        services.AddSingleton<IValidateOptions<DistrictOptions>, DistrictOptionsValidator>();
        services.AddSingleton<Districts>();
        return services;
    }
}
