using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kabinet.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class QueueStatistics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_kindergarten_status_changes_to_at",
                table: "kindergarten_status_changes",
                columns: new[] { "to", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_kindergarten_applications_child_person_id",
                table: "kindergarten_applications",
                column: "child_person_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_kindergarten_status_changes_to_at",
                table: "kindergarten_status_changes");

            migrationBuilder.DropIndex(
                name: "ix_kindergarten_applications_child_person_id",
                table: "kindergarten_applications");
        }
    }
}
