using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Events.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class EventAlertsAndChangeNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "calendar_sequence",
                table: "partnership_event",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Rows from before the setting existed keep alerting, as every new one does unless staff turn it off.
            migrationBuilder.AddColumn<bool>(
                name: "send_alerts",
                table: "partnership_event",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.CreateTable(
                name: "change_notice",
                columns: table => new
                {
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    before = table.Column<string>(type: "jsonb", nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_change_notice", x => x.event_id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_change_notice_due_at",
                table: "change_notice",
                column: "due_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "change_notice");

            migrationBuilder.DropColumn(
                name: "calendar_sequence",
                table: "partnership_event");

            migrationBuilder.DropColumn(
                name: "send_alerts",
                table: "partnership_event");
        }
    }
}
