using System.Text;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Platform.Messaging;

public static class MessagingHostBuilderExtensions
{
    /// <summary>
    /// Everything a service needs to publish and consume integration events: MassTransit on RabbitMQ from
    /// <c>ConnectionStrings:messaging</c>, the outbox and its relay, the inbox and retry around every consumer,
    /// dead-letter administration and the broker health check (in /health, not in /alive).
    /// </summary>
    public static IHostApplicationBuilder AddMessaging<TDbContext>(
        this IHostApplicationBuilder builder,
        Action<IBusRegistrationConfigurator> configureConsumers) where TDbContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(configureConsumers);

        var broker = BrokerAddress.Parse(builder.Configuration.GetConnectionString(BrokerAddress.ConnectionStringName));
        var services = builder.Services;
        services.AddSingleton(broker);
        services.AddMessagingPersistence<TDbContext>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LinkSecretOptions>, LinkSecretSealingRequired>());
        services.PostConfigure<MessagingOptions>(o => o.EndpointPrefix ??= KebabCase(builder.Environment.ApplicationName));
        services.AddSingleton<DeadLetters>();

        services.AddMassTransit(x =>
        {
            configureConsumers(x);
            x.RecordReceiveEndpoints();
            // Nobody consumes Fault<T>, and publishing one needs write on an exchange of someone else's type.
            x.AddConfigureEndpointsCallback((_, _, endpoint) => endpoint.PublishFaults = false);
            // MassTransit reports usage to its vendor over the internet by default: a public-sector system's
            // services make no calls nobody asked for (and here it only logged a failure at every start).
            x.DisableUsageTelemetry();

            // Tagged "ready" and never "live": a broker outage makes the service unhealthy, not dead, so an
            // orchestrator does not restart it while the outbox is holding messages.
            x.ConfigureHealthCheckOptions(h =>
            {
                h.Name = "messaging";
                h.Tags.Add("ready");
                h.Tags.Add("messaging");
            });

            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(broker.Host, broker.Port, broker.VirtualHost, h =>
                {
                    h.Username(broker.Username);
                    h.Password(broker.Password);
                    // MassTransit's default, stated because the outbox depends on it: Publish completes only on the broker's ack.
                    h.PublisherConfirmation = true;
                    if (broker.Uri.Scheme == "amqps")
                    {
                        h.UseSsl(_ => { });
                    }
                });

                var prefix = context.GetRequiredService<IOptions<MessagingOptions>>().Value.EndpointPrefix!;
                // Every name this service declares is its own (hosting/RabbitMQ/BrokerPermissions): the bus's reply
                // queue carries the endpoint prefix, and the IntegrationEvent base gets no exchange every publisher would write to.
                cfg.OverrideDefaultBusEndpointQueueName($"{prefix}-bus-{NewId.NextGuid():N}");
                cfg.Publish<Platform.Contracts.IntegrationEvent>(p => p.Exclude = true);
                // Says who published, as the broker validates it; consumers check it against the type's owner.
                cfg.ConfigurePublish(p => p.UseExecute(publish =>
                {
                    if (publish.TryGetPayload<RabbitMqSendContext>(out var send)) send.BasicProperties.UserId = broker.Username;
                }));

                // Before retry and the inbox: a message from the wrong publisher is refused once, not retried.
                cfg.UseConsumeFilter(typeof(PublisherCheckFilter<>), context);
                cfg.UseInboxWithRetry(context);

                cfg.ConfigureEndpoints(context, new KebabCaseEndpointNameFormatter(prefix, includeNamespace: false));
            });
        });

        return builder;
    }

    internal static string KebabCase(string name)
    {
        var result = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && char.IsLetterOrDigit(name[i - 1]) && !char.IsUpper(name[i - 1]))
            {
                result.Append('-');
            }

            result.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
        }

        return result.ToString().Trim('-');
    }
}
