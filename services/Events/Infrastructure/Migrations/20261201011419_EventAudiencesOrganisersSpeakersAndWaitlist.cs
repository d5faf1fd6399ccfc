using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Events.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class EventAudiencesOrganisersSpeakersAndWaitlist : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string[]>(
                name: "access_need_kinds",
                table: "registration",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);

            migrationBuilder.AddColumn<bool>(
                name: "consent_to_photography",
                table: "registration",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string[]>(
                name: "dietary_requirement_kinds",
                table: "registration",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);

            migrationBuilder.AddColumn<Guid>(
                name: "invitation_id",
                table: "registration",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "allowed_domains",
                table: "partnership_event",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<string>(
                name: "audience",
                table: "partnership_event",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Public");

            migrationBuilder.AddColumn<string>(
                name: "invitation_code",
                table: "partnership_event",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "organisation_id",
                table: "partnership_event",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "venue_access_information",
                table: "partnership_event",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "venue_travel_and_parking",
                table: "partnership_event",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "waitlist_when_full",
                table: "partnership_event",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "event_waitlist_entry",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    request = table.Column<string>(type: "jsonb", nullable: false),
                    invitation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    queued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    registration_id = table.Column<Guid>(type: "uuid", nullable: true),
                    left_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_event_waitlist_entry", x => x.id);
                    table.ForeignKey(
                        name: "FK_event_waitlist_entry_partnership_event_event_id",
                        column: x => x.event_id,
                        principalTable: "partnership_event",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "invitation",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    code_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_invitation", x => x.id);
                    table.ForeignKey(
                        name: "FK_invitation_partnership_event_event_id",
                        column: x => x.event_id,
                        principalTable: "partnership_event",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "speaker",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    role = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    organisation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    biography = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    consent_to_publish = table.Column<bool>(type: "boolean", nullable: false),
                    session_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_speaker", x => x.id);
                    table.ForeignKey(
                        name: "FK_speaker_partnership_event_event_id",
                        column: x => x.event_id,
                        principalTable: "partnership_event",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_registration_invitation_id",
                table: "registration",
                column: "invitation_id");

            migrationBuilder.CreateIndex(
                name: "IX_partnership_event_organisation_id_starts_at",
                table: "partnership_event",
                columns: new[] { "organisation_id", "starts_at" },
                filter: "organisation_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_event_waitlist_entry_event_id_email",
                table: "event_waitlist_entry",
                columns: new[] { "event_id", "email" },
                unique: true,
                filter: "status = 'Waiting'");

            migrationBuilder.CreateIndex(
                name: "IX_event_waitlist_entry_event_id_status_queued_at_id",
                table: "event_waitlist_entry",
                columns: new[] { "event_id", "status", "queued_at", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_invitation_code_hash",
                table: "invitation",
                column: "code_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_invitation_event_id_email",
                table: "invitation",
                columns: new[] { "event_id", "email" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_speaker_event_id",
                table: "speaker",
                column: "event_id");

            migrationBuilder.AddForeignKey(
                name: "FK_registration_invitation_invitation_id",
                table: "registration",
                column: "invitation_id",
                principalTable: "invitation",
                principalColumn: "id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_registration_invitation_invitation_id",
                table: "registration");

            migrationBuilder.DropTable(
                name: "event_waitlist_entry");

            migrationBuilder.DropTable(
                name: "invitation");

            migrationBuilder.DropTable(
                name: "speaker");

            migrationBuilder.DropIndex(
                name: "IX_registration_invitation_id",
                table: "registration");

            migrationBuilder.DropIndex(
                name: "IX_partnership_event_organisation_id_starts_at",
                table: "partnership_event");

            migrationBuilder.DropColumn(
                name: "access_need_kinds",
                table: "registration");

            migrationBuilder.DropColumn(
                name: "consent_to_photography",
                table: "registration");

            migrationBuilder.DropColumn(
                name: "dietary_requirement_kinds",
                table: "registration");

            migrationBuilder.DropColumn(
                name: "invitation_id",
                table: "registration");

            migrationBuilder.DropColumn(
                name: "allowed_domains",
                table: "partnership_event");

            migrationBuilder.DropColumn(
                name: "audience",
                table: "partnership_event");

            migrationBuilder.DropColumn(
                name: "invitation_code",
                table: "partnership_event");

            migrationBuilder.DropColumn(
                name: "organisation_id",
                table: "partnership_event");

            migrationBuilder.DropColumn(
                name: "venue_access_information",
                table: "partnership_event");

            migrationBuilder.DropColumn(
                name: "venue_travel_and_parking",
                table: "partnership_event");

            migrationBuilder.DropColumn(
                name: "waitlist_when_full",
                table: "partnership_event");
        }
    }
}
