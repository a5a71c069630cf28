using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Kabinet.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ExchangeAllocationPeriodDiaryStructure : Migration
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
                name: "kindergarten_exchange_announcements",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    application_id = table.Column<int>(type: "integer", nullable: false),
                    municipality_id = table.Column<int>(type: "integer", nullable: false),
                    organisation_id = table.Column<int>(type: "integer", nullable: false),
                    kindergarten_group_id = table.Column<int>(type: "integer", nullable: false),
                    comment = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kindergarten_exchange_announcements", x => x.id);
                    table.ForeignKey(
                        name: "fk_kindergarten_exchange_announcements_kindergarten_applicatio",
                        column: x => x.application_id,
                        principalTable: "kindergarten_applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_kindergarten_exchange_announcements_kindergarten_groups_kin",
                        column: x => x.kindergarten_group_id,
                        principalTable: "kindergarten_groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_kindergarten_exchange_announcements_municipalities_municipa",
                        column: x => x.municipality_id,
                        principalTable: "municipalities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_kindergarten_exchange_announcements_organisations_organisat",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "kindergarten_exchange_swaps",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    municipality_id = table.Column<int>(type: "integer", nullable: false),
                    proposed_by_account_id = table.Column<int>(type: "integer", nullable: true),
                    cycle_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    reason = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    decided_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    decided_by_account_id = table.Column<int>(type: "integer", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kindergarten_exchange_swaps", x => x.id);
                    table.ForeignKey(
                        name: "fk_kindergarten_exchange_swaps_accounts_proposed_by_account_id",
                        column: x => x.proposed_by_account_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_kindergarten_exchange_swaps_municipalities_municipality_id",
                        column: x => x.municipality_id,
                        principalTable: "municipalities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
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

            migrationBuilder.CreateTable(
                name: "kindergarten_exchange_wishes",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    announcement_id = table.Column<int>(type: "integer", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    organisation_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kindergarten_exchange_wishes", x => x.id);
                    table.ForeignKey(
                        name: "fk_kindergarten_exchange_wishes_kindergarten_exchange_announce",
                        column: x => x.announcement_id,
                        principalTable: "kindergarten_exchange_announcements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_kindergarten_exchange_wishes_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "kindergarten_exchange_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    exchange_id = table.Column<int>(type: "integer", nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    by_account_id = table.Column<int>(type: "integer", nullable: true),
                    text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kindergarten_exchange_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_kindergarten_exchange_events_kindergarten_exchange_swaps_ex",
                        column: x => x.exchange_id,
                        principalTable: "kindergarten_exchange_swaps",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "kindergarten_exchange_participants",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    exchange_id = table.Column<int>(type: "integer", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    announcement_id = table.Column<int>(type: "integer", nullable: false),
                    application_id = table.Column<int>(type: "integer", nullable: false),
                    organisation_id = table.Column<int>(type: "integer", nullable: false),
                    kindergarten_group_id = table.Column<int>(type: "integer", nullable: false),
                    confirmed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    confirmed_by_account_id = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kindergarten_exchange_participants", x => x.id);
                    table.ForeignKey(
                        name: "fk_kindergarten_exchange_participants_kindergarten_application",
                        column: x => x.application_id,
                        principalTable: "kindergarten_applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_kindergarten_exchange_participants_kindergarten_exchange_an",
                        column: x => x.announcement_id,
                        principalTable: "kindergarten_exchange_announcements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_kindergarten_exchange_participants_kindergarten_exchange_sw",
                        column: x => x.exchange_id,
                        principalTable: "kindergarten_exchange_swaps",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_kindergarten_exchange_participants_kindergarten_groups_kind",
                        column: x => x.kindergarten_group_id,
                        principalTable: "kindergarten_groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_kindergarten_exchange_participants_organisations_organisati",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
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

            migrationBuilder.CreateIndex(
                name: "ix_kindergarten_exchange_announcements_kindergarten_group_id",
                table: "kindergarten_exchange_announcements",
                column: "kindergarten_group_id");

            migrationBuilder.CreateIndex(
                name: "ix_kindergarten_exchange_announcements_municipality_id_status_",
                table: "kindergarten_exchange_announcements",
                columns: new[] { "municipality_id", "status", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_kindergarten_exchange_announcements_one_active",
                table: "kindergarten_exchange_announcements",
                column: "application_id",
                unique: true,
                filter: "status = 'Active'");

            migrationBuilder.CreateIndex(
                name: "ix_kindergarten_exchange_announcements_organisation_id",
                table: "kindergarten_exchange_announcements",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_kindergarten_exchange_events_exchange_id_at",
                table: "kindergarten_exchange_events",
                columns: new[] { "exchange_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_kindergarten_exchange_participants_announcement_id",
                table: "kindergarten_exchange_participants",
                column: "announcement_id");

            migrationBuilder.CreateIndex(
                name: "ix_kindergarten_exchange_participants_application_id",
                table: "kindergarten_exchange_participants",
                column: "application_id");

            migrationBuilder.CreateIndex(
                name: "ix_kindergarten_exchange_participants_exchange_id_position",
                table: "kindergarten_exchange_participants",
                columns: new[] { "exchange_id", "position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_kindergarten_exchange_participants_kindergarten_group_id",
                table: "kindergarten_exchange_participants",
                column: "kindergarten_group_id");

            migrationBuilder.CreateIndex(
                name: "ix_kindergarten_exchange_participants_organisation_id",
                table: "kindergarten_exchange_participants",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_kindergarten_exchange_swaps_cycle_key",
                table: "kindergarten_exchange_swaps",
                column: "cycle_key");

            migrationBuilder.CreateIndex(
                name: "ix_kindergarten_exchange_swaps_municipality_id_status",
                table: "kindergarten_exchange_swaps",
                columns: new[] { "municipality_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_kindergarten_exchange_swaps_proposed_by_account_id",
                table: "kindergarten_exchange_swaps",
                column: "proposed_by_account_id");

            migrationBuilder.CreateIndex(
                name: "ix_kindergarten_exchange_wishes_announcement_id_organisation_id",
                table: "kindergarten_exchange_wishes",
                columns: new[] { "announcement_id", "organisation_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_kindergarten_exchange_wishes_organisation_id",
                table: "kindergarten_exchange_wishes",
                column: "organisation_id");
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
                name: "kindergarten_exchange_events");

            migrationBuilder.DropTable(
                name: "kindergarten_exchange_participants");

            migrationBuilder.DropTable(
                name: "kindergarten_exchange_wishes");

            migrationBuilder.DropTable(
                name: "diary_subjects");

            migrationBuilder.DropTable(
                name: "kindergarten_exchange_swaps");

            migrationBuilder.DropTable(
                name: "kindergarten_exchange_announcements");

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
