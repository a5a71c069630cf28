using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kabinet.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AllocationPeriod : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "main_allocation_from",
                table: "kindergarten_queue_settings",
                type: "integer",
                nullable: false,
                defaultValue: 401);

            migrationBuilder.AddColumn<int>(
                name: "main_allocation_to",
                table: "kindergarten_queue_settings",
                type: "integer",
                nullable: false,
                defaultValue: 531);

            migrationBuilder.AddColumn<string>(
                name: "kind",
                table: "kindergarten_allocation_runs",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Main");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "main_allocation_from",
                table: "kindergarten_queue_settings");

            migrationBuilder.DropColumn(
                name: "main_allocation_to",
                table: "kindergarten_queue_settings");

            migrationBuilder.DropColumn(
                name: "kind",
                table: "kindergarten_allocation_runs");
        }
    }
}
