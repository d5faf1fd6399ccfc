using System.Text.Json;
using Platform.EndToEnd.Tests.Gateway;

namespace Platform.EndToEnd.Tests.Awards;

/// <summary>Awards keeps its ceremony time from the Events service's integration events, never its database.</summary>
public sealed class CeremonyFollowsEventTests(PlatformFixture platform)
{
    [Fact]
    public async Task When_Events_moves_the_conference_the_programme_ceremony_moves_with_it()
    {
        var staff = await platform.LoginAsStaffAsync();
        var now = await platform.AwardsNowAsync();
        var startsAt = new DateTimeOffset(now.AddDays(40).UtcDateTime.Date.AddHours(17), TimeSpan.Zero);
        var eventId = await platform.PublishCeremonyEventAsync(staff, startsAt);
        var (programmeId, _) = await platform.CreateProgrammeAsync(staff, eventId, now);
        Assert.Equal(startsAt, await CeremonyAtAsync(programmeId));

        var moved = startsAt.AddDays(7).AddHours(1);
        await platform.Gateway.SendAsync(HttpMethod.Put, $"/api/events/{eventId}", staff, AwardsActors.EventBody("Partnership Conference (moved)", moved));

        await AwardsActors.WaitUntilAsync(async () => await CeremonyAtAsync(programmeId) == moved, "the ceremony to follow the event");
        var programme = await platform.Gateway.SendAsync(HttpMethod.Get, $"/api/awards/programmes/{programmeId}", staff);
        Assert.Equal("Partnership Conference (moved)", programme.GetProperty("ceremony").GetProperty("title").GetString());
    }

    private async Task<DateTimeOffset> CeremonyAtAsync(Guid programmeId)
    {
        using var anyone = platform.CreatePublicClient();
        var programme = JsonDocument.Parse(await anyone.GetStringAsync($"/api/awards/programmes/{programmeId}", TestContext.Current.CancellationToken)).RootElement;
        return programme.GetProperty("ceremony").GetProperty("startsAt").GetDateTimeOffset();
    }
}
