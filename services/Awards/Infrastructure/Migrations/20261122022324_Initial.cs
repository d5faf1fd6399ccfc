using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Platform.Awards.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "awards_programme",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    nominations_open = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    nominations_close = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    judging_opens = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    judging_closes = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ceremony_event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    blind_judging = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    announced_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_awards_programme", x => x.id);
                    table.CheckConstraint("ck_programme_windows", "nominations_open < nominations_close AND nominations_close <= judging_opens AND judging_opens < judging_closes");
                });

            migrationBuilder.CreateTable(
                name: "ceremony_event",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    venue_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    cancelled = table.Column<bool>(type: "boolean", nullable: false),
                    as_of = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ceremony_event", x => x.id);
                });

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
                name: "volunteer_suggestion",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    volunteer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    volunteer_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    milestone = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    reached_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    district = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    category = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_volunteer_suggestion", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "award_category",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    programme_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    eligibility = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    citation_word_limit = table.Column<int>(type: "integer", nullable: false),
                    rubric = table.Column<string>(type: "jsonb", nullable: false),
                    shortlist_confirmed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    winner_nominee_id = table.Column<Guid>(type: "uuid", nullable: true),
                    winner_confirmed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_award_category", x => x.id);
                    table.CheckConstraint("ck_category_word_limit", "citation_word_limit > 0");
                    table.ForeignKey(
                        name: "FK_award_category_awards_programme_programme_id",
                        column: x => x.programme_id,
                        principalTable: "awards_programme",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "nominee",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    programme_id = table.Column<Guid>(type: "uuid", nullable: false),
                    category_id = table.Column<Guid>(type: "uuid", nullable: false),
                    key = table.Column<string>(type: "character varying(401)", maxLength: 401, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    organisation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    district = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    contact_email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    is_finalist = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_nominee", x => x.id);
                    table.ForeignKey(
                        name: "FK_nominee_award_category_category_id",
                        column: x => x.category_id,
                        principalTable: "award_category",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "panel_judge",
                columns: table => new
                {
                    category_id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_panel_judge", x => new { x.category_id, x.subject });
                    table.ForeignKey(
                        name: "FK_panel_judge_award_category_category_id",
                        column: x => x.category_id,
                        principalTable: "award_category",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "conflict_declaration",
                columns: table => new
                {
                    nominee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    category_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    declared_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_conflict_declaration", x => new { x.nominee_id, x.subject });
                    table.ForeignKey(
                        name: "FK_conflict_declaration_nominee_nominee_id",
                        column: x => x.nominee_id,
                        principalTable: "nominee",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "nomination",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    programme_id = table.Column<Guid>(type: "uuid", nullable: false),
                    category_id = table.Column<Guid>(type: "uuid", nullable: false),
                    nominee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    nominee_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    nominee_organisation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    nominee_district = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    nominee_contact = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    citation = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    nominator_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    nominator_email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    nominator_relationship = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    consent = table.Column<bool>(type: "boolean", nullable: false),
                    manage_token_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    manage_token_expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    screening_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    screened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    withdrawn_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_nomination", x => x.id);
                    table.ForeignKey(
                        name: "FK_nomination_award_category_category_id",
                        column: x => x.category_id,
                        principalTable: "award_category",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_nomination_nominee_nominee_id",
                        column: x => x.nominee_id,
                        principalTable: "nominee",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "scorecard",
                columns: table => new
                {
                    nominee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    category_id = table.Column<Guid>(type: "uuid", nullable: false),
                    scores = table.Column<string>(type: "jsonb", nullable: false),
                    weighted_score = table.Column<decimal>(type: "numeric(9,6)", precision: 9, scale: 6, nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scorecard", x => new { x.nominee_id, x.subject });
                    table.ForeignKey(
                        name: "FK_scorecard_nominee_nominee_id",
                        column: x => x.nominee_id,
                        principalTable: "nominee",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_award_category_programme_id_name",
                table: "award_category",
                columns: new[] { "programme_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_award_category_winner_nominee_id",
                table: "award_category",
                column: "winner_nominee_id");

            migrationBuilder.CreateIndex(
                name: "IX_awards_programme_announced_at",
                table: "awards_programme",
                column: "announced_at",
                filter: "announced_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_awards_programme_year",
                table: "awards_programme",
                column: "year",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_conflict_declaration_category_id",
                table: "conflict_declaration",
                column: "category_id");

            migrationBuilder.CreateIndex(
                name: "IX_inbox_state_message_id_consumer_id",
                table: "inbox_state",
                columns: new[] { "message_id", "consumer_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_nomination_category_id_status",
                table: "nomination",
                columns: new[] { "category_id", "status" });

            migrationBuilder.CreateIndex(
                name: "IX_nomination_manage_token_hash",
                table: "nomination",
                column: "manage_token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_nomination_nominee_id",
                table: "nomination",
                column: "nominee_id");

            migrationBuilder.CreateIndex(
                name: "IX_nominee_category_id_key",
                table: "nominee",
                columns: new[] { "category_id", "key" },
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
                name: "IX_panel_judge_subject",
                table: "panel_judge",
                column: "subject");

            migrationBuilder.CreateIndex(
                name: "IX_scorecard_category_id",
                table: "scorecard",
                column: "category_id");

            migrationBuilder.CreateIndex(
                name: "IX_volunteer_suggestion_reached_at",
                table: "volunteer_suggestion",
                column: "reached_at");

            migrationBuilder.CreateIndex(
                name: "IX_volunteer_suggestion_volunteer_id_milestone",
                table: "volunteer_suggestion",
                columns: new[] { "volunteer_id", "milestone" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_award_category_nominee_winner_nominee_id",
                table: "award_category",
                column: "winner_nominee_id",
                principalTable: "nominee",
                principalColumn: "id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_award_category_awards_programme_programme_id",
                table: "award_category");

            migrationBuilder.DropForeignKey(
                name: "FK_award_category_nominee_winner_nominee_id",
                table: "award_category");

            migrationBuilder.DropTable(
                name: "ceremony_event");

            migrationBuilder.DropTable(
                name: "conflict_declaration");

            migrationBuilder.DropTable(
                name: "inbox_state");

            migrationBuilder.DropTable(
                name: "nomination");

            migrationBuilder.DropTable(
                name: "outbox_message");

            migrationBuilder.DropTable(
                name: "panel_judge");

            migrationBuilder.DropTable(
                name: "scorecard");

            migrationBuilder.DropTable(
                name: "volunteer_suggestion");

            migrationBuilder.DropTable(
                name: "awards_programme");

            migrationBuilder.DropTable(
                name: "nominee");

            migrationBuilder.DropTable(
                name: "award_category");
        }
    }
}
