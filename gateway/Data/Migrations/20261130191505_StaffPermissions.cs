using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Gateway.Data.Migrations
{
    /// <inheritdoc />
    public partial class StaffPermissions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<Guid>(
                name: "OrganisationId",
                table: "Invitations",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<string>(
                name: "Role",
                table: "Invitations",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                // Every invitation made before staff could be invited was for an organisation user.
                defaultValue: "organisation");

            migrationBuilder.AddColumn<List<string>>(
                name: "Permissions",
                table: "AspNetUsers",
                type: "text[]",
                nullable: false,
                // Existing accounts hold no permission.
                defaultValueSql: "'{}'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Role",
                table: "Invitations");

            migrationBuilder.DropColumn(
                name: "Permissions",
                table: "AspNetUsers");

            migrationBuilder.AlterColumn<Guid>(
                name: "OrganisationId",
                table: "Invitations",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);
        }
    }
}
