using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Volunteers.Infrastructure.Migrations
{
    /// <summary>
    /// Volunteer links expire (VolunteersOptions.VolunteerLinkLifetime) and are renewed with each check-in. Links sent
    /// before this had no end: they get the default lifetime from now, so nobody's working link stops without warning.
    /// </summary>
    public partial class VolunteerLinksExpire : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "link_expires_at",
                table: "volunteer",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.Sql("UPDATE volunteer SET link_expires_at = now() + interval '120 days';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "link_expires_at",
                table: "volunteer");
        }
    }
}
