using Microsoft.Extensions.Options;
using Platform.Events.Contributions;
using Platform.Events.ChangeNotices;
using Platform.Events.Infrastructure;
using Platform.Events.Managing;
using Platform.Events.Organising;
using Platform.Events.Registrations;
using Platform.Events.Reminders;
using Platform.Events.Waitlists;
using Platform.Messaging;
using Platform.ServiceDefaults.Figures;
using Platform.ServiceDefaults.Jobs;

namespace Platform.Events.Extensions;

internal static class ApplicationServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAuthorizationBuilder().AddEventOrganiserPolicy();
        builder.AddNpgsqlDbContext<EventsDbContext>("eventsdb");
        // No consumers: the service only publishes, through its outbox.
        builder.AddMessaging<EventsDbContext>(_ => { });

        builder.Services.AddOptions<EventsOptions>()
            .BindConfiguration(EventsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<EventsOptions>, EventsOptionsValidator>();

        builder.Services.AddAuthorizationBuilder().AddPartnerOrganisationPolicy();
        builder.Services.AddAuthorizationBuilder().AddFiguresReaderPolicy(PartnerFigures.EventFiguresApi.ReadScope);

        builder.Services.AddScoped<ManagedRegistrations>();
        builder.Services.AddScoped<RegistrationChanges>();
        builder.Services.AddScoped<EventLifecycle>();
        builder.Services.AddScoped<WaitlistPromotion>();
        builder.Services.AddScoped<Registrar>();
        builder.Services.AddScoped<EventWaitlistPromotion>();
        builder.Services.AddScoped<UnconfirmedHolds>();
        builder.Services.AddSingleton<WaitlistSignal>();
        builder.Services.AddPeriodicJob<WaitlistPromoter, EventsOptions>(o => o.PromotionInterval).WakenBy<WaitlistSignal>();
        builder.Services.AddPeriodicJob<EventReminders, EventsOptions>(o => o.ReminderInterval);
        builder.Services.AddScoped<ScheduleChanges>();
        builder.Services.AddSingleton<ChangeNoticeSignal>();
        builder.Services.AddPeriodicJob<ChangeNoticeSender, EventsOptions>(o => o.ChangeNoticeInterval).WakenBy<ChangeNoticeSignal>();
        builder.Services.AddPeriodicJob<IdempotencyKeyCleanup>(IdempotencyKeyCleanup.Interval);
        return builder;
    }
}
