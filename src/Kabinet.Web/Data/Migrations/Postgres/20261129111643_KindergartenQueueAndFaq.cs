using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Kabinet.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class KindergartenQueueAndFaq : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "faq_entries",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    section = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    question = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    answer_markdown = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    order = table.Column<int>(type: "integer", nullable: false),
                    published = table.Column<bool>(type: "boolean", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_by_account_id = table.Column<int>(type: "integer", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_faq_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_faq_entries_accounts_updated_by_account_id",
                        column: x => x.updated_by_account_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "kindergarten_benefit_grounds",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    legal_basis = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kindergarten_benefit_grounds", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "kindergarten_applications",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    child_person_id = table.Column<int>(type: "integer", nullable: false),
                    child_birth_date = table.Column<DateOnly>(type: "date", nullable: false),
                    applicant_person_id = table.Column<int>(type: "integer", nullable: false),
                    submitted_by_account_id = table.Column<int>(type: "integer", nullable: true),
                    municipality_id = table.Column<int>(type: "integer", nullable: false),
                    registered_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    desired_date = table.Column<DateOnly>(type: "date", nullable: false),
                    admission_year = table.Column<int>(type: "integer", nullable: false),
                    age_group = table.Column<int>(type: "integer", nullable: false),
                    focus = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    need = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    mode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    language = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    adapted_programme = table.Column<bool>(type: "boolean", nullable: false),
                    benefit = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    benefit_ground_id = table.Column<int>(type: "integer", nullable: true),
                    benefit_status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    benefit_decided_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    status_changed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kindergarten_applications", x => x.id);
                    table.ForeignKey(
                        name: "fk_kindergarten_applications_benefit_grounds_benefit_ground_id",
                        column: x => x.benefit_ground_id,
                        principalTable: "kindergarten_benefit_grounds",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_kindergarten_applications_municipalities_municipality_id",
                        column: x => x.municipality_id,
                        principalTable: "municipalities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_kindergarten_applications_people_applicant_person_id",
                        column: x => x.applicant_person_id,
                        principalTable: "people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_kindergarten_applications_people_child_person_id",
                        column: x => x.child_person_id,
                        principalTable: "people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "kindergarten_application_choices",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    application_id = table.Column<int>(type: "integer", nullable: false),
                    priority = table.Column<int>(type: "integer", nullable: false),
                    organisation_id = table.Column<int>(type: "integer", nullable: false),
                    sibling_attends = table.Column<bool>(type: "boolean", nullable: false),
                    sibling_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kindergarten_application_choices", x => x.id);
                    table.ForeignKey(
                        name: "fk_kindergarten_application_choices_kindergarten_applications_",
                        column: x => x.application_id,
                        principalTable: "kindergarten_applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_kindergarten_application_choices_organisations_organisation",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "kindergarten_status_changes",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    application_id = table.Column<int>(type: "integer", nullable: false),
                    from = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    to = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    by_account_id = table.Column<int>(type: "integer", nullable: true),
                    comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kindergarten_status_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_kindergarten_status_changes_kindergarten_applications_appli",
                        column: x => x.application_id,
                        principalTable: "kindergarten_applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "kindergarten_benefit_grounds",
                columns: new[] { "id", "active", "kind", "legal_basis", "title" },
                values: new object[,]
                {
                    { 1, true, "OutOfTurn", "п. 12 ст. 14, п. 12 ст. 17 Закона РФ от 15.05.1991 № 1244-1", "Дети граждан, подвергшихся воздействию радиации вследствие катастрофы на Чернобыльской АЭС" },
                    { 2, true, "OutOfTurn", "Постановление Верховного Совета РФ от 27.12.1991 № 2123-1", "Дети граждан из подразделений особого риска" },
                    { 3, true, "OutOfTurn", "п. 5 ст. 44 Федерального закона от 17.01.1992 № 2202-1 «О прокуратуре Российской Федерации»", "Дети прокуроров" },
                    { 4, true, "OutOfTurn", "п. 3 ст. 19 Закона РФ от 26.06.1992 № 3132-1 «О статусе судей в Российской Федерации»", "Дети судей" },
                    { 5, true, "OutOfTurn", "ч. 25 ст. 35 Федерального закона от 28.12.2010 № 403-ФЗ «О Следственном комитете Российской Федерации»", "Дети сотрудников Следственного комитета Российской Федерации" },
                    { 6, true, "OutOfTurn", "п. 8 ст. 24 Федерального закона от 27.05.1998 № 76-ФЗ; ст. 28.1 Федерального закона от 03.07.2016 № 226-ФЗ (в ред. Федерального закона от 24.06.2023 № 281-ФЗ)", "Дети военнослужащих, сотрудников Росгвардии и добровольцев, погибших (умерших) при выполнении задач в ходе специальной военной операции" },
                    { 7, true, "FirstPriority", "абз. 2 п. 6 ст. 19 Федерального закона от 27.05.1998 № 76-ФЗ «О статусе военнослужащих» (в ред. Федерального закона от 24.06.2023 № 281-ФЗ)", "Дети военнослужащих (в том числе членов добровольческих формирований), по месту жительства семьи" },
                    { 8, true, "FirstPriority", "ч. 6 ст. 46 Федерального закона от 07.02.2011 № 3-ФЗ «О полиции»", "Дети сотрудников полиции, в том числе погибших или уволенных вследствие увечья, и находившиеся на их иждивении" },
                    { 9, true, "FirstPriority", "ч. 6 ст. 46, ч. 2 ст. 56 Федерального закона от 07.02.2011 № 3-ФЗ «О полиции»", "Дети сотрудников органов внутренних дел, не являющихся сотрудниками полиции" },
                    { 10, true, "FirstPriority", "ч. 14 ст. 3 Федерального закона от 30.12.2012 № 283-ФЗ", "Дети сотрудников уголовно-исполнительной системы, федеральной противопожарной службы, органов принудительного исполнения, таможенных органов" },
                    { 11, true, "FirstPriority", "Указ Президента РФ от 02.10.1992 № 1157", "Дети-инвалиды и дети, один из родителей которых является инвалидом" },
                    { 12, true, "FirstPriority", "Закон Кемеровской области от 10.10.2005 № 123-ОЗ «О мерах социальной поддержки многодетных семей»", "Дети из многодетных семей" },
                    { 13, true, "FirstPriority", "Закон Кемеровской области от 16.03.2001 № 26-ОЗ", "Дети из приёмных семей, в которых воспитываются трое и более детей" }
                });

            migrationBuilder.CreateIndex(
                name: "ix_faq_entries_published_order",
                table: "faq_entries",
                columns: new[] { "published", "order" });

            migrationBuilder.CreateIndex(
                name: "ix_faq_entries_updated_by_account_id",
                table: "faq_entries",
                column: "updated_by_account_id");

            migrationBuilder.CreateIndex(
                name: "ix_kindergarten_application_choices_application_id_priority",
                table: "kindergarten_application_choices",
                columns: new[] { "application_id", "priority" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_kindergarten_application_choices_organisation_id_applicatio",
                table: "kindergarten_application_choices",
                columns: new[] { "organisation_id", "application_id" });

            migrationBuilder.CreateIndex(
                name: "ix_kindergarten_applications_admission_year_age_group_status",
                table: "kindergarten_applications",
                columns: new[] { "admission_year", "age_group", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_kindergarten_applications_applicant_person_id",
                table: "kindergarten_applications",
                column: "applicant_person_id");

            migrationBuilder.CreateIndex(
                name: "ix_kindergarten_applications_benefit_ground_id",
                table: "kindergarten_applications",
                column: "benefit_ground_id");

            migrationBuilder.CreateIndex(
                name: "ix_kindergarten_applications_municipality_id_status_registered",
                table: "kindergarten_applications",
                columns: new[] { "municipality_id", "status", "registered_at" });

            migrationBuilder.CreateIndex(
                name: "ix_kindergarten_applications_one_active_per_child",
                table: "kindergarten_applications",
                column: "child_person_id",
                unique: true,
                filter: "status NOT IN ('Refused', 'Archived')");

            migrationBuilder.CreateIndex(
                name: "ix_kindergarten_status_changes_application_id_at",
                table: "kindergarten_status_changes",
                columns: new[] { "application_id", "at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "faq_entries");

            migrationBuilder.DropTable(
                name: "kindergarten_application_choices");

            migrationBuilder.DropTable(
                name: "kindergarten_status_changes");

            migrationBuilder.DropTable(
                name: "kindergarten_applications");

            migrationBuilder.DropTable(
                name: "kindergarten_benefit_grounds");
        }
    }
}
