using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Events.Infrastructure.Migrations
{
    /// <summary>
    /// The function a registration's single write starts with (see <c>Registrations.PlaceClaim</c>). The model does not
    /// change, so there is no snapshot update. Its text now lives in Registrations/PlaceClaim.sql (migration
    /// PlaceClaimFromFile); this one stays as it ran.
    /// </summary>
    [DbContext(typeof(EventsDbContext))]
    [Migration("20261122060000_RegistrationPlaceClaim")]
    public partial class RegistrationPlaceClaim : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Locks the chosen workshops in id order, then the event: the same order as every other place-taking path.
            // NO KEY UPDATE, as the UPDATE itself takes: it does not conflict with the KEY SHARE locks that foreign-key
            // checks of other writes (a staff change, a manage-link change) hold on these rows.
            // A workshop with anyone waiting gives its free place to them (through an offer), never to a newcomer.
            migrationBuilder.Sql("""
                CREATE FUNCTION claim_registration_places(p_event uuid, p_registration uuid, p_confirmed uuid[], p_waitlisted uuid[])
                RETURNS void LANGUAGE plpgsql AS $$
                DECLARE
                    s record;
                    has_room boolean;
                BEGIN
                    FOR s IN
                        SELECT id, capacity, places_taken FROM session
                        WHERE id = ANY(p_confirmed) OR id = ANY(p_waitlisted)
                        ORDER BY id FOR NO KEY UPDATE
                    LOOP
                        has_room := (s.capacity IS NULL OR s.places_taken < s.capacity)
                            AND NOT EXISTS (SELECT 1 FROM workshop_choice c
                                            WHERE c.session_id = s.id AND c.status = 'Waitlisted' AND c.registration_id <> p_registration);
                        IF s.id = ANY(p_confirmed) THEN
                            IF NOT has_room THEN
                                RAISE EXCEPTION 'workshop % has no place for a newcomer', s.id USING ERRCODE = 'EV001';
                            END IF;
                            UPDATE session SET places_taken = places_taken + 1 WHERE id = s.id;
                        ELSIF has_room THEN
                            RAISE EXCEPTION 'workshop % has a free place', s.id USING ERRCODE = 'EV001';
                        END IF;
                    END LOOP;

                    UPDATE partnership_event SET places_taken = places_taken + 1
                    WHERE id = p_event AND status = 'Published' AND places_taken < capacity;
                    IF NOT FOUND THEN
                        RAISE EXCEPTION 'event % is full or not open', p_event USING ERRCODE = 'EV002';
                    END IF;
                END;
                $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION claim_registration_places(uuid, uuid, uuid[], uuid[]);");
        }
    }
}
