using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kabinet.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FirstGradeEnrolledIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_school_applications_first_grade_enrolled",
                table: "school_applications",
                columns: new[] { "school_id", "school_year" },
                filter: "status = 'Enrolled' AND kind = 'FirstGrade'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_school_applications_first_grade_enrolled",
                table: "school_applications");
        }
    }
}
