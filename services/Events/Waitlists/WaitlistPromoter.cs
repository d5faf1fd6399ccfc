using Platform.Events.Registrations;
using Platform.ServiceDefaults.Jobs;

namespace Platform.Events.Waitlists;

/// <summary>
/// Releases lapsed unconfirmed holds (<see cref="UnconfirmedHolds"/>), then runs <see cref="WaitlistPromotion"/>, so a
/// lapsed place is offered in the same pass, then gives free event places to the events' waitlists
/// (<see cref="EventWaitlistPromotion"/>); whenever a place frees and at least every PromotionInterval. All share the
/// pass's scope: each of their steps clears the change tracker and is its own transaction.
/// </summary>
public sealed partial class WaitlistPromoter(
    UnconfirmedHolds holds, WaitlistPromotion promotion, EventWaitlistPromotion eventWaitlists, ILogger<WaitlistPromoter> logger) : IPeriodicJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var released = await holds.ReleaseLapsedAsync(cancellationToken);
        if (released > 0) LogReleased(logger, released);
        var (expired, offered) = await promotion.RunOnceAsync(cancellationToken);
        if (expired + offered > 0) LogRound(logger, expired, offered);
        var registered = await eventWaitlists.PromoteAsync(cancellationToken);
        if (registered > 0) LogRegistered(logger, registered);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Event waitlists: {Registered} waiting people registered for freed places")]
    private static partial void LogRegistered(ILogger logger, int registered);

    [LoggerMessage(Level = LogLevel.Information, Message = "Waitlists: {Expired} offers expired, {Offered} places offered")]
    private static partial void LogRound(ILogger logger, int expired, int offered);

    [LoggerMessage(Level = LogLevel.Information, Message = "Registrations: {Released} unconfirmed holds lapsed and their places were released")]
    private static partial void LogReleased(ILogger logger, int released);
}
