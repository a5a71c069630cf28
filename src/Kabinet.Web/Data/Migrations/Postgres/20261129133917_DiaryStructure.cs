using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Kabinet.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DiaryStructure : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "diary_bells",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    organisation_id = table.Column<int>(type: "integer", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    starts_at = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    ends_at = table.Column<TimeOnly>(type: "time without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_diary_bells", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "diary_subjects",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    organisation_id = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    short_name = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    result_kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_diary_subjects", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "diary_work_kinds",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    organisation_id = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    weight = table.Column<int>(type: "integer", nullable: false),
                    sort_order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_diary_work_kinds", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "diary_teaching_assignments",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    organisation_id = table.Column<int>(type: "integer", nullable: false),
                    academic_year_id = table.Column<int>(type: "integer", nullable: false),
                    class_group_id = table.Column<int>(type: "integer", nullable: false),
                    subject_id = table.Column<int>(type: "integer", nullable: false),
                    employee_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_diary_teaching_assignments", x => x.id);
                    table.ForeignKey(
                        name: "fk_diary_teaching_assignments_diary_subjects_subject_id",
                        column: x => x.subject_id,
                        principalTable: "diary_subjects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "diary_timetable_changes",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    organisation_id = table.Column<int>(type: "integer", nullable: false),
                    class_group_id = table.Column<int>(type: "integer", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    lesson_number = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    subject_id = table.Column<int>(type: "integer", nullable: true),
                    employee_id = table.Column<int>(type: "integer", nullable: true),
                    room = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    reason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by_account_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_diary_timetable_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_diary_timetable_changes_diary_subjects_subject_id",
                        column: x => x.subject_id,
                        principalTable: "diary_subjects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "diary_timetable_slots",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    organisation_id = table.Column<int>(type: "integer", nullable: false),
                    academic_year_id = table.Column<int>(type: "integer", nullable: false),
                    class_group_id = table.Column<int>(type: "integer", nullable: false),
                    day = table.Column<int>(type: "integer", nullable: false),
                    lesson_number = table.Column<int>(type: "integer", nullable: false),
                    subject_id = table.Column<int>(type: "integer", nullable: false),
                    employee_id = table.Column<int>(type: "integer", nullable: false),
                    room = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_diary_timetable_slots", x => x.id);
                    table.ForeignKey(
                        name: "fk_diary_timetable_slots_diary_subjects_subject_id",
                        column: x => x.subject_id,
                        principalTable: "diary_subjects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_diary_bells_organisation_id_number",
                table: "diary_bells",
                columns: new[] { "organisation_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_diary_subjects_organisation_id_name",
                table: "diary_subjects",
                columns: new[] { "organisation_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_diary_teaching_assignments_class_group_id_subject_id_employ",
                table: "diary_teaching_assignments",
                columns: new[] { "class_group_id", "subject_id", "employee_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_diary_teaching_assignments_employee_id_academic_year_id",
                table: "diary_teaching_assignments",
                columns: new[] { "employee_id", "academic_year_id" });

            migrationBuilder.CreateIndex(
                name: "ix_diary_teaching_assignments_organisation_id_academic_year_id",
                table: "diary_teaching_assignments",
                columns: new[] { "organisation_id", "academic_year_id" });

            migrationBuilder.CreateIndex(
                name: "ix_diary_teaching_assignments_subject_id",
                table: "diary_teaching_assignments",
                column: "subject_id");

            migrationBuilder.CreateIndex(
                name: "ix_diary_timetable_changes_class_group_id_date_lesson_number",
                table: "diary_timetable_changes",
                columns: new[] { "class_group_id", "date", "lesson_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_diary_timetable_changes_organisation_id_date",
                table: "diary_timetable_changes",
                columns: new[] { "organisation_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_diary_timetable_changes_subject_id",
                table: "diary_timetable_changes",
                column: "subject_id");

            migrationBuilder.CreateIndex(
                name: "ix_diary_timetable_slots_class_group_id_day_lesson_number_vali",
                table: "diary_timetable_slots",
                columns: new[] { "class_group_id", "day", "lesson_number", "valid_from" });

            migrationBuilder.CreateIndex(
                name: "ix_diary_timetable_slots_employee_id_day_lesson_number",
                table: "diary_timetable_slots",
                columns: new[] { "employee_id", "day", "lesson_number" });

            migrationBuilder.CreateIndex(
                name: "ix_diary_timetable_slots_organisation_id_academic_year_id",
                table: "diary_timetable_slots",
                columns: new[] { "organisation_id", "academic_year_id" });

            migrationBuilder.CreateIndex(
                name: "ix_diary_timetable_slots_subject_id",
                table: "diary_timetable_slots",
                column: "subject_id");

            migrationBuilder.CreateIndex(
                name: "ix_diary_work_kinds_organisation_id_name",
                table: "diary_work_kinds",
                columns: new[] { "organisation_id", "name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "diary_bells");

            migrationBuilder.DropTable(
                name: "diary_teaching_assignments");

            migrationBuilder.DropTable(
                name: "diary_timetable_changes");

            migrationBuilder.DropTable(
                name: "diary_timetable_slots");

            migrationBuilder.DropTable(
                name: "diary_work_kinds");

            migrationBuilder.DropTable(
                name: "diary_subjects");
        }
    }
}
