using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kabinet.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CollegeAdmission : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "college_specialities",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    organisation_id = table.Column<int>(type: "INTEGER", nullable: false),
                    municipality_id = table.Column<int>(type: "INTEGER", nullable: false),
                    admission_year = table.Column<int>(type: "INTEGER", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    qualification = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    form = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    basis = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    budget_places = table.Column<int>(type: "INTEGER", nullable: false),
                    paid_places = table.Column<int>(type: "INTEGER", nullable: false),
                    medical_examination = table.Column<bool>(type: "INTEGER", nullable: false),
                    entrance_tests = table.Column<bool>(type: "INTEGER", nullable: false),
                    accept_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    accept_until = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    extended_until = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_college_specialities", x => x.id);
                    table.ForeignKey(
                        name: "fk_college_specialities_municipalities_municipality_id",
                        column: x => x.municipality_id,
                        principalTable: "municipalities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_college_specialities_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "college_applications",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    speciality_id = table.Column<int>(type: "INTEGER", nullable: false),
                    organisation_id = table.Column<int>(type: "INTEGER", nullable: false),
                    municipality_id = table.Column<int>(type: "INTEGER", nullable: false),
                    entrant_person_id = table.Column<int>(type: "INTEGER", nullable: false),
                    submitted_by_account_id = table.Column<int>(type: "INTEGER", nullable: true),
                    registered_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    average_hundredths = table.Column<int>(type: "INTEGER", nullable: false),
                    document_level = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    document_series = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    document_number = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    document_issued_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    priority_right = table.Column<bool>(type: "INTEGER", nullable: false),
                    achievements = table.Column<int>(type: "INTEGER", nullable: false),
                    achievement_count = table.Column<int>(type: "INTEGER", nullable: false),
                    target_contract = table.Column<bool>(type: "INTEGER", nullable: false),
                    original_submitted = table.Column<bool>(type: "INTEGER", nullable: false),
                    personal_data_consent = table.Column<bool>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    status_changed_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_college_applications", x => x.id);
                    table.ForeignKey(
                        name: "fk_college_applications_accounts_submitted_by_account_id",
                        column: x => x.submitted_by_account_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_college_applications_college_specialities_speciality_id",
                        column: x => x.speciality_id,
                        principalTable: "college_specialities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_college_applications_people_entrant_person_id",
                        column: x => x.entrant_person_id,
                        principalTable: "people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "college_documents",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    application_id = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 130, nullable: false),
                    content_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    size = table.Column<long>(type: "INTEGER", nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    storage_key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    uploaded_by_account_id = table.Column<int>(type: "INTEGER", nullable: true),
                    uploaded_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_college_documents", x => x.id);
                    table.ForeignKey(
                        name: "fk_college_documents_college_applications_application_id",
                        column: x => x.application_id,
                        principalTable: "college_applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "college_status_changes",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    application_id = table.Column<int>(type: "INTEGER", nullable: false),
                    from = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    to = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    by_account_id = table.Column<int>(type: "INTEGER", nullable: true),
                    comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_college_status_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_college_status_changes_college_applications_application_id",
                        column: x => x.application_id,
                        principalTable: "college_applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_college_applications_entrant_person_id",
                table: "college_applications",
                column: "entrant_person_id");

            migrationBuilder.CreateIndex(
                name: "ix_college_applications_municipality_id",
                table: "college_applications",
                column: "municipality_id");

            migrationBuilder.CreateIndex(
                name: "ix_college_applications_one_active_per_speciality",
                table: "college_applications",
                columns: new[] { "speciality_id", "entrant_person_id" },
                unique: true,
                filter: "status NOT IN ('Refused', 'Withdrawn')");

            migrationBuilder.CreateIndex(
                name: "ix_college_applications_organisation_id_status",
                table: "college_applications",
                columns: new[] { "organisation_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_college_applications_speciality_id_status_priority_right_average_hundredths",
                table: "college_applications",
                columns: new[] { "speciality_id", "status", "priority_right", "average_hundredths" });

            migrationBuilder.CreateIndex(
                name: "ix_college_applications_submitted_by_account_id",
                table: "college_applications",
                column: "submitted_by_account_id");

            migrationBuilder.CreateIndex(
                name: "ix_college_documents_application_id",
                table: "college_documents",
                column: "application_id");

            migrationBuilder.CreateIndex(
                name: "ix_college_documents_storage_key",
                table: "college_documents",
                column: "storage_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_college_specialities_admission_year_municipality_id",
                table: "college_specialities",
                columns: new[] { "admission_year", "municipality_id" });

            migrationBuilder.CreateIndex(
                name: "ix_college_specialities_municipality_id",
                table: "college_specialities",
                column: "municipality_id");

            migrationBuilder.CreateIndex(
                name: "ix_college_specialities_organisation_id_admission_year",
                table: "college_specialities",
                columns: new[] { "organisation_id", "admission_year" });

            migrationBuilder.CreateIndex(
                name: "ix_college_status_changes_application_id_at",
                table: "college_status_changes",
                columns: new[] { "application_id", "at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "college_documents");

            migrationBuilder.DropTable(
                name: "college_status_changes");

            migrationBuilder.DropTable(
                name: "college_applications");

            migrationBuilder.DropTable(
                name: "college_specialities");
        }
    }
}
