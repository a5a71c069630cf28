using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kabinet.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AccountsIssuedListsSmsContacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "channel",
                table: "outbox_messages",
                type: "TEXT",
                maxLength: 8,
                nullable: false,
                defaultValue: "Email");

            migrationBuilder.AddColumn<string>(
                name: "kind",
                table: "contact_changes",
                type: "TEXT",
                maxLength: 8,
                nullable: false,
                defaultValue: "Email");

            migrationBuilder.AddColumn<bool>(
                name: "temporary_password_by_email",
                table: "accounts",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "issued_lists",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    organisation_id = table.Column<int>(type: "INTEGER", nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    people = table.Column<int>(type: "INTEGER", nullable: false),
                    issued_by_account_id = table.Column<int>(type: "INTEGER", nullable: false),
                    issued_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_issued_lists", x => x.id);
                    table.ForeignKey(
                        name: "fk_issued_lists_accounts_issued_by_account_id",
                        column: x => x.issued_by_account_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_issued_lists_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_issued_lists_issued_by_account_id",
                table: "issued_lists",
                column: "issued_by_account_id");

            migrationBuilder.CreateIndex(
                name: "ix_issued_lists_organisation_id_sha256",
                table: "issued_lists",
                columns: new[] { "organisation_id", "sha256" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "issued_lists");

            migrationBuilder.DropColumn(
                name: "channel",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "kind",
                table: "contact_changes");

            migrationBuilder.DropColumn(
                name: "temporary_password_by_email",
                table: "accounts");
        }
    }
}
