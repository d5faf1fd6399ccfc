using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Volunteers.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class FreshVolunteerLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "link_requested_at",
                table: "volunteer",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "link_requested_at",
                table: "volunteer");
        }
    }
}
