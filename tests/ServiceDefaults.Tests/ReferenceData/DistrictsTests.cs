using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.ReferenceData;
using Platform.ServiceDefaults.Tests.Support;

namespace Platform.ServiceDefaults.Tests.ReferenceData;

/// <summary>The platform's one list of districts: configured once, validated at start, matched without regard to case.</summary>
public sealed class DistrictsTests
{
    [Fact]
    public async Task Without_configuration_the_list_is_the_seven_volunteers_always_accepted()
    {
        await using var app = await TestApp.StartAsync(_ => { }, TestApp.WithKey(TestKeys.NewSigningKey()));
        var districts = app.Services.GetRequiredService<Districts>();

        Assert.Equal(["Ashford Vale", "Brookmere", "Castleton", "Dunmore", "Eastwick", "Fairhaven", "Greystone"], districts.Names);
        Assert.Equal("Ashford Vale", districts.Find("  ashford VALE "));
        Assert.Null(districts.Find("Atlantis"));
        Assert.Contains("Ashford Vale, Brookmere, Castleton", districts.NotADistrict("Atlantis"));
    }

    [Fact]
    public async Task A_configured_list_replaces_the_default()
    {
        var configuration = TestApp.WithKey(TestKeys.NewSigningKey());
        configuration["Districts:Names:0"] = "Northside";
        configuration["Districts:Names:1"] = "Southside";

        await using var app = await TestApp.StartAsync(_ => { }, configuration);

        Assert.Equal(["Northside", "Southside"], app.Services.GetRequiredService<Districts>().Names);
    }

    [Theory]
    [InlineData("Northside", "NORTHSIDE")]
    [InlineData("Northside", " ")]
    public async Task A_list_with_repeats_or_blanks_stops_the_service_at_start(string first, string second)
    {
        var configuration = TestApp.WithKey(TestKeys.NewSigningKey());
        configuration["Districts:Names:0"] = first;
        configuration["Districts:Names:1"] = second;

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
            await (await TestApp.StartAsync(_ => { }, configuration)).DisposeAsync());

        Assert.Contains("Districts:Names", failure.Message);
    }
}
