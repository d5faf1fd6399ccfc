using Microsoft.EntityFrameworkCore.Migrations;
using Platform.Events.Registrations;

#nullable disable

namespace Platform.Events.Infrastructure.Migrations
{
    /// <summary>
    /// Re-creates <c>claim_registration_places</c> from <c>Registrations/PlaceClaim.sql</c>, its one home from now on.
    /// The file holds the text RegistrationPlaceClaim created, so on an up-to-date database this re-creates the same
    /// function. When the file changes, a new migration like this one (with the new text's hash) loads it again.
    /// </summary>
    public partial class PlaceClaimFromFile : Migration
    {
        /// <summary>SHA-256 of the statement in PlaceClaim.sql this migration loads (PlaceClaimMigrationTests compares the newest).</summary>
        public const string PlaceClaimSha256 = "dfe5f906b208aa5fa1300930e15c66f69a18e6407b8ce0098fa66844cf33fade";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(PlaceClaim.Sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Before this migration the function was the same: nothing to undo.
        }
    }
}
