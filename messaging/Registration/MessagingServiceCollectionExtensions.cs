using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Platform.Messaging;

/// <summary>
/// The transport-independent half of messaging: outbox, relay and inbox over a service's DbContext.
/// <see cref="MessagingHostBuilderExtensions.AddMessaging{TDbContext}"/> uses these with RabbitMQ; unit tests
/// use them with MassTransit's in-memory test harness.
/// </summary>
public static class MessagingServiceCollectionExtensions
{
    public static IServiceCollection AddMessagingPersistence<TDbContext>(this IServiceCollection services) where TDbContext : DbContext
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OutboxSignal>();
        services.TryAddSingleton<ReceiveEndpointRegistry>();

        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OutboxOptions>, OutboxOptionsValidator>());
        services.AddOptions<MessagingOptions>().BindConfiguration(MessagingOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MessagingOptions>, MessagingOptionsValidator>());
        services.AddOptions<LinkSecretOptions>().BindConfiguration(LinkSecretOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LinkSecretOptions>, LinkSecretOptionsValidator>());
        services.TryAddSingleton<LinkSecrets>();

        services.ConfigureDbContext<TDbContext>(options => options.AddInterceptors(OutboxCommits.Instance));
        services.AddScoped<IntegrationEventOutbox<TDbContext>>();
        services.AddScoped<IIntegrationEventOutbox>(sp => sp.GetRequiredService<IntegrationEventOutbox<TDbContext>>());
        services.AddScoped(sp => new MessagingDbContextAccessor(sp.GetRequiredService<TDbContext>()));

        services.TryAddSingleton<IOutboxMessagePublisher, BusOutboxMessagePublisher>();
        services.AddSingleton<OutboxRelayBatch<TDbContext>>();
        services.TryAddSingleton<IOutboxDeadLetters, OutboxDeadLetters<TDbContext>>();
        services.AddHostedService<OutboxRelay<TDbContext>>();
        return services;
    }

    /// <summary>
    /// Retry first, then the inbox, so every retry attempt runs in a fresh transaction. After the last retry
    /// MassTransit moves the message to the endpoint's <c>_error</c> queue.
    /// </summary>
    public static void UseInboxWithRetry(this IBusFactoryConfigurator configurator, IRegistrationContext context)
    {
        var options = context.GetRequiredService<IOptions<MessagingOptions>>().Value;
        if (options.RetryLimit > 0)
        {
            configurator.UseMessageRetry(r =>
            {
                r.Incremental(options.RetryLimit, options.RetryInitialInterval, options.RetryIntervalIncrement);
                r.Ignore<UnexpectedPublisherException>();
                r.Ignore<LinkSecretRefusedException>();
            });
        }

        configurator.UseConsumeFilter(typeof(InboxFilter<>), context);
    }

    /// <summary>Remembers each receive endpoint's queue, for dead-letter administration.</summary>
    public static void RecordReceiveEndpoints(this IBusRegistrationConfigurator configurator) =>
        configurator.AddConfigureEndpointsCallback((context, queueName, _) =>
            context.GetRequiredService<ReceiveEndpointRegistry>().Add(queueName));
}
