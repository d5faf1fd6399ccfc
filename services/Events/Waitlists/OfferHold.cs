using Platform.Events.Infrastructure;

namespace Platform.Events.Waitlists;

/// <summary>How long a freed place is held for a waiting delegate: the usual hold, a shorter one close to the
/// event, and never beyond the start (a place offered after the doors open is no use to anyone).</summary>
public static class OfferHold
{
    public static DateTimeOffset ExpiresAt(DateTimeOffset now, DateTimeOffset eventStartsAt, EventsOptions options)
    {
        var hold = eventStartsAt - now <= options.ShortHoldWithin ? options.ShortOfferHold : options.OfferHold;
        var expires = now + hold;
        return expires < eventStartsAt ? expires : eventStartsAt;
    }
}
