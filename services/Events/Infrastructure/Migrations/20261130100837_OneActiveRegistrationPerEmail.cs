using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Events.Infrastructure.Migrations
{
    /// <summary>
    /// One Confirmed registration per event and email address, ignoring case (see <c>Registrations.OneActiveRegistration</c>).
    /// EF Core cannot model an index on an expression, so the index is SQL here and the model snapshot does not change.
    /// </summary>
    public partial class OneActiveRegistrationPerEmail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Databases made before the index may hold repeats. The earliest registration of each address stays; later
            // ones are cancelled the way a manage link cancels (active choices withdrawn, their places and the event place
            // freed), so the index can be built and the freed places go to the waitlists on the promoter's next pass.
            migrationBuilder.Sql("""
                CREATE TEMPORARY TABLE repeated_registration AS
                SELECT id, event_id FROM (
                    SELECT id, event_id,
                           row_number() OVER (PARTITION BY event_id, lower(email) ORDER BY created_at, id) AS n
                    FROM registration WHERE status = 'Confirmed') r
                WHERE n > 1;

                UPDATE "session" s SET places_taken = s.places_taken - held.n
                FROM (SELECT c.session_id, count(*)::int AS n
                      FROM workshop_choice c JOIN repeated_registration rr ON rr.id = c.registration_id
                      WHERE c.status IN ('Confirmed', 'Offered')
                      GROUP BY c.session_id) held
                WHERE s.id = held.session_id;

                UPDATE workshop_choice c SET status = 'Withdrawn'
                FROM repeated_registration rr
                WHERE c.registration_id = rr.id AND c.status IN ('Confirmed', 'Offered', 'Waitlisted');

                UPDATE partnership_event e SET places_taken = e.places_taken - repeats.n
                FROM (SELECT event_id, count(*)::int AS n FROM repeated_registration GROUP BY event_id) repeats
                WHERE e.id = repeats.event_id;

                UPDATE registration r SET status = 'Cancelled', cancelled_at = now()
                FROM repeated_registration rr WHERE r.id = rr.id;

                DROP TABLE repeated_registration;

                CREATE UNIQUE INDEX ux_registration_active_email ON registration (event_id, lower(email)) WHERE status = 'Confirmed';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX ux_registration_active_email;");
        }
    }
}
