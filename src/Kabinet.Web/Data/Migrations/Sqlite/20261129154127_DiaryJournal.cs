using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kabinet.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DiaryJournal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "diary_class_versions",
                columns: table => new
                {
                    class_group_id = table.Column<int>(type: "INTEGER", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_diary_class_versions", x => x.class_group_id);
                });

            migrationBuilder.CreateTable(
                name: "diary_closed_periods",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    organisation_id = table.Column<int>(type: "INTEGER", nullable: false),
                    academic_year_id = table.Column<int>(type: "INTEGER", nullable: false),
                    period_number = table.Column<int>(type: "INTEGER", nullable: false),
                    closed_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    closed_by_account_id = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_diary_closed_periods", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "diary_lessons",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    organisation_id = table.Column<int>(type: "INTEGER", nullable: false),
                    academic_year_id = table.Column<int>(type: "INTEGER", nullable: false),
                    class_group_id = table.Column<int>(type: "INTEGER", nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    number = table.Column<int>(type: "INTEGER", nullable: false),
                    subject_id = table.Column<int>(type: "INTEGER", nullable: false),
                    employee_id = table.Column<int>(type: "INTEGER", nullable: false),
                    topic = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_by_account_id = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_diary_lessons", x => x.id);
                    table.ForeignKey(
                        name: "fk_diary_lessons_diary_subjects_subject_id",
                        column: x => x.subject_id,
                        principalTable: "diary_subjects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "diary_mark_changes",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    mark_id = table.Column<long>(type: "INTEGER", nullable: true),
                    period_mark_id = table.Column<long>(type: "INTEGER", nullable: true),
                    student_person_id = table.Column<int>(type: "INTEGER", nullable: false),
                    subject_id = table.Column<int>(type: "INTEGER", nullable: false),
                    old_value = table.Column<int>(type: "INTEGER", nullable: true),
                    new_value = table.Column<int>(type: "INTEGER", nullable: true),
                    reason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    changed_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    changed_by_account_id = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_diary_mark_changes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "diary_period_marks",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    organisation_id = table.Column<int>(type: "INTEGER", nullable: false),
                    academic_year_id = table.Column<int>(type: "INTEGER", nullable: false),
                    class_group_id = table.Column<int>(type: "INTEGER", nullable: false),
                    subject_id = table.Column<int>(type: "INTEGER", nullable: false),
                    student_person_id = table.Column<int>(type: "INTEGER", nullable: false),
                    period_number = table.Column<int>(type: "INTEGER", nullable: false),
                    value = table.Column<int>(type: "INTEGER", nullable: false),
                    set_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    set_by_account_id = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_diary_period_marks", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "diary_attendance",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    lesson_id = table.Column<long>(type: "INTEGER", nullable: false),
                    class_group_id = table.Column<int>(type: "INTEGER", nullable: false),
                    subject_id = table.Column<int>(type: "INTEGER", nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    student_person_id = table.Column<int>(type: "INTEGER", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_by_account_id = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_diary_attendance", x => x.id);
                    table.ForeignKey(
                        name: "fk_diary_attendance_diary_lessons_lesson_id",
                        column: x => x.lesson_id,
                        principalTable: "diary_lessons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "diary_homework",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    lesson_id = table.Column<long>(type: "INTEGER", nullable: false),
                    class_group_id = table.Column<int>(type: "INTEGER", nullable: false),
                    subject_id = table.Column<int>(type: "INTEGER", nullable: false),
                    set_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    due_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_by_account_id = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_diary_homework", x => x.id);
                    table.ForeignKey(
                        name: "fk_diary_homework_diary_lessons_lesson_id",
                        column: x => x.lesson_id,
                        principalTable: "diary_lessons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "diary_lesson_comments",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    lesson_id = table.Column<long>(type: "INTEGER", nullable: false),
                    class_group_id = table.Column<int>(type: "INTEGER", nullable: false),
                    subject_id = table.Column<int>(type: "INTEGER", nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    student_person_id = table.Column<int>(type: "INTEGER", nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_by_account_id = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_diary_lesson_comments", x => x.id);
                    table.ForeignKey(
                        name: "fk_diary_lesson_comments_diary_lessons_lesson_id",
                        column: x => x.lesson_id,
                        principalTable: "diary_lessons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "diary_lesson_files",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    lesson_id = table.Column<long>(type: "INTEGER", nullable: false),
                    class_group_id = table.Column<int>(type: "INTEGER", nullable: false),
                    purpose = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    content_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    size = table.Column<long>(type: "INTEGER", nullable: false),
                    storage_key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    uploaded_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    uploaded_by_account_id = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_diary_lesson_files", x => x.id);
                    table.ForeignKey(
                        name: "fk_diary_lesson_files_diary_lessons_lesson_id",
                        column: x => x.lesson_id,
                        principalTable: "diary_lessons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "diary_marks",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    lesson_id = table.Column<long>(type: "INTEGER", nullable: false),
                    class_group_id = table.Column<int>(type: "INTEGER", nullable: false),
                    subject_id = table.Column<int>(type: "INTEGER", nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    student_person_id = table.Column<int>(type: "INTEGER", nullable: false),
                    work_kind_id = table.Column<int>(type: "INTEGER", nullable: false),
                    weight = table.Column<int>(type: "INTEGER", nullable: false),
                    value = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by_account_id = table.Column<int>(type: "INTEGER", nullable: false),
                    changed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    deleted_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_diary_marks", x => x.id);
                    table.ForeignKey(
                        name: "fk_diary_marks_diary_lessons_lesson_id",
                        column: x => x.lesson_id,
                        principalTable: "diary_lessons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_diary_marks_diary_work_kinds_work_kind_id",
                        column: x => x.work_kind_id,
                        principalTable: "diary_work_kinds",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_diary_attendance_lesson_id_student_person_id",
                table: "diary_attendance",
                columns: new[] { "lesson_id", "student_person_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_diary_attendance_student_person_id_date",
                table: "diary_attendance",
                columns: new[] { "student_person_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_diary_closed_periods_academic_year_id_period_number",
                table: "diary_closed_periods",
                columns: new[] { "academic_year_id", "period_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_diary_closed_periods_organisation_id",
                table: "diary_closed_periods",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_diary_homework_class_group_id_due_on",
                table: "diary_homework",
                columns: new[] { "class_group_id", "due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_diary_homework_lesson_id",
                table: "diary_homework",
                column: "lesson_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_diary_lesson_comments_lesson_id_student_person_id",
                table: "diary_lesson_comments",
                columns: new[] { "lesson_id", "student_person_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_diary_lesson_comments_student_person_id_date",
                table: "diary_lesson_comments",
                columns: new[] { "student_person_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_diary_lesson_files_class_group_id_purpose",
                table: "diary_lesson_files",
                columns: new[] { "class_group_id", "purpose" });

            migrationBuilder.CreateIndex(
                name: "ix_diary_lesson_files_lesson_id",
                table: "diary_lesson_files",
                column: "lesson_id");

            migrationBuilder.CreateIndex(
                name: "ix_diary_lessons_class_group_id_date_number",
                table: "diary_lessons",
                columns: new[] { "class_group_id", "date", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_diary_lessons_class_group_id_subject_id_date",
                table: "diary_lessons",
                columns: new[] { "class_group_id", "subject_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_diary_lessons_employee_id_date",
                table: "diary_lessons",
                columns: new[] { "employee_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_diary_lessons_subject_id",
                table: "diary_lessons",
                column: "subject_id");

            migrationBuilder.CreateIndex(
                name: "ix_diary_mark_changes_mark_id",
                table: "diary_mark_changes",
                column: "mark_id");

            migrationBuilder.CreateIndex(
                name: "ix_diary_mark_changes_period_mark_id",
                table: "diary_mark_changes",
                column: "period_mark_id");

            migrationBuilder.CreateIndex(
                name: "ix_diary_mark_changes_student_person_id_changed_at",
                table: "diary_mark_changes",
                columns: new[] { "student_person_id", "changed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_diary_marks_class_group_id_subject_id_date",
                table: "diary_marks",
                columns: new[] { "class_group_id", "subject_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_diary_marks_lesson_id",
                table: "diary_marks",
                column: "lesson_id");

            migrationBuilder.CreateIndex(
                name: "ix_diary_marks_student_person_id_date",
                table: "diary_marks",
                columns: new[] { "student_person_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_diary_marks_work_kind_id",
                table: "diary_marks",
                column: "work_kind_id");

            migrationBuilder.CreateIndex(
                name: "ix_diary_period_marks_class_group_id_subject_id",
                table: "diary_period_marks",
                columns: new[] { "class_group_id", "subject_id" });

            migrationBuilder.CreateIndex(
                name: "ix_diary_period_marks_student_person_id_academic_year_id_subject_id_period_number",
                table: "diary_period_marks",
                columns: new[] { "student_person_id", "academic_year_id", "subject_id", "period_number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "diary_attendance");

            migrationBuilder.DropTable(
                name: "diary_class_versions");

            migrationBuilder.DropTable(
                name: "diary_closed_periods");

            migrationBuilder.DropTable(
                name: "diary_homework");

            migrationBuilder.DropTable(
                name: "diary_lesson_comments");

            migrationBuilder.DropTable(
                name: "diary_lesson_files");

            migrationBuilder.DropTable(
                name: "diary_mark_changes");

            migrationBuilder.DropTable(
                name: "diary_marks");

            migrationBuilder.DropTable(
                name: "diary_period_marks");

            migrationBuilder.DropTable(
                name: "diary_lessons");
        }
    }
}
