using Platform.Messaging;
using Platform.Awards.Infrastructure;

namespace Platform.Awards.Extensions;

internal static class ApplicationServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenApi();
        builder.AddNpgsqlDbContext<AwardsDbContext>("awardsdb");
        // No consumers yet: the service publishes through its outbox; its issue adds what it listens to.
        builder.AddMessaging<AwardsDbContext>(_ => { });
        return builder;
    }
}
