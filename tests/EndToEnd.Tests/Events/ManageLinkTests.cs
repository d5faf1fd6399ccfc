using System.Net;
using System.Net.Http.Json;
using Platform.EndToEnd.Tests.Gateway;

namespace Platform.EndToEnd.Tests.Events;

/// <summary>A delegate changes their workshop by the manage link alone, through the gateway, within the rules.</summary>
public sealed class ManageLinkTests(PlatformFixture platform)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_manage_link_changes_choices_within_the_rules_and_frees_the_old_place()
    {
        var e = await platform.PublishEventAsync(capacity: 20, workshopCapacities: [5, 5, 5]);
        var (before, after, third) = (e.Workshops[0], e.Workshops[1], e.Workshops[2]);
        using var client = platform.CreatePublicClient();
        var email = Addresses.Unique("changer");
        var (token, _) = await platform.RegisterWithEmailedTokenAsync(client, e, EventsActors.Delegate(email, before));

        using (var changed = await client.PutAsJsonAsync($"{EventsActors.ManagePath(token)}/choices", new { choices = new[] { after } }, Cancel))
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        var registration = await client.ManagedAsync(token);
        Assert.Equal("confirmed", registration.ChoiceStatus(after));
        Assert.False(registration.HasChoice(before));
        Assert.Equal(0, await platform.App.CountAsync("eventsdb", "SELECT places_taken FROM session WHERE id = @id", ("id", before)));
        Assert.Equal(1, await platform.App.CountAsync("eventsdb", "SELECT places_taken FROM session WHERE id = @id", ("id", after)));

        // A change that breaks a rule (two workshops where one is allowed) is refused and changes nothing.
        using var refused = await client.PutAsJsonAsync($"{EventsActors.ManagePath(token)}/choices", new { choices = new[] { after, third } }, Cancel);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("choices-too-many", (await refused.ProblemAsync()).GetProperty("rule").GetString());
        Assert.Equal("confirmed", (await client.ManagedAsync(token)).ChoiceStatus(after));
        Assert.Equal(0, await platform.App.CountAsync("eventsdb", "SELECT places_taken FROM session WHERE id = @id", ("id", third)));

        // The confirmation email follows the change.
        await platform.App.GetMailbox("mail").WaitForAsync(
            m => m.IsTo(email) && m.Raw.Contains("event.ics") && m.Raw.Replace("=\r\n", "").Replace("=\n", "").Contains("Workshop 2,", StringComparison.Ordinal), TimeSpan.FromSeconds(90));

        // A made-up token is a 404, not anyone's registration.
        // (The first character changed, whatever it was: one token in 64 starts with "A".)
        using var unknown = await client.GetAsync(EventsActors.ManagePath((token[0] == 'A' ? "B" : "A") + token[1..]), Cancel);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
