using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Events.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class PitchesStandsQuestionsFeedbackCertificates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateSequence(
                name: "panel_question_approval");

            migrationBuilder.CreateTable(
                name: "certificate",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    registration_id = table.Column<Guid>(type: "uuid", nullable: false),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_certificate", x => x.id);
                    table.ForeignKey(
                        name: "FK_certificate_partnership_event_event_id",
                        column: x => x.event_id,
                        principalTable: "partnership_event",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_certificate_registration_registration_id",
                        column: x => x.registration_id,
                        principalTable: "registration",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "contribution",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    submitted_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    organisation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    contact_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    contact_email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    running_order = table.Column<int>(type: "integer", nullable: true),
                    slot_starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    slot_ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    allocation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decided_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contribution", x => x.id);
                    table.ForeignKey(
                        name: "FK_contribution_partnership_event_event_id",
                        column: x => x.event_id,
                        principalTable: "partnership_event",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "contribution_call",
                columns: table => new
                {
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    closes_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contribution_call", x => new { x.event_id, x.kind });
                    table.ForeignKey(
                        name: "FK_contribution_call_partnership_event_event_id",
                        column: x => x.event_id,
                        principalTable: "partnership_event",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "feedback_response",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    registration_id = table.Column<Guid>(type: "uuid", nullable: false),
                    comments = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_feedback_response", x => x.id);
                    table.ForeignKey(
                        name: "FK_feedback_response_partnership_event_event_id",
                        column: x => x.event_id,
                        principalTable: "partnership_event",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_feedback_response_registration_registration_id",
                        column: x => x.registration_id,
                        principalTable: "registration",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "panel_question",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    registration_id = table.Column<Guid>(type: "uuid", nullable: false),
                    text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    asked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    moderated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    moderated_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    approval_order = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_panel_question", x => x.id);
                    table.ForeignKey(
                        name: "FK_panel_question_partnership_event_event_id",
                        column: x => x.event_id,
                        principalTable: "partnership_event",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_panel_question_registration_registration_id",
                        column: x => x.registration_id,
                        principalTable: "registration",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "session_rating",
                columns: table => new
                {
                    response_id = table.Column<Guid>(type: "uuid", nullable: false),
                    session_id = table.Column<Guid>(type: "uuid", nullable: false),
                    rating = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_session_rating", x => new { x.response_id, x.session_id });
                    table.CheckConstraint("ck_session_rating_range", "rating BETWEEN 1 AND 5");
                    table.ForeignKey(
                        name: "FK_session_rating_feedback_response_response_id",
                        column: x => x.response_id,
                        principalTable: "feedback_response",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_session_rating_session_session_id",
                        column: x => x.session_id,
                        principalTable: "session",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_certificate_code",
                table: "certificate",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_certificate_event_id",
                table: "certificate",
                column: "event_id");

            migrationBuilder.CreateIndex(
                name: "ux_certificate_registration",
                table: "certificate",
                column: "registration_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_contribution_event_allocation",
                table: "contribution",
                columns: new[] { "event_id", "allocation" },
                unique: true,
                filter: "allocation IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ux_contribution_event_kind_organisation",
                table: "contribution",
                columns: new[] { "event_id", "kind", "organisation_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_contribution_event_running_order",
                table: "contribution",
                columns: new[] { "event_id", "running_order" },
                unique: true,
                filter: "running_order IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_feedback_response_event_id",
                table: "feedback_response",
                column: "event_id");

            migrationBuilder.CreateIndex(
                name: "ux_feedback_response_registration",
                table: "feedback_response",
                column: "registration_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_panel_question_event_id_approval_order",
                table: "panel_question",
                columns: new[] { "event_id", "approval_order" },
                filter: "approval_order IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_panel_question_event_id_status_asked_at",
                table: "panel_question",
                columns: new[] { "event_id", "status", "asked_at" });

            migrationBuilder.CreateIndex(
                name: "IX_panel_question_registration_id",
                table: "panel_question",
                column: "registration_id");

            migrationBuilder.CreateIndex(
                name: "IX_session_rating_session_id",
                table: "session_rating",
                column: "session_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "certificate");

            migrationBuilder.DropTable(
                name: "contribution");

            migrationBuilder.DropTable(
                name: "contribution_call");

            migrationBuilder.DropTable(
                name: "panel_question");

            migrationBuilder.DropTable(
                name: "session_rating");

            migrationBuilder.DropTable(
                name: "feedback_response");

            migrationBuilder.DropSequence(
                name: "panel_question_approval");
        }
    }
}
