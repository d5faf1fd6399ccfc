using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Platform.ServiceDefaults.Serialization;
using Platform.ServiceDefaults.Tests.Support;

namespace Platform.ServiceDefaults.Tests.Serialization;

/// <summary>Every service writes enum values in camelCase and, for a release, still reads the PascalCase it used to write.</summary>
public sealed class EnumSpellingTests
{
    public enum RoleCategory { RoadSafety, HomeSafety }

    public sealed record Role(RoleCategory Category);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("roadSafety")]
    [InlineData("RoadSafety")]
    public async Task Bodies_and_query_strings_accept_both_spellings_and_answers_use_camel_case(string spelling)
    {
        await using var app = await TestApp.StartAsync(app =>
        {
            app.MapPost("/roles", (Role role) => role).AllowAnonymous();
            app.MapGet("/roles", (RoleCategory category) => new Role(category)).AllowAnonymous();
        }, TestApp.WithKey(TestKeys.NewSigningKey()));
        using var client = app.GetTestClient();

        using var posted = await client.PostAsync("/roles",
            new StringContent($$"""{"category":"{{spelling}}"}""", Encoding.UTF8, "application/json"), Cancel);
        using var queried = await client.GetAsync($"/roles?category={spelling}", Cancel);

        Assert.Equal("""{"category":"roadSafety"}""", await posted.Content.ReadAsStringAsync(Cancel));
        var fromQuery = await queried.Content.ReadAsStringAsync(Cancel);
        Assert.True(fromQuery == """{"category":"roadSafety"}""", fromQuery);
    }

    [Fact]
    public void Messages_that_list_values_spell_them_as_json_does()
    {
        Assert.Equal(["roadSafety", "homeSafety"], EnumSpelling.Names<RoleCategory>());
        Assert.Equal("homeSafety", EnumSpelling.Of(RoleCategory.HomeSafety));
    }
}
