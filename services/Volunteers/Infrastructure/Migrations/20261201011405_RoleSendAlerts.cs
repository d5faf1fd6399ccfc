using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Volunteers.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class RoleSendAlerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Rows from before the setting existed keep alerting, as every new one does unless staff turn it off.
            migrationBuilder.AddColumn<bool>(
                name: "send_alerts",
                table: "volunteer_role",
                type: "boolean",
                nullable: false,
                defaultValue: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "send_alerts",
                table: "volunteer_role");
        }
    }
}
