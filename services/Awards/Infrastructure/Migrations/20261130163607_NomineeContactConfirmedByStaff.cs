using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Awards.Infrastructure.Migrations
{
    /// <summary>
    /// The nominee's contact address is confirmed by staff (Screening/NomineeContactApi). The addresses first nominators
    /// set were never checked, so they are cleared; each nomination still holds the one its nominator proposed.
    /// </summary>
    public partial class NomineeContactConfirmedByStaff : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "contact_confirmed_at",
                table: "nominee",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "contact_confirmed_by",
                table: "nominee",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.Sql("UPDATE nominee SET contact_email = NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "contact_confirmed_at",
                table: "nominee");

            migrationBuilder.DropColumn(
                name: "contact_confirmed_by",
                table: "nominee");
        }
    }
}
