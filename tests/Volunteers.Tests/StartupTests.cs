using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;

namespace Platform.Volunteers.Tests;

public sealed class StartupTests(PostgresServer postgres)
{
    [Fact]
    public async Task The_service_refuses_to_start_with_invalid_volunteers_options()
    {
        await using var factory = new VolunteersFactory(await postgres.CreateDatabaseAsync());
        await using var misconfigured = factory.WithWebHostBuilder(b => b
            .UseSetting("Volunteers:LapsePeriod", "-1.00:00:00")
            .UseSetting("Volunteers:LowSatisfactionScore", "9"));

        var error = Assert.Throws<OptionsValidationException>(() => misconfigured.Server);
        Assert.Contains("Volunteers:LapsePeriod", error.Message);
        Assert.Contains("Volunteers:LowSatisfactionScore", error.Message);
    }
}
