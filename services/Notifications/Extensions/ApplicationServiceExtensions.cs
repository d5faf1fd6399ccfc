using Microsoft.EntityFrameworkCore;
using Platform.Messaging;
using Platform.Notifications.Delivery;
using Platform.Notifications.Infrastructure;
using Platform.Notifications.IntegrationEvents.EventHandling;
using Platform.Notifications.IntegrationEvents.EventHandling.Awards;
using Platform.Notifications.IntegrationEvents.EventHandling.Volunteers;
using Platform.Notifications.Subscriptions;
using Platform.Notifications.Transactional;

namespace Platform.Notifications.Extensions;

internal static class ApplicationServiceExtensions
{
    public const string DatabaseConnectionName = "notificationsdb";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOpenApi();

        services.AddOptions<NotificationsOptions>().BindConfiguration(NotificationsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OfficeOptions>().BindConfiguration(OfficeOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Notifications:Office:TimeZone is not a time zone this machine knows.")
            .ValidateOnStart();

        builder.AddNpgsqlDbContext<NotificationsDbContext>(DatabaseConnectionName);

        services.AddSingleton(SmtpServer.Parse(builder.Configuration.GetConnectionString(SmtpServer.ConnectionStringName)));
        services.AddSingleton<IEmailSender, SmtpEmailSender>();
        services.AddScoped<OnceOnlyDelivery>();
        services.AddSingleton<EmailTemplates>();
        services.AddSingleton<LocalTime>();
        services.AddSingleton<EventsEmails>();
        services.AddSingleton<AwardsEmails>();
        services.AddSingleton<VolunteersEmails>();

        services.AddScoped<SubscriptionRequests>();

        builder.AddMessaging<NotificationsDbContext>(bus =>
        {
            bus.AddConsumer<SendSubscriptionConfirmation>();
            bus.AddConsumer<SendRegistrationConfirmation>();
            bus.AddConsumer<SendWaitlistNotice>();
            bus.AddConsumer<SendPlaceOffer>();
            bus.AddConsumer<SendRegistrationCancellation>();
            bus.AddConsumer<TellRegistrantsOfCancellation>();
            bus.AddConsumer<SendEventCancellation>();
            bus.AddConsumer<TellRegistrantsOfReminder>();
            bus.AddConsumer<SendEventReminder>();
            bus.AddConsumer<SendNominationAcknowledgement>();
            bus.AddConsumer<TellFinalists>();
            bus.AddConsumer<SendFinalistNotice>();
            bus.AddConsumer<SendApplicationAcknowledgement>();
            bus.AddConsumer<SendApplicationStatusChange>();
            bus.AddConsumer<SendMilestoneThanks>();
            bus.AddConsumer<SendReengagement>();
            bus.AddConsumer<SendCheckExpiryReminder>();
            bus.AddConsumer<SendCheckInInvitation>();
        });

        return builder;
    }
}
