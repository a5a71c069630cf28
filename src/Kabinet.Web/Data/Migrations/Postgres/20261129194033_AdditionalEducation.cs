using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Kabinet.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AdditionalEducation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "pfdo_certificate_applications",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    child_person_id = table.Column<int>(type: "integer", nullable: false),
                    child_birth_date = table.Column<DateOnly>(type: "date", nullable: false),
                    applicant_person_id = table.Column<int>(type: "integer", nullable: false),
                    submitted_by_account_id = table.Column<int>(type: "integer", nullable: false),
                    municipality_id = table.Column<int>(type: "integer", nullable: false),
                    residence_address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    proof_storage_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    proof_file_name = table.Column<string>(type: "character varying(130)", maxLength: 130, nullable: true),
                    proof_content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    proof_size = table.Column<long>(type: "bigint", nullable: true),
                    submitted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    status_changed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pfdo_certificate_applications", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "pfdo_certificate_nominals",
                columns: table => new
                {
                    municipality_id = table.Column<int>(type: "integer", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    amount_kopecks = table.Column<long>(type: "bigint", nullable: false),
                    set_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    set_by_account_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pfdo_certificate_nominals", x => new { x.municipality_id, x.year });
                });

            migrationBuilder.CreateTable(
                name: "pfdo_programmes",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    organisation_id = table.Column<int>(type: "integer", nullable: false),
                    municipality_id = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    search_text = table.Column<string>(type: "character varying(2201)", maxLength: 2201, nullable: false),
                    direction = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    age_from = table.Column<int>(type: "integer", nullable: false),
                    age_to = table.Column<int>(type: "integer", nullable: false),
                    funding = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    price_kopecks = table.Column<long>(type: "bigint", nullable: false),
                    places = table.Column<int>(type: "integer", nullable: false),
                    taken = table.Column<int>(type: "integer", nullable: false),
                    schedule = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pfdo_programmes", x => x.id);
                    table.CheckConstraint("ck_pfdo_programmes_places", "taken >= 0 AND taken <= places");
                });

            migrationBuilder.CreateTable(
                name: "pfdo_certificates",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    child_person_id = table.Column<int>(type: "integer", nullable: false),
                    municipality_id = table.Column<int>(type: "integer", nullable: false),
                    application_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    issued_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    valid_until = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pfdo_certificates", x => x.id);
                    table.ForeignKey(
                        name: "fk_pfdo_certificates_pfdo_certificate_applications_application",
                        column: x => x.application_id,
                        principalTable: "pfdo_certificate_applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "pfdo_enrolments",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    programme_id = table.Column<int>(type: "integer", nullable: false),
                    organisation_id = table.Column<int>(type: "integer", nullable: false),
                    child_person_id = table.Column<int>(type: "integer", nullable: false),
                    submitted_by_account_id = table.Column<int>(type: "integer", nullable: false),
                    certificate_id = table.Column<int>(type: "integer", nullable: true),
                    year = table.Column<int>(type: "integer", nullable: false),
                    amount_kopecks = table.Column<long>(type: "bigint", nullable: false),
                    refunded_kopecks = table.Column<long>(type: "bigint", nullable: false),
                    submitted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    status_changed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
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
                name: "pfdo_certificate_balances",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    certificate_id = table.Column<int>(type: "integer", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    start_kopecks = table.Column<long>(type: "bigint", nullable: false),
                    balance_kopecks = table.Column<long>(type: "bigint", nullable: false)
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
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    certificate_id = table.Column<int>(type: "integer", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    enrolment_id = table.Column<int>(type: "integer", nullable: true),
                    amount_kopecks = table.Column<long>(type: "bigint", nullable: false),
                    balance_after_kopecks = table.Column<long>(type: "bigint", nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    text = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
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
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    certificate_application_id = table.Column<int>(type: "integer", nullable: true),
                    enrolment_id = table.Column<int>(type: "integer", nullable: true),
                    from = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    to = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    by_account_id = table.Column<int>(type: "integer", nullable: true),
                    comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pfdo_status_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_pfdo_status_changes_certificate_applications_certificate_ap",
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
                name: "ix_pfdo_certificate_applications_child_person_id",
                table: "pfdo_certificate_applications",
                column: "child_person_id");

            migrationBuilder.CreateIndex(
                name: "ix_pfdo_certificate_applications_municipality_id_status_submit",
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "pfdo_certificate_balances");

            migrationBuilder.DropTable(
                name: "pfdo_certificate_nominals");

            migrationBuilder.DropTable(
                name: "pfdo_ledger");

            migrationBuilder.DropTable(
                name: "pfdo_status_changes");

            migrationBuilder.DropTable(
                name: "pfdo_certificates");

            migrationBuilder.DropTable(
                name: "pfdo_enrolments");

            migrationBuilder.DropTable(
                name: "pfdo_certificate_applications");

            migrationBuilder.DropTable(
                name: "pfdo_programmes");
        }
    }
}
