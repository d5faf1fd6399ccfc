using Microsoft.Extensions.Options;
using Platform.Awards.Infrastructure;
using Platform.Awards.IntegrationEvents.EventHandling;
using Platform.Awards.Results;
using Platform.Messaging;
using Platform.ServiceDefaults.Jobs;

namespace Platform.Awards.Extensions;

internal static class ApplicationServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAuthorizationBuilder().AddAwardsPolicies();
        builder.AddNpgsqlDbContext<AwardsDbContext>("awardsdb");
        builder.AddMessaging<AwardsDbContext>(bus =>
        {
            // The ceremony read model, from the Events service's integration events.
            bus.AddConsumer<RecordPublishedEvent>();
            bus.AddConsumer<RecordChangedEvent>();
            bus.AddConsumer<RecordCancelledEvent>();
            // Volunteers' milestones as suggested nominees.
            bus.AddConsumer<RecordMilestoneSuggestion>();
        });

        builder.Services.AddOptions<AwardsOptions>()
            .BindConfiguration(AwardsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<AwardsOptions>, AwardsOptionsValidator>();

        builder.Services.AddScoped<WinnersAnnouncement>();
        builder.Services.AddPeriodicJob<EmbargoSweeper, AwardsOptions>(o => o.EmbargoSweepInterval);
        return builder;
    }
}
