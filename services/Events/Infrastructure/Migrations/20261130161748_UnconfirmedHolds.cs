using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Events.Infrastructure.Migrations
{
    /// <summary>
    /// Places held until the delegate confirms their address by the emailed link (Registrations/UnconfirmedHolds), and
    /// who cancelled a registration and why (staff cancellations are audited).
    /// </summary>
    public partial class UnconfirmedHolds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "cancellation_reason",
                table: "registration",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "cancelled_by",
                table: "registration",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "email_confirmed_at",
                table: "registration",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "hold_expires_at",
                table: "registration",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_registration_hold_expires_at",
                table: "registration",
                column: "hold_expires_at",
                filter: "email_confirmed_at IS NULL AND status = 'Confirmed'");

            // Registrations made before holds were theirs outright: count them as confirmed, or the sweep would cancel them.
            migrationBuilder.Sql("UPDATE registration SET email_confirmed_at = created_at;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_registration_hold_expires_at",
                table: "registration");

            migrationBuilder.DropColumn(
                name: "cancellation_reason",
                table: "registration");

            migrationBuilder.DropColumn(
                name: "cancelled_by",
                table: "registration");

            migrationBuilder.DropColumn(
                name: "email_confirmed_at",
                table: "registration");

            migrationBuilder.DropColumn(
                name: "hold_expires_at",
                table: "registration");
        }
    }
}
