using Platform.Messaging;
using Platform.Volunteers.Infrastructure;

namespace Platform.Volunteers.Extensions;

internal static class ApplicationServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenApi();
        builder.AddNpgsqlDbContext<VolunteersDbContext>("volunteersdb");
        // No consumers yet: the service publishes through its outbox; its issue adds what it listens to.
        builder.AddMessaging<VolunteersDbContext>(_ => { });
        return builder;
    }
}
