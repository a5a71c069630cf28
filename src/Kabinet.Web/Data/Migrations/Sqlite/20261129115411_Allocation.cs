using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kabinet.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Allocation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "kindergarten_allocation_runs",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    municipality_id = table.Column<int>(type: "INTEGER", nullable: false),
                    admission_year = table.Column<int>(type: "INTEGER", nullable: false),
                    confirmed_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    by_account_id = table.Column<int>(type: "INTEGER", nullable: true),
                    result_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    referrals = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kindergarten_allocation_runs", x => x.id);
                    table.ForeignKey(
                        name: "fk_kindergarten_allocation_runs_municipalities_municipality_id",
                        column: x => x.municipality_id,
                        principalTable: "municipalities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "kindergarten_queue_settings",
                columns: table => new
                {
                    municipality_id = table.Column<int>(type: "INTEGER", nullable: false),
                    referral_valid_days = table.Column<int>(type: "INTEGER", nullable: false),
                    review_days = table.Column<int>(type: "INTEGER", nullable: false),
                    expired_referral = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_by_account_id = table.Column<int>(type: "INTEGER", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kindergarten_queue_settings", x => x.municipality_id);
                    table.ForeignKey(
                        name: "fk_kindergarten_queue_settings_municipalities_municipality_id",
                        column: x => x.municipality_id,
                        principalTable: "municipalities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "kindergarten_referrals",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    application_id = table.Column<int>(type: "INTEGER", nullable: false),
                    municipality_id = table.Column<int>(type: "INTEGER", nullable: false),
                    organisation_id = table.Column<int>(type: "INTEGER", nullable: false),
                    kindergarten_group_id = table.Column<int>(type: "INTEGER", nullable: false),
                    allocation_run_id = table.Column<int>(type: "INTEGER", nullable: false),
                    issued_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    valid_until = table.Column<DateTime>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    decided_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    reminder_sent_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kindergarten_referrals", x => x.id);
                    table.ForeignKey(
                        name: "fk_kindergarten_referrals_allocation_runs_allocation_run_id",
                        column: x => x.allocation_run_id,
                        principalTable: "kindergarten_allocation_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_kindergarten_referrals_kindergarten_applications_application_id",
                        column: x => x.application_id,
                        principalTable: "kindergarten_applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_kindergarten_referrals_kindergarten_groups_kindergarten_group_id",
                        column: x => x.kindergarten_group_id,
                        principalTable: "kindergarten_groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_kindergarten_referrals_municipalities_municipality_id",
                        column: x => x.municipality_id,
                        principalTable: "municipalities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_kindergarten_referrals_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_kindergarten_allocation_runs_municipality_id_confirmed_at",
                table: "kindergarten_allocation_runs",
                columns: new[] { "municipality_id", "confirmed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_kindergarten_referrals_allocation_run_id",
                table: "kindergarten_referrals",
                column: "allocation_run_id");

            migrationBuilder.CreateIndex(
                name: "ix_kindergarten_referrals_application_id_status",
                table: "kindergarten_referrals",
                columns: new[] { "application_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_kindergarten_referrals_kindergarten_group_id",
                table: "kindergarten_referrals",
                column: "kindergarten_group_id");

            migrationBuilder.CreateIndex(
                name: "ix_kindergarten_referrals_municipality_id_status",
                table: "kindergarten_referrals",
                columns: new[] { "municipality_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_kindergarten_referrals_organisation_id",
                table: "kindergarten_referrals",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_kindergarten_referrals_status_valid_until",
                table: "kindergarten_referrals",
                columns: new[] { "status", "valid_until" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "kindergarten_queue_settings");

            migrationBuilder.DropTable(
                name: "kindergarten_referrals");

            migrationBuilder.DropTable(
                name: "kindergarten_allocation_runs");
        }
    }
}
