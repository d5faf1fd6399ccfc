using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Notifications.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class NewsDigestsDeliveryQueue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "digest_through",
                table: "subscription",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "districts",
                table: "subscription",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'::text[]");

            migrationBuilder.AddColumn<string>(
                name: "end_reason",
                table: "subscription",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ended_at",
                table: "subscription",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "pending_request_id",
                table: "subscription",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "address",
                table: "delivery",
                type: "character varying(254)",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "attachments",
                table: "delivery",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "attempts",
                table: "delivery",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "claimed_until",
                table: "delivery",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "failed_at",
                table: "delivery",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "failure_reason",
                table: "delivery",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "html_body",
                table: "delivery",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "news_post_id",
                table: "delivery",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "next_attempt_at",
                table: "delivery",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<int>(
                name: "priority",
                table: "delivery",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "subject",
                table: "delivery",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "subscriber_id",
                table: "delivery",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "text_body",
                table: "delivery",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "daily_count",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    metric = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_daily_count", x => new { x.day, x.metric });
                });

            migrationBuilder.CreateTable(
                name: "digest_run",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    frequency = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    cutoff = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    started_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    completed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    emails = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_digest_run", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "link_token_key",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    key = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_link_token_key", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "news_post",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    body_markdown = table.Column<string>(type: "text", nullable: false),
                    body_html = table.Column<string>(type: "text", nullable: false),
                    topic = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    district = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    published_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    author = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    source_event_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_news_post", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "suppression",
                columns: table => new
                {
                    fingerprint = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    reason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_suppression", x => x.fingerprint);
                });

            migrationBuilder.CreateIndex(
                name: "IX_subscription_status_frequency",
                table: "subscription",
                columns: new[] { "status", "frequency" });

            migrationBuilder.CreateIndex(
                name: "ix_delivery_outgoing",
                table: "delivery",
                columns: new[] { "priority", "id" },
                filter: "status IN ('Queued', 'Sending')");

            migrationBuilder.CreateIndex(
                name: "IX_delivery_sent_at",
                table: "delivery",
                column: "sent_at");

            migrationBuilder.CreateIndex(
                name: "IX_delivery_subscriber_id",
                table: "delivery",
                column: "subscriber_id");

            migrationBuilder.CreateIndex(
                name: "IX_digest_run_frequency_cutoff",
                table: "digest_run",
                columns: new[] { "frequency", "cutoff" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_news_post_source_event_id",
                table: "news_post",
                column: "source_event_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_news_post_status_published_at",
                table: "news_post",
                columns: new[] { "status", "published_at" });
            // Subscribers confirmed before digests existed start their first digest from their confirmation.
            migrationBuilder.Sql("UPDATE subscription SET digest_through = confirmed_at WHERE status = 'Confirmed' AND digest_through IS NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "daily_count");

            migrationBuilder.DropTable(
                name: "digest_run");

            migrationBuilder.DropTable(
                name: "link_token_key");

            migrationBuilder.DropTable(
                name: "news_post");

            migrationBuilder.DropTable(
                name: "suppression");

            migrationBuilder.DropIndex(
                name: "IX_subscription_status_frequency",
                table: "subscription");

            migrationBuilder.DropIndex(
                name: "ix_delivery_outgoing",
                table: "delivery");

            migrationBuilder.DropIndex(
                name: "IX_delivery_sent_at",
                table: "delivery");

            migrationBuilder.DropIndex(
                name: "IX_delivery_subscriber_id",
                table: "delivery");

            migrationBuilder.DropColumn(
                name: "digest_through",
                table: "subscription");

            migrationBuilder.DropColumn(
                name: "districts",
                table: "subscription");

            migrationBuilder.DropColumn(
                name: "end_reason",
                table: "subscription");

            migrationBuilder.DropColumn(
                name: "ended_at",
                table: "subscription");

            migrationBuilder.DropColumn(
                name: "pending_request_id",
                table: "subscription");

            migrationBuilder.DropColumn(
                name: "address",
                table: "delivery");

            migrationBuilder.DropColumn(
                name: "attachments",
                table: "delivery");

            migrationBuilder.DropColumn(
                name: "attempts",
                table: "delivery");

            migrationBuilder.DropColumn(
                name: "claimed_until",
                table: "delivery");

            migrationBuilder.DropColumn(
                name: "failed_at",
                table: "delivery");

            migrationBuilder.DropColumn(
                name: "failure_reason",
                table: "delivery");

            migrationBuilder.DropColumn(
                name: "html_body",
                table: "delivery");

            migrationBuilder.DropColumn(
                name: "news_post_id",
                table: "delivery");

            migrationBuilder.DropColumn(
                name: "next_attempt_at",
                table: "delivery");

            migrationBuilder.DropColumn(
                name: "priority",
                table: "delivery");

            migrationBuilder.DropColumn(
                name: "subject",
                table: "delivery");

            migrationBuilder.DropColumn(
                name: "subscriber_id",
                table: "delivery");

            migrationBuilder.DropColumn(
                name: "text_body",
                table: "delivery");
        }
    }
}
