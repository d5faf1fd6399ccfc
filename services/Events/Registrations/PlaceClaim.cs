using Npgsql;
using NpgsqlTypes;

namespace Platform.Events.Registrations;

/// <summary>
/// The first statement of a registration's single write: <c>claim_registration_places</c> (migration
/// RegistrationPlaceClaim) checks the outcome the registration is written with against the workshops as they are now,
/// under their row locks, and takes the places. The write is one round trip, so the hot rows (every registration for
/// the event touches the event's row) are locked only while PostgreSQL runs the rest of the batch and commits, never
/// while the service is between round trips. First rather than last: the inserts' foreign-key checks then find the
/// rows already locked by this transaction. Last, each insert would first add a KEY SHARE lock to rows that dozens of
/// concurrent registrations share, and PostgreSQL's bookkeeping of shared row locks (multixacts) became the
/// bottleneck (measured: most backends waiting on MultiXactMember locks during a rush). When the outcome was guessed
/// from a read that is out of date, it raises <see cref="OutcomeOutOfDate"/> and the whole write rolls back; the
/// caller reads again and retries.
/// </summary>
public static class PlaceClaim
{
    /// <summary>A workshop guessed to have room has none (full, or others are waiting), or the other way round.</summary>
    public const string OutcomeOutOfDate = "EV001";

    /// <summary>The event is full, or no longer Published.</summary>
    public const string EventFullOrClosed = "EV002";

    public static NpgsqlBatchCommand Command(Guid eventId, Guid registrationId, IReadOnlyCollection<Guid> confirmed, IReadOnlyCollection<Guid> waitlisted) =>
        new("SELECT claim_registration_places($1, $2, $3, $4)")
        {
            Parameters =
            {
                new NpgsqlParameter { Value = eventId },
                new NpgsqlParameter { Value = registrationId },
                new NpgsqlParameter { Value = confirmed.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid },
                new NpgsqlParameter { Value = waitlisted.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid },
            },
        };
}
