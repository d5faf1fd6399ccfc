using Microsoft.Extensions.Options;
using Platform.Events.Infrastructure;
using Platform.Events.Managing;
using Platform.Events.Registrations;
using Platform.Events.Reminders;
using Platform.Events.Waitlists;
using Platform.Messaging;

namespace Platform.Events.Extensions;

internal static class ApplicationServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<EventsDbContext>("eventsdb");
        // No consumers: the service only publishes, through its outbox.
        builder.AddMessaging<EventsDbContext>(_ => { });

        builder.Services.AddOptions<EventsOptions>()
            .BindConfiguration(EventsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<EventsOptions>, EventsOptionsValidator>();

        builder.Services.AddScoped<ManagedRegistrations>();
        builder.Services.AddScoped<RegistrationChanges>();
        builder.Services.AddScoped<WaitlistPromotion>();
        builder.Services.AddScoped<UnconfirmedHolds>();
        builder.Services.AddSingleton<WaitlistSignal>();
        builder.Services.AddHostedService<WaitlistPromoter>();
        builder.Services.AddScoped<EventReminders>();
        builder.Services.AddHostedService<ReminderScheduler>();
        builder.Services.AddHostedService<IdempotencyKeyCleanup>();
        return builder;
    }
}
