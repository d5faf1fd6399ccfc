using Npgsql;
using NpgsqlTypes;

namespace Platform.Events.Registrations;

/// <summary>
/// The first statement of a registration's single write (<see cref="Infrastructure.SingleRoundTrip"/>):
/// <c>claim_registration_places</c>, in <c>PlaceClaim.sql</c>, checks the outcome the registration is written with
/// against the workshops as they are now, under their row locks, and takes the places; when the outcome was guessed
/// from a read that is out of date, it raises <see cref="OutcomeOutOfDate"/>, the whole write rolls back, and the
/// caller reads again and retries. Why one round trip, and why first: the README, "Capacity, in the database".
/// </summary>
public static class PlaceClaim
{
    /// <summary>A workshop guessed to have room has none (full, or others are waiting), or the other way round.</summary>
    public const string OutcomeOutOfDate = "EV001";

    /// <summary>The event is full, or no longer Published.</summary>
    public const string EventFullOrClosed = "EV002";

    /// <summary>The function's <c>CREATE OR REPLACE</c>, for the migrations that load it.</summary>
    public static string Sql { get; } = ReadSql();

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

    private static string ReadSql()
    {
        using var stream = typeof(PlaceClaim).Assembly.GetManifestResourceStream("PlaceClaim.sql")
            ?? throw new InvalidOperationException("PlaceClaim.sql is not embedded in the Events assembly.");
        using var reader = new StreamReader(stream);
        // The body is stored as written: a checkout with CRLF line endings must not make it another function.
        return reader.ReadToEnd().ReplaceLineEndings("\n");
    }
}
