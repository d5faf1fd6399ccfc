using System.Globalization;

namespace Platform.Bench.Scenarios;

/// <summary>
/// pgbench's side of registration-rush: exactly the SQL one registration sends (read from the wire, Events at this
/// commit): its four reads (the idempotency key, the event with its sessions, an active registration for the address,
/// the chosen workshops' fill), then its one write, sent as one message and committed as one implicit transaction as
/// Npgsql's batch is (pgbench's "\;" joins the statements): the place claim, the registration, its idempotency record,
/// its outbox row (a RegistrationConfirmed body of the real size) and its two workshop choices.
/// It runs in a schema of its own (bench) in eventsdb with copies of the tables (same columns, indexes and foreign keys)
/// and of the rush's event, so it pays for the same database, indexes and commits, and its outbox rows are never sent.
/// </summary>
internal static class RegistrationSql
{
    public const string Schema = "bench";

    private static readonly string[] Tables = ["partnership_event", "session", "registration", "workshop_choice", "idempotency_record", "outbox_message"];

    /// <summary>The scratch schema: the tables copied with their indexes, then their foreign keys among themselves, and the event.</summary>
    public static string Setup(Guid eventId)
    {
        var tables = string.Join(", ", Tables.Select(t => $"'{t}'"));
        return $"""
        DROP SCHEMA IF EXISTS {Schema} CASCADE;
        CREATE SCHEMA {Schema};
        {string.Concat(Tables.Select(t => $"CREATE TABLE {Schema}.{t} (LIKE public.{t} INCLUDING ALL);\n"))}
        DO $$
        DECLARE c record;
        BEGIN
          FOR c IN SELECT conrelid::regclass::text AS t, conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
                   WHERE contype = 'f' AND connamespace = 'public'::regnamespace
                     AND conrelid::regclass::text IN ({tables}) AND confrelid::regclass::text IN ({tables})
          LOOP
            EXECUTE format('ALTER TABLE {Schema}.%I ADD CONSTRAINT %I %s', c.t, c.conname, replace(c.def, 'REFERENCES ', 'REFERENCES {Schema}.'));
          END LOOP;
        END $$;
        INSERT INTO {Schema}.partnership_event SELECT * FROM public.partnership_event WHERE id = '{eventId}';
        INSERT INTO {Schema}.session SELECT * FROM public.session WHERE event_id = '{eventId}';
        -- Room for every transaction pgbench makes: the yardstick measures the SQL, not a full event.
        UPDATE {Schema}.partnership_event SET capacity = 1000000000, places_taken = 0;
        UPDATE {Schema}.session SET capacity = 1000000000, places_taken = 0 WHERE capacity IS NOT NULL;
        """;
    }

    public static string Teardown => $"DROP SCHEMA IF EXISTS {Schema} CASCADE";

    /// <summary>One registration choosing <paramref name="first"/> and <paramref name="second"/>; ids and codes unique per transaction.</summary>
    public static string Script(Guid eventId, Guid first, Guid second, int outboxBodyLength)
    {
        var body = "{\"message\":\"" + new string('x', Math.Max(0, outboxBodyLength - 14)) + "\"}";
        const string id = "(:client_id || '-' || :n)";
        var registration = $"md5('r' || {id})::uuid";
        var email = $"'pgbench-' || {id} || '@bench.example.org'";
        var key = $"'pgbench-' || {id}";
        var workshops = $"ARRAY['{first}', '{second}']::uuid[]";
        return string.Join("\n",
            "\\set n random(1, 2000000000)",
            $"SELECT i.key, i.created_at, i.fingerprint, i.registration_id FROM idempotency_record AS i WHERE i.key = {key} LIMIT 1;",
            "SELECT p0.id, p0.capacity, p0.created_at, p0.ends_at, p0.kind, p0.max_workshops, p0.min_workshops, p0.organiser, p0.places_taken, p0.registration_closes_at, " +
            "p0.registration_opens_at, p0.reminder_sent_at, p0.starts_at, p0.status, p0.summary, p0.title, p0.updated_at, p0.venue_address, p0.venue_district, p0.venue_name, " +
            "p0.venue_postcode, s.id, s.capacity, s.description, s.ends_at, s.event_id, s.facilitators, s.kind, s.places_taken, s.room, s.starts_at, s.title " +
            "FROM (SELECT p.id, p.capacity, p.created_at, p.ends_at, p.kind, p.max_workshops, p.min_workshops, p.organiser, p.places_taken, p.registration_closes_at, " +
            "p.registration_opens_at, p.reminder_sent_at, p.starts_at, p.status, p.summary, p.title, p.updated_at, p.venue_address, p.venue_district, p.venue_name, p.venue_postcode " +
            $"FROM partnership_event AS p WHERE p.id = '{eventId}' LIMIT 1) AS p0 LEFT JOIN session AS s ON p0.id = s.event_id ORDER BY p0.id;",
            $"SELECT EXISTS (SELECT 1 FROM registration AS r WHERE r.event_id = '{eventId}' AND r.status = 'Confirmed' AND lower(r.email) = {email});",
            "SELECT s.id, s.capacity, s.places_taken, (SELECT count(*)::int FROM workshop_choice AS w WHERE w.session_id = s.id AND w.status = 'Waitlisted') " +
            $"FROM session AS s WHERE s.id = ANY ({workshops});",
            $"SELECT claim_registration_places('{eventId}', {registration}, {workshops}, ARRAY[]::uuid[]) \\; " +
            "INSERT INTO registration (id, accessibility_needs, cancellation_reason, cancelled_at, cancelled_by, check_in_code, checked_in_at, consent_to_delegate_list, " +
            "created_at, dietary_needs, email, email_confirmed_at, event_id, hold_expires_at, manage_token_expires_at, manage_token_hash, name, offer_link_hash, organisation, role, sector, status) " +
            $"VALUES ({registration}, '', NULL, NULL, NULL, upper(substr(md5('c' || {id}), 1, 8)), NULL, true, now(), '', {email}, NULL, '{eventId}', now() + interval '2 days', " +
            $"now() + interval '60 days', sha256(convert_to('t' || {id}, 'UTF8')), 'Delegate', NULL, 'Partner organisation', 'Community safety officer', 'Police', 'Confirmed') \\; " +
            $"INSERT INTO idempotency_record (key, created_at, fingerprint, registration_id) VALUES ({key}, now(), md5('f' || {id}), {registration}) \\; " +
            "INSERT INTO outbox_message (attempt_count, body, created_at, headers, last_error, message_id, message_type, parked_at, sent_at) " +
            $"VALUES (0, '{body}', now(), '{{\"MessageId\":\"bench\",\"CorrelationId\":\"bench\",\"ConversationId\":\"bench\"}}', NULL, md5('m' || {id})::uuid, " +
            "'Platform.Contracts.Events.RegistrationConfirmed, Platform.Contracts', NULL, NULL) \\; " +
            $"INSERT INTO workshop_choice (id, offer_expires_at, queued_at, registration_id, session_id, status) VALUES (md5('w1' || {id})::uuid, NULL, now(), {registration}, '{first}', 'Confirmed') \\; " +
            $"INSERT INTO workshop_choice (id, offer_expires_at, queued_at, registration_id, session_id, status) VALUES (md5('w2' || {id})::uuid, NULL, now(), {registration}, '{second}', 'Confirmed');",
            "");
    }

    public static string Describe => string.Create(CultureInfo.InvariantCulture,
        $"4 reads, then claim_registration_places + INSERT registration, idempotency_record, outbox_message, 2 x workshop_choice as one message (one implicit transaction), in schema {Schema}");
}
