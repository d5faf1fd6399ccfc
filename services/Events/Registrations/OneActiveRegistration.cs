using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Events.Infrastructure;

namespace Platform.Events.Registrations;

/// <summary>
/// One active (Confirmed) registration per event and email address, compared trimmed and ignoring case. The partial
/// unique index of migration OneActiveRegistrationPerEmail is what guarantees it, whatever the Idempotency-Key and
/// however requests interleave; <see cref="ExistsAsync"/> only answers the common repeat before any work is done.
/// A cancelled registration is outside the index, so the address may register again.
/// </summary>
public static class OneActiveRegistration
{
    public const string IndexName = "ux_registration_active_email";

    public static string Normalise(string email) => email.Trim().ToLowerInvariant();

    public static Task<bool> ExistsAsync(EventsDbContext db, Guid eventId, string email, CancellationToken ct)
    {
        var normalised = Normalise(email);
        // lower(email) = …: the same expression as the index, so this is one index seek.
        return db.Registrations.AnyAsync(r => r.EventId == eventId && r.Status == RegistrationStatus.Confirmed
                                              && r.Email.ToLower() == normalised, ct);
    }

    public static bool IsViolation(PostgresException ex) =>
        ex.SqlState == PostgresErrorCodes.UniqueViolation && ex.ConstraintName == IndexName;

    /// <summary>
    /// Says no more than that the address is registered: the existing registration's id and manage link go only to the
    /// address's owner, in the confirmation email they already have. Nothing is re-sent, so a stranger cannot make the
    /// platform mail someone, and the manage token (stored only as a hash) is never replaced behind the delegate's back.
    /// </summary>
    public const string Refusal =
        "This email address is already registered for this event; the manage link in its confirmation email changes or cancels that registration.";

    public const string Rule = "already-registered";
}
