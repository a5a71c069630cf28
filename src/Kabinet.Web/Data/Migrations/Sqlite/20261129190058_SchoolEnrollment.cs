using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kabinet.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SchoolEnrollment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "enrollment_campaigns",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    municipality_id = table.Column<int>(type: "INTEGER", nullable: false),
                    start_year = table.Column<int>(type: "INTEGER", nullable: false),
                    priority_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    priority_to = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    general_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    general_to = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    tenth_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    tenth_to = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    first_grade_last_number = table.Column<int>(type: "INTEGER", nullable: false),
                    transfer_last_number = table.Column<int>(type: "INTEGER", nullable: false),
                    tenth_grade_last_number = table.Column<int>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enrollment_campaigns", x => x.id);
                    table.ForeignKey(
                        name: "fk_enrollment_campaigns_municipalities_municipality_id",
                        column: x => x.municipality_id,
                        principalTable: "municipalities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "enrollment_school_intakes",
                columns: table => new
                {
                    organisation_id = table.Column<int>(type: "INTEGER", nullable: false),
                    start_year = table.Column<int>(type: "INTEGER", nullable: false),
                    first_grade_places = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enrollment_school_intakes", x => new { x.organisation_id, x.start_year });
                    table.ForeignKey(
                        name: "fk_enrollment_school_intakes_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "enrollment_territories",
                columns: table => new
                {
                    organisation_id = table.Column<int>(type: "INTEGER", nullable: false),
                    municipality_id = table.Column<int>(type: "INTEGER", nullable: false),
                    lines = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enrollment_territories", x => x.organisation_id);
                    table.ForeignKey(
                        name: "fk_enrollment_territories_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "school_applications",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    campaign_id = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    registered_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    child_person_id = table.Column<int>(type: "INTEGER", nullable: false),
                    applicant_person_id = table.Column<int>(type: "INTEGER", nullable: false),
                    submitted_by_account_id = table.Column<int>(type: "INTEGER", nullable: false),
                    municipality_id = table.Column<int>(type: "INTEGER", nullable: false),
                    school_id = table.Column<int>(type: "INTEGER", nullable: false),
                    school_year = table.Column<int>(type: "INTEGER", nullable: false),
                    grade = table.Column<int>(type: "INTEGER", nullable: false),
                    current_school = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    current_grade = table.Column<int>(type: "INTEGER", nullable: true),
                    right = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    sibling_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    street = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    house = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    on_territory = table.Column<bool>(type: "INTEGER", nullable: false),
                    adapted_programme = table.Column<bool>(type: "INTEGER", nullable: false),
                    language = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    native_language = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    consent_personal_data = table.Column<bool>(type: "INTEGER", nullable: false),
                    consent_charter = table.Column<bool>(type: "INTEGER", nullable: false),
                    phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    email = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    birth_certificate_series = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    birth_certificate_number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    birth_certificate_issued_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    status_changed_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    order_number = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    order_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    refusal_reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_school_applications", x => x.id);
                    table.ForeignKey(
                        name: "fk_school_applications_accounts_submitted_by_account_id",
                        column: x => x.submitted_by_account_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_school_applications_enrollment_campaigns_campaign_id",
                        column: x => x.campaign_id,
                        principalTable: "enrollment_campaigns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_school_applications_municipalities_municipality_id",
                        column: x => x.municipality_id,
                        principalTable: "municipalities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_school_applications_organisations_school_id",
                        column: x => x.school_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_school_applications_people_applicant_person_id",
                        column: x => x.applicant_person_id,
                        principalTable: "people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_school_applications_people_child_person_id",
                        column: x => x.child_person_id,
                        principalTable: "people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "school_application_changes",
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
                    table.PrimaryKey("pk_school_application_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_school_application_changes_school_applications_application_id",
                        column: x => x.application_id,
                        principalTable: "school_applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "school_application_documents",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    application_id = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 140, nullable: false),
                    content_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    size = table.Column<long>(type: "INTEGER", nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    storage_key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    uploaded_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_school_application_documents", x => x.id);
                    table.ForeignKey(
                        name: "fk_school_application_documents_school_applications_application_id",
                        column: x => x.application_id,
                        principalTable: "school_applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "school_submission_keys",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    account_id = table.Column<int>(type: "INTEGER", nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    request_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    application_id = table.Column<int>(type: "INTEGER", nullable: false),
                    response = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_school_submission_keys", x => x.id);
                    table.ForeignKey(
                        name: "fk_school_submission_keys_school_applications_application_id",
                        column: x => x.application_id,
                        principalTable: "school_applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_enrollment_campaigns_municipality_id_start_year",
                table: "enrollment_campaigns",
                columns: new[] { "municipality_id", "start_year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_enrollment_territories_municipality_id",
                table: "enrollment_territories",
                column: "municipality_id");

            migrationBuilder.CreateIndex(
                name: "ix_school_application_changes_application_id_at",
                table: "school_application_changes",
                columns: new[] { "application_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_school_application_documents_application_id",
                table: "school_application_documents",
                column: "application_id");

            migrationBuilder.CreateIndex(
                name: "ix_school_application_documents_storage_key",
                table: "school_application_documents",
                column: "storage_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_school_applications_applicant_person_id",
                table: "school_applications",
                column: "applicant_person_id");

            migrationBuilder.CreateIndex(
                name: "ix_school_applications_campaign_id_kind_sequence",
                table: "school_applications",
                columns: new[] { "campaign_id", "kind", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_school_applications_child_person_id",
                table: "school_applications",
                column: "child_person_id");

            migrationBuilder.CreateIndex(
                name: "ix_school_applications_municipality_id_school_year",
                table: "school_applications",
                columns: new[] { "municipality_id", "school_year" });

            migrationBuilder.CreateIndex(
                name: "ix_school_applications_one_active",
                table: "school_applications",
                columns: new[] { "child_person_id", "school_id", "school_year" },
                unique: true,
                filter: "status IN ('Registered', 'UnderReview')");

            migrationBuilder.CreateIndex(
                name: "ix_school_applications_school_id_school_year_kind_sequence",
                table: "school_applications",
                columns: new[] { "school_id", "school_year", "kind", "sequence" });

            migrationBuilder.CreateIndex(
                name: "ix_school_applications_submitted_by_account_id",
                table: "school_applications",
                column: "submitted_by_account_id");

            migrationBuilder.CreateIndex(
                name: "ix_school_submission_keys_account_id_key",
                table: "school_submission_keys",
                columns: new[] { "account_id", "key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_school_submission_keys_application_id",
                table: "school_submission_keys",
                column: "application_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "enrollment_school_intakes");

            migrationBuilder.DropTable(
                name: "enrollment_territories");

            migrationBuilder.DropTable(
                name: "school_application_changes");

            migrationBuilder.DropTable(
                name: "school_application_documents");

            migrationBuilder.DropTable(
                name: "school_submission_keys");

            migrationBuilder.DropTable(
                name: "school_applications");

            migrationBuilder.DropTable(
                name: "enrollment_campaigns");
        }
    }
}
