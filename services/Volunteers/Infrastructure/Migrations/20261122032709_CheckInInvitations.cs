using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Volunteers.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class CheckInInvitations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "check_in_invitation",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    volunteer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    token_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_check_in_invitation", x => x.id);
                    table.ForeignKey(
                        name: "FK_check_in_invitation_volunteer_volunteer_id",
                        column: x => x.volunteer_id,
                        principalTable: "volunteer",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_check_in_invitation_token_hash",
                table: "check_in_invitation",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_check_in_invitation_volunteer_id_sent_at",
                table: "check_in_invitation",
                columns: new[] { "volunteer_id", "sent_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "check_in_invitation");
        }
    }
}
