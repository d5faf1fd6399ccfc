using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Events.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class RegistrationOfferLink : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "offer_link_hash",
                table: "registration",
                type: "bytea",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_registration_offer_link_hash",
                table: "registration",
                column: "offer_link_hash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_registration_offer_link_hash",
                table: "registration");

            migrationBuilder.DropColumn(
                name: "offer_link_hash",
                table: "registration");
        }
    }
}
