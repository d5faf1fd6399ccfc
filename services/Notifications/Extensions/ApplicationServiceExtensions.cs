using Microsoft.EntityFrameworkCore;
using Platform.Messaging;
using Platform.Notifications.Delivery;
using Platform.Notifications.Infrastructure;
using Platform.Notifications.IntegrationEvents.EventHandling;
using Platform.Notifications.Subscriptions;

namespace Platform.Notifications.Extensions;

internal static class ApplicationServiceExtensions
{
    public const string DatabaseConnectionName = "notificationsdb";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddOpenApi();

        services.AddOptions<NotificationsOptions>().BindConfiguration(NotificationsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        builder.AddNpgsqlDbContext<NotificationsDbContext>(DatabaseConnectionName);

        services.AddSingleton(SmtpServer.Parse(builder.Configuration.GetConnectionString(SmtpServer.ConnectionStringName)));
        services.AddSingleton<IEmailSender, SmtpEmailSender>();

        services.AddScoped<SubscriptionRequests>();

        builder.AddMessaging<NotificationsDbContext>(bus =>
        {
            bus.AddConsumer<SendSubscriptionConfirmation>();
        });

        return builder;
    }
}
