using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kabinet.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Applications : Migration
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
                name: "complaints",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    author_account_id = table.Column<int>(type: "INTEGER", nullable: false),
                    author_person_id = table.Column<int>(type: "INTEGER", nullable: false),
                    municipality_id = table.Column<int>(type: "INTEGER", nullable: false),
                    organisation_id = table.Column<int>(type: "INTEGER", nullable: false),
                    child_person_id = table.Column<int>(type: "INTEGER", nullable: true),
                    child_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    child_birth_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    class_name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    phone = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    status_changed_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    answer = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    answered_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_complaints", x => x.id);
                    table.ForeignKey(
                        name: "fk_complaints_accounts_author_account_id",
                        column: x => x.author_account_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_complaints_municipalities_municipality_id",
                        column: x => x.municipality_id,
                        principalTable: "municipalities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_complaints_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

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
                name: "pfdo_certificate_applications",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    child_person_id = table.Column<int>(type: "INTEGER", nullable: false),
                    child_birth_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    applicant_person_id = table.Column<int>(type: "INTEGER", nullable: false),
                    submitted_by_account_id = table.Column<int>(type: "INTEGER", nullable: false),
                    municipality_id = table.Column<int>(type: "INTEGER", nullable: false),
                    residence_address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    proof_storage_key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    proof_file_name = table.Column<string>(type: "TEXT", maxLength: 130, nullable: true),
                    proof_content_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    proof_size = table.Column<long>(type: "INTEGER", nullable: true),
                    submitted_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    status_changed_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pfdo_certificate_applications", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "pfdo_certificate_nominals",
                columns: table => new
                {
                    municipality_id = table.Column<int>(type: "INTEGER", nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    amount_kopecks = table.Column<long>(type: "INTEGER", nullable: false),
                    set_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    set_by_account_id = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pfdo_certificate_nominals", x => new { x.municipality_id, x.year });
                });

            migrationBuilder.CreateTable(
                name: "pfdo_programmes",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    organisation_id = table.Column<int>(type: "INTEGER", nullable: false),
                    municipality_id = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    search_text = table.Column<string>(type: "TEXT", maxLength: 2201, nullable: false),
                    direction = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    age_from = table.Column<int>(type: "INTEGER", nullable: false),
                    age_to = table.Column<int>(type: "INTEGER", nullable: false),
                    funding = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    price_kopecks = table.Column<long>(type: "INTEGER", nullable: false),
                    places = table.Column<int>(type: "INTEGER", nullable: false),
                    taken = table.Column<int>(type: "INTEGER", nullable: false),
                    schedule = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    is_active = table.Column<bool>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pfdo_programmes", x => x.id);
                    table.CheckConstraint("ck_pfdo_programmes_places", "taken >= 0 AND taken <= places");
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
                name: "complaint_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    complaint_id = table.Column<int>(type: "INTEGER", nullable: false),
                    from = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    to = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    by_account_id = table.Column<int>(type: "INTEGER", nullable: false),
                    comment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_complaint_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_complaint_events_accounts_by_account_id",
                        column: x => x.by_account_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_complaint_events_complaints_complaint_id",
                        column: x => x.complaint_id,
                        principalTable: "complaints",
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
                name: "pfdo_certificates",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    child_person_id = table.Column<int>(type: "INTEGER", nullable: false),
                    municipality_id = table.Column<int>(type: "INTEGER", nullable: false),
                    application_id = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    issued_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    valid_until = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pfdo_certificates", x => x.id);
                    table.ForeignKey(
                        name: "fk_pfdo_certificates_pfdo_certificate_applications_application_id",
                        column: x => x.application_id,
                        principalTable: "pfdo_certificate_applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "pfdo_enrolments",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    programme_id = table.Column<int>(type: "INTEGER", nullable: false),
                    organisation_id = table.Column<int>(type: "INTEGER", nullable: false),
                    child_person_id = table.Column<int>(type: "INTEGER", nullable: false),
                    submitted_by_account_id = table.Column<int>(type: "INTEGER", nullable: false),
                    certificate_id = table.Column<int>(type: "INTEGER", nullable: true),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    amount_kopecks = table.Column<long>(type: "INTEGER", nullable: false),
                    refunded_kopecks = table.Column<long>(type: "INTEGER", nullable: false),
                    submitted_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    status_changed_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pfdo_enrolments", x => x.id);
                    table.ForeignKey(
                        name: "fk_pfdo_enrolments_pfdo_programmes_programme_id",
                        column: x => x.programme_id,
                        principalTable: "pfdo_programmes",
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

            migrationBuilder.CreateTable(
                name: "pfdo_certificate_balances",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    certificate_id = table.Column<int>(type: "INTEGER", nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    start_kopecks = table.Column<long>(type: "INTEGER", nullable: false),
                    balance_kopecks = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pfdo_certificate_balances", x => x.id);
                    table.CheckConstraint("ck_pfdo_certificate_balances_not_negative", "balance_kopecks >= 0");
                    table.ForeignKey(
                        name: "fk_pfdo_certificate_balances_pfdo_certificates_certificate_id",
                        column: x => x.certificate_id,
                        principalTable: "pfdo_certificates",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pfdo_ledger",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    certificate_id = table.Column<int>(type: "INTEGER", nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    enrolment_id = table.Column<int>(type: "INTEGER", nullable: true),
                    amount_kopecks = table.Column<long>(type: "INTEGER", nullable: false),
                    balance_after_kopecks = table.Column<long>(type: "INTEGER", nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pfdo_ledger", x => x.id);
                    table.ForeignKey(
                        name: "fk_pfdo_ledger_pfdo_certificates_certificate_id",
                        column: x => x.certificate_id,
                        principalTable: "pfdo_certificates",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pfdo_status_changes",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    certificate_application_id = table.Column<int>(type: "INTEGER", nullable: true),
                    enrolment_id = table.Column<int>(type: "INTEGER", nullable: true),
                    from = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    to = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    by_account_id = table.Column<int>(type: "INTEGER", nullable: true),
                    comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pfdo_status_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_pfdo_status_changes_certificate_applications_certificate_application_id",
                        column: x => x.certificate_application_id,
                        principalTable: "pfdo_certificate_applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_pfdo_status_changes_pfdo_enrolments_enrolment_id",
                        column: x => x.enrolment_id,
                        principalTable: "pfdo_enrolments",
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

            migrationBuilder.CreateIndex(
                name: "ix_complaint_events_by_account_id",
                table: "complaint_events",
                column: "by_account_id");

            migrationBuilder.CreateIndex(
                name: "ix_complaint_events_complaint_id_at",
                table: "complaint_events",
                columns: new[] { "complaint_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_complaints_author_account_id",
                table: "complaints",
                column: "author_account_id");

            migrationBuilder.CreateIndex(
                name: "ix_complaints_municipality_id_created_at",
                table: "complaints",
                columns: new[] { "municipality_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_complaints_organisation_id_created_at",
                table: "complaints",
                columns: new[] { "organisation_id", "created_at" });

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
                name: "ix_pfdo_certificate_applications_child_person_id",
                table: "pfdo_certificate_applications",
                column: "child_person_id");

            migrationBuilder.CreateIndex(
                name: "ix_pfdo_certificate_applications_municipality_id_status_submitted_at",
                table: "pfdo_certificate_applications",
                columns: new[] { "municipality_id", "status", "submitted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_pfdo_certificate_applications_one_open_per_child",
                table: "pfdo_certificate_applications",
                column: "child_person_id",
                unique: true,
                filter: "status IN ('Submitted', 'UnderReview')");

            migrationBuilder.CreateIndex(
                name: "ix_pfdo_certificate_applications_submitted_by_account_id",
                table: "pfdo_certificate_applications",
                column: "submitted_by_account_id");

            migrationBuilder.CreateIndex(
                name: "ix_pfdo_certificate_balances_certificate_id_year",
                table: "pfdo_certificate_balances",
                columns: new[] { "certificate_id", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_pfdo_certificates_application_id",
                table: "pfdo_certificates",
                column: "application_id");

            migrationBuilder.CreateIndex(
                name: "ix_pfdo_certificates_child_person_id",
                table: "pfdo_certificates",
                column: "child_person_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_pfdo_certificates_number",
                table: "pfdo_certificates",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_pfdo_enrolments_child_person_id_status",
                table: "pfdo_enrolments",
                columns: new[] { "child_person_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_pfdo_enrolments_one_active",
                table: "pfdo_enrolments",
                columns: new[] { "programme_id", "child_person_id" },
                unique: true,
                filter: "status IN ('Submitted', 'Enrolled')");

            migrationBuilder.CreateIndex(
                name: "ix_pfdo_enrolments_organisation_id_status_submitted_at",
                table: "pfdo_enrolments",
                columns: new[] { "organisation_id", "status", "submitted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_pfdo_ledger_certificate_id_at",
                table: "pfdo_ledger",
                columns: new[] { "certificate_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_pfdo_programmes_municipality_id_is_active_direction",
                table: "pfdo_programmes",
                columns: new[] { "municipality_id", "is_active", "direction" });

            migrationBuilder.CreateIndex(
                name: "ix_pfdo_programmes_organisation_id",
                table: "pfdo_programmes",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_pfdo_status_changes_certificate_application_id_at",
                table: "pfdo_status_changes",
                columns: new[] { "certificate_application_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_pfdo_status_changes_enrolment_id_at",
                table: "pfdo_status_changes",
                columns: new[] { "enrolment_id", "at" });

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
                name: "college_documents");

            migrationBuilder.DropTable(
                name: "college_status_changes");

            migrationBuilder.DropTable(
                name: "complaint_events");

            migrationBuilder.DropTable(
                name: "enrollment_school_intakes");

            migrationBuilder.DropTable(
                name: "enrollment_territories");

            migrationBuilder.DropTable(
                name: "pfdo_certificate_balances");

            migrationBuilder.DropTable(
                name: "pfdo_certificate_nominals");

            migrationBuilder.DropTable(
                name: "pfdo_ledger");

            migrationBuilder.DropTable(
                name: "pfdo_status_changes");

            migrationBuilder.DropTable(
                name: "school_application_changes");

            migrationBuilder.DropTable(
                name: "school_application_documents");

            migrationBuilder.DropTable(
                name: "school_submission_keys");

            migrationBuilder.DropTable(
                name: "college_applications");

            migrationBuilder.DropTable(
                name: "complaints");

            migrationBuilder.DropTable(
                name: "pfdo_certificates");

            migrationBuilder.DropTable(
                name: "pfdo_enrolments");

            migrationBuilder.DropTable(
                name: "school_applications");

            migrationBuilder.DropTable(
                name: "college_specialities");

            migrationBuilder.DropTable(
                name: "pfdo_certificate_applications");

            migrationBuilder.DropTable(
                name: "pfdo_programmes");

            migrationBuilder.DropTable(
                name: "enrollment_campaigns");
        }
    }
}
