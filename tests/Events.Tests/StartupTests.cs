using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;

namespace Platform.Events.Tests;

public sealed class StartupTests(PostgresServer postgres)
{
    [Fact]
    public async Task The_service_refuses_to_start_with_invalid_events_options()
    {
        await using var factory = new EventsFactory(await postgres.CreateDatabaseAsync());
        await using var misconfigured = factory.WithWebHostBuilder(b => b.UseSetting("Events:ShortOfferHold", "3.00:00:00"));

        var error = Assert.Throws<OptionsValidationException>(() => misconfigured.Server);
        Assert.Contains("Events:ShortOfferHold", error.Message);
    }
}
