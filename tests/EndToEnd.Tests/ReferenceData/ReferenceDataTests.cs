using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.EndToEnd.Tests.Gateway;
using Platform.EndToEnd.Tests.Volunteers;

namespace Platform.EndToEnd.Tests.ReferenceData;

/// <summary>
/// The one list of districts, published through the gateway and enforced by each service that takes a district, and
/// the one enum spelling, through the gateway as a client sees them.
/// </summary>
public sealed class ReferenceDataTests(PlatformFixture platform)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Anyone_can_read_the_districts_and_every_service_rejects_one_not_on_the_list_naming_them()
    {
        using var anonymous = platform.CreatePublicClient();
        var published = (await anonymous.GetFromJsonAsync<JsonElement>("/api/reference/districts", Cancel))
            .GetProperty("districts").EnumerateArray().Select(d => d.GetString()!).ToList();
        var staff = await platform.StaffTokenAsync();

        using var events = await anonymous.GetAsync("/api/events?district=Atlantis", Cancel);
        using var roles = await anonymous.GetAsync("/api/volunteers/roles?district=Castleton", Cancel);
        using var subscription = await anonymous.PostAsJsonAsync("/api/notifications/subscriptions",
            new { email = Addresses.Unique("districts"), topics = new[] { "events" }, frequency = "weekly", districts = new[] { "Atlantis" } }, Cancel);
        using var newsRequest = new HttpRequestMessage(HttpMethod.Post, "/api/notifications/news")
        {
            Content = JsonContent.Create(new { title = "Road closures", body = "Text", topic = "events", district = "Atlantis" }),
            Headers = { Authorization = new("Bearer", staff) },
        };
        using var news = await platform.Gateway.SendAsync(newsRequest, Cancel);

        Assert.Equal(["Ashford Vale", "Brookmere", "Castleton", "Dunmore", "Eastwick", "Fairhaven", "Greystone"], published);
        Assert.Equal(HttpStatusCode.OK, roles.StatusCode);
        foreach (var rejected in new[] { events, subscription, news })
        {
            Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
            var problem = await rejected.Content.ReadAsStringAsync(Cancel);
            Assert.All(published, d => Assert.Contains(d, problem));
        }
    }

    [Fact]
    public async Task Enum_values_come_back_camel_case_whichever_spelling_the_client_sent()
    {
        var (_, organisationToken) = await platform.RegisteredOrganisationAsync();

        // OpenRoleAsync still sends the old spelling ("RoadSafety", "Weekends"), accepted for a release.
        var role = await platform.Gateway.SendAsync(HttpMethod.Get,
            $"/api/volunteers/organisation/roles/{await platform.OpenRoleAsync(organisationToken)}", organisationToken);
        using var anonymous = platform.CreatePublicClient();
        using var oldQuery = await anonymous.GetAsync("/api/volunteers/roles?category=RoadSafety&availability=Weekends", Cancel);
        using var newQuery = await anonymous.GetAsync("/api/volunteers/roles?category=roadSafety&availability=weekends", Cancel);

        Assert.Equal("roadSafety", role.GetProperty("category").GetString());
        Assert.Equal(["weekends"], role.GetProperty("availability").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(HttpStatusCode.OK, oldQuery.StatusCode);
        Assert.Equal(HttpStatusCode.OK, newQuery.StatusCode);
        Assert.Equal(await oldQuery.Content.ReadAsStringAsync(Cancel), await newQuery.Content.ReadAsStringAsync(Cancel));
    }
}
