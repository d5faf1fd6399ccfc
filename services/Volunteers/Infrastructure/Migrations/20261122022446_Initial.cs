using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Platform.Volunteers.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "inbox_state",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    consumer_id = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    received_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    consumed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbox_state", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "organisation",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    charity_number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    districts = table.Column<List<string>>(type: "text[]", nullable: false),
                    contact_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    contact_email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    contact_phone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    approved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    approved_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_organisation", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outbox_message",
                columns: table => new
                {
                    sequence_number = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_type = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    body = table.Column<string>(type: "text", nullable: false),
                    headers = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    attempt_count = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox_message", x => x.sequence_number);
                });

            migrationBuilder.CreateTable(
                name: "volunteer_role",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    district = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    location = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    remote = table.Column<bool>(type: "boolean", nullable: false),
                    skills = table.Column<List<string>>(type: "text[]", nullable: false),
                    time_commitment = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    availability = table.Column<string[]>(type: "text[]", nullable: false),
                    minimum_age = table.Column<int>(type: "integer", nullable: false),
                    background_check = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    places = table.Column<int>(type: "integer", nullable: false),
                    places_filled = table.Column<int>(type: "integer", nullable: false),
                    closes_on = table.Column<DateOnly>(type: "date", nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_volunteer_role", x => x.id);
                    table.CheckConstraint("ck_role_places", "places > 0 AND places_filled >= 0 AND places_filled <= places");
                    table.ForeignKey(
                        name: "FK_volunteer_role_organisation_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisation",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "volunteer_application",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    role_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    phone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    age_band = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    availability = table.Column<string[]>(type: "text[]", nullable: false),
                    skills = table.Column<List<string>>(type: "text[]", nullable: false),
                    motivation = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    experience = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    consent = table.Column<bool>(type: "boolean", nullable: false),
                    district = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    stage = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    manage_token_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    manage_token_expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_volunteer_application", x => x.id);
                    table.ForeignKey(
                        name: "FK_volunteer_application_volunteer_role_role_id",
                        column: x => x.role_id,
                        principalTable: "volunteer_role",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "stage_change",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    to = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    changed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stage_change", x => x.id);
                    table.ForeignKey(
                        name: "FK_stage_change_volunteer_application_application_id",
                        column: x => x.application_id,
                        principalTable: "volunteer_application",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "volunteer",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role_id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    phone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    skills = table.Column<List<string>>(type: "text[]", nullable: false),
                    availability = table.Column<string[]>(type: "text[]", nullable: false),
                    district = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    link_token_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    returns_on = table.Column<DateOnly>(type: "date", nullable: true),
                    left_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    exit_reason = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    exit_survey = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    approved_hours = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    last_activity_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    at_risk_since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    at_risk_reasons = table.Column<List<string>>(type: "text[]", nullable: false),
                    reengaged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_volunteer", x => x.id);
                    table.ForeignKey(
                        name: "FK_volunteer_volunteer_application_application_id",
                        column: x => x.application_id,
                        principalTable: "volunteer_application",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_volunteer_volunteer_role_role_id",
                        column: x => x.role_id,
                        principalTable: "volunteer_role",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "check_in",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    volunteer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    score = table.Column<int>(type: "integer", nullable: false),
                    comment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_check_in", x => x.id);
                    table.CheckConstraint("ck_check_in_score", "score BETWEEN 1 AND 5");
                    table.ForeignKey(
                        name: "FK_check_in_volunteer_volunteer_id",
                        column: x => x.volunteer_id,
                        principalTable: "volunteer",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "credential",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    volunteer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    issued_on = table.Column<DateOnly>(type: "date", nullable: true),
                    expires_on = table.Column<DateOnly>(type: "date", nullable: true),
                    reminder_sent_for = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_credential", x => x.id);
                    table.ForeignKey(
                        name: "FK_credential_volunteer_volunteer_id",
                        column: x => x.volunteer_id,
                        principalTable: "volunteer",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "hours_entry",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    volunteer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    hours = table.Column<decimal>(type: "numeric(4,2)", precision: 4, scale: 2, nullable: false),
                    activity = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    logged_by = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    logged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decided_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hours_entry", x => x.id);
                    table.CheckConstraint("ck_hours_range", "hours > 0 AND hours <= 24");
                    table.ForeignKey(
                        name: "FK_hours_entry_volunteer_volunteer_id",
                        column: x => x.volunteer_id,
                        principalTable: "volunteer",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "milestone",
                columns: table => new
                {
                    volunteer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    reached_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_milestone", x => new { x.volunteer_id, x.kind });
                    table.ForeignKey(
                        name: "FK_milestone_volunteer_volunteer_id",
                        column: x => x.volunteer_id,
                        principalTable: "volunteer",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_check_in_volunteer_id_at",
                table: "check_in",
                columns: new[] { "volunteer_id", "at" });

            migrationBuilder.CreateIndex(
                name: "IX_credential_expires_on",
                table: "credential",
                column: "expires_on");

            migrationBuilder.CreateIndex(
                name: "IX_credential_volunteer_id",
                table: "credential",
                column: "volunteer_id");

            migrationBuilder.CreateIndex(
                name: "IX_hours_entry_organisation_id_status",
                table: "hours_entry",
                columns: new[] { "organisation_id", "status" });

            migrationBuilder.CreateIndex(
                name: "IX_hours_entry_volunteer_id_date",
                table: "hours_entry",
                columns: new[] { "volunteer_id", "date" });

            migrationBuilder.CreateIndex(
                name: "IX_inbox_state_message_id_consumer_id",
                table: "inbox_state",
                columns: new[] { "message_id", "consumer_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_outbox_message_message_id",
                table: "outbox_message",
                column: "message_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_outbox_message_sent_at",
                table: "outbox_message",
                column: "sent_at");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_message_unsent",
                table: "outbox_message",
                column: "sequence_number",
                filter: "sent_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_stage_change_application_id",
                table: "stage_change",
                column: "application_id");

            migrationBuilder.CreateIndex(
                name: "IX_volunteer_application_id",
                table: "volunteer",
                column: "application_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_volunteer_link_token_hash",
                table: "volunteer",
                column: "link_token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_volunteer_organisation_id_status",
                table: "volunteer",
                columns: new[] { "organisation_id", "status" });

            migrationBuilder.CreateIndex(
                name: "IX_volunteer_role_id",
                table: "volunteer",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "IX_volunteer_status_last_activity_at",
                table: "volunteer",
                columns: new[] { "status", "last_activity_at" });

            migrationBuilder.CreateIndex(
                name: "IX_volunteer_application_manage_token_hash",
                table: "volunteer_application",
                column: "manage_token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_volunteer_application_organisation_id_stage",
                table: "volunteer_application",
                columns: new[] { "organisation_id", "stage" });

            migrationBuilder.CreateIndex(
                name: "IX_volunteer_application_role_id",
                table: "volunteer_application",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "IX_volunteer_role_organisation_id_status",
                table: "volunteer_role",
                columns: new[] { "organisation_id", "status" });

            migrationBuilder.CreateIndex(
                name: "IX_volunteer_role_skills",
                table: "volunteer_role",
                column: "skills")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "IX_volunteer_role_status_category_district",
                table: "volunteer_role",
                columns: new[] { "status", "category", "district" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "check_in");

            migrationBuilder.DropTable(
                name: "credential");

            migrationBuilder.DropTable(
                name: "hours_entry");

            migrationBuilder.DropTable(
                name: "inbox_state");

            migrationBuilder.DropTable(
                name: "milestone");

            migrationBuilder.DropTable(
                name: "outbox_message");

            migrationBuilder.DropTable(
                name: "stage_change");

            migrationBuilder.DropTable(
                name: "volunteer");

            migrationBuilder.DropTable(
                name: "volunteer_application");

            migrationBuilder.DropTable(
                name: "volunteer_role");

            migrationBuilder.DropTable(
                name: "organisation");
        }
    }
}
