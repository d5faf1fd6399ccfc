using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Platform.Messaging;
using Platform.Notifications.DataProtection;
using Platform.Notifications.Delivery;
using Platform.Notifications.Digests;
using Platform.Notifications.Infrastructure;
using Platform.Notifications.IntegrationEvents.EventHandling;
using Platform.Notifications.IntegrationEvents.EventHandling.Accounts;
using Platform.Notifications.IntegrationEvents.EventHandling.Alerts;
using Platform.Notifications.IntegrationEvents.EventHandling.Awards;
using Platform.Notifications.IntegrationEvents.EventHandling.Volunteers;
using Platform.Notifications.IntegrationEvents.EventHandling.Webhooks;
using Platform.Notifications.News;
using Platform.Notifications.Reports;
using Platform.Notifications.Subscriptions;
using Platform.Notifications.Transactional;
using Platform.Notifications.Webhooks;
using Platform.ServiceDefaults.Jobs;

namespace Platform.Notifications.Extensions;

internal static class ApplicationServiceExtensions
{
    public const string DatabaseConnectionName = "notificationsdb";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<NotificationsOptions>().BindConfiguration(NotificationsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => !o.FromName.AsSpan().ContainsAny('\r', '\n'), "Notifications:Mail:FromName must be one line.")
            .Validate(o => Enum.IsDefined(o.Security), "Notifications:Mail:Security is not a MailKit SecureSocketOptions value.")
            .Validate(o => string.IsNullOrEmpty(o.UserName) == string.IsNullOrEmpty(o.Password),
                "Notifications:Mail:UserName and Password go together.")
            .Validate(o => string.IsNullOrEmpty(o.UserName) || o.Security is SecureSocketOptions.StartTls or SecureSocketOptions.SslOnConnect,
                "Notifications:Mail:UserName needs Security StartTls or SslOnConnect, so the password never crosses the network in clear.")
            .ValidateOnStart();
        services.AddOptions<DeliveryOptions>().BindConfiguration(DeliveryOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DigestOptions>().BindConfiguration(DigestOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => Enum.IsDefined(o.WeeklyOn), "Notifications:Digests:WeeklyOn is not a day of the week.")
            .ValidateOnStart();
        services.AddOptions<OfficeOptions>().BindConfiguration(OfficeOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Notifications:Office:TimeZone is not a time zone this machine knows.")
            .ValidateOnStart();

        builder.AddNpgsqlDbContext<NotificationsDbContext>(DatabaseConnectionName);

        // Delivery: a durable queue in the database, drained by the sender with retry, circuit breaker and rate.
        services.AddSingleton(SmtpServer.Parse(builder.Configuration.GetConnectionString(SmtpServer.ConnectionStringName)));
        services.AddSingleton<IEmailSender, SmtpEmailSender>();
        services.AddSingleton<DeliverySignal>();
        services.AddSingleton<SmtpResilience>();
        services.AddScoped<OnceOnlyDelivery>();
        services.AddSingleton<DeliveryLedger>();
        services.AddScoped<DeliveryQueue>();
        services.AddHostedService<DeliverySender>();

        services.AddSingleton<EmailTemplates>();
        services.AddSingleton<LocalTime>();
        services.AddSingleton<EventsEmails>();
        services.AddSingleton<AwardsEmails>();
        services.AddSingleton<VolunteersEmails>();
        services.AddSingleton<AccountsEmails>();

        services.AddSingleton<LinkTokens>();
        services.AddSingleton<SubscriberLinks>();
        services.AddSingleton<SubscriberEmails>();
        services.AddScoped<SubscriptionRequests>();
        services.AddScoped<SubscriberAccount>();
        services.AddScoped<NewsPublishing>();
        services.AddScoped<AutomaticPosts>();
        services.AddPeriodicJob<Digests.Digests, DigestOptions>(o => o.CheckInterval);
        services.AddPeriodicJob<Housekeeping, NotificationsOptions>(o => o.HousekeepingInterval);
        services.AddScoped<StaffReports>();

        // Partners' webhooks: queued in the consumer's transaction, sent per endpoint by the dispatcher.
        services.AddWebhooks();

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
            bus.AddConsumer<SendFreshVolunteerLink>();
            bus.AddConsumer<TellSubscribersOfWinners>();
            bus.AddConsumer<SendInvitation>();
            bus.AddConsumer<SendPasswordReset>();
            bus.AddConsumer<TellPartnersWebhooks>();
            bus.AddConsumer<AlertSubscribersOfEvent>();
            bus.AddConsumer<AlertSubscribersOfRole>();
            bus.AddConsumer<SendChangeNotice>();
        });

        return builder;
    }

    /// <summary>Loads (or on the first start creates) the key that signs manage and unsubscribe links.</summary>
    public static async Task LoadLinkKeyAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await app.Services.GetRequiredService<LinkTokens>()
            .LoadKeyAsync(scope.ServiceProvider.GetRequiredService<NotificationsDbContext>(), CancellationToken.None);
    }
}
