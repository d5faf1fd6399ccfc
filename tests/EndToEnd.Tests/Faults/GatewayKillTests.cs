namespace Platform.EndToEnd.Tests.Faults;

/// <summary>
/// <c>kill -9</c> of the gateway in the middle of a stream of registrations: callers get no answer while it is away
/// (so nothing is owed them), the platform starts it again by itself, and every registration answered 201 before or
/// after is stored and mailed once.
/// </summary>
[Collection(FaultWindowCollection.Name)]
public sealed class GatewayKillTests(PlatformFixture platform)
{
    [Fact]
    public async Task The_gateway_killed_mid_load_comes_back_by_itself_and_every_accepted_registration_is_mailed_once()
    {
        await using var load = new FaultLoad(platform);
        await load.StartRegistrationsAsync(callers: 4);
        await load.WaitForAcceptedAsync(6, TimeSpan.FromSeconds(60));

        await FaultLoad.KillAndAwaitRestartAsync(platform.App, "gateway");

        var afterRestart = load.AcceptedCount;
        await load.WaitForAcceptedAsync(afterRestart + 4, TimeSpan.FromSeconds(60));
        await load.AssertNothingLostAndNothingTwiceAsync(within: TimeSpan.FromSeconds(120));
        await load.AssertEveryResourceHealthyAsync();
    }
}
