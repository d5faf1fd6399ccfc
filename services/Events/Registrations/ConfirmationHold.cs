using Platform.Events.Infrastructure;

namespace Platform.Events.Registrations;

/// <summary>
/// How long a new registration's places are held for a delegate who has not yet opened the emailed link: the usual
/// hold, a shorter one close to the event (as for waitlist offers), never beyond the start.
/// </summary>
public static class ConfirmationHold
{
    public static DateTimeOffset ExpiresAt(DateTimeOffset now, DateTimeOffset eventStartsAt, EventsOptions options)
    {
        var hold = eventStartsAt - now <= options.ShortHoldWithin ? options.ShortConfirmationHold : options.ConfirmationHold;
        var expires = now + hold;
        return expires < eventStartsAt ? expires : eventStartsAt;
    }
}
