using Platform.Messaging;
using Platform.Events.Infrastructure;

namespace Platform.Events.Extensions;

internal static class ApplicationServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddOpenApi();
        builder.AddNpgsqlDbContext<EventsDbContext>("eventsdb");
        // No consumers yet: the service publishes through its outbox; its issue adds what it listens to.
        builder.AddMessaging<EventsDbContext>(_ => { });
        return builder;
    }
}
