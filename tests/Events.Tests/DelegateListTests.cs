using System.Net;
using System.Net.Http.Json;
using Platform.Events.DelegateList;
using Platform.ServiceDefaults.Paging;

namespace Platform.Events.Tests;

/// <summary>The delegate list: those who agreed, shown only to other delegates of the same event who agreed too.</summary>
public sealed class DelegateListTests(PostgresServer postgres) : EventsTest(postgres)
{
    private async Task<HttpResponseMessage> ListAsync(Registered who) => await Client.GetAsync($"{TestDelegates.ManagePath(who)}/delegate-list");

    private async Task<IReadOnlyList<string>> NamesAsync(Registered who)
    {
        var response = await ListAsync(who);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadAsync<Paged<ListedDelegate>>()).Items.Select(d => d.Name).ToList();
    }

    [Fact]
    public async Task Only_delegates_who_agreed_see_each_other_and_only_within_their_event()
    {
        var e = await TestEvents.CreatePublishedAsync(Factory, workshops: [new(10, 0)]);
        var elsewhere = await TestEvents.CreatePublishedAsync(Factory, workshops: [new(10, 0)]);
        var ann = await TestDelegates.RegisterAsync(Factory, e, 1);
        var bob = await TestDelegates.RegisterAsync(Factory, e, 2);
        var private_ = await TestDelegates.RegisterAsync(Factory, e, 3, consent: false);
        await TestDelegates.RegisterAsync(Factory, e, 4, confirmEmail: false);
        await TestDelegates.RegisterAsync(Factory, elsewhere, 5);

        Assert.Equal(["Delegate 1", "Delegate 2"], await NamesAsync(ann));
        var listed = Assert.Single((await (await ListAsync(bob)).ReadAsync<Paged<ListedDelegate>>()).Items, d => d.Name == "Delegate 1");
        Assert.Equal("Northside Council", listed.Organisation);

        var refused = await ListAsync(private_);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("delegate-list-consent", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Withdrawing takes Ann off the list and the list away from her; agreeing later brings the third delegate in.
        Assert.Equal(HttpStatusCode.OK, (await Client.PutAsJsonAsync($"{TestDelegates.ManagePath(ann)}/delegate-list/consent", new { consent = false })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await ListAsync(ann)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.PutAsJsonAsync($"{TestDelegates.ManagePath(private_)}/delegate-list/consent", new { consent = true })).StatusCode);
        Assert.Equal(["Delegate 2", "Delegate 3"], await NamesAsync(bob));

        Assert.Equal(HttpStatusCode.BadRequest, (await Client.PutAsJsonAsync($"{TestDelegates.ManagePath(bob)}/delegate-list/consent", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/api/events/registrations/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/delegate-list")).StatusCode);
    }
}
