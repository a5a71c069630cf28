using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kabinet.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Faq : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "faq_entries",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    section = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    question = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    answer_markdown = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    order = table.Column<int>(type: "INTEGER", nullable: false),
                    published = table.Column<bool>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_by_account_id = table.Column<int>(type: "INTEGER", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_faq_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_faq_entries_accounts_updated_by_account_id",
                        column: x => x.updated_by_account_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_faq_entries_published_order",
                table: "faq_entries",
                columns: new[] { "published", "order" });

            migrationBuilder.CreateIndex(
                name: "ix_faq_entries_updated_by_account_id",
                table: "faq_entries",
                column: "updated_by_account_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "faq_entries");
        }
    }
}
