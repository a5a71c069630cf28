using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kabinet.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BenefitGroundIds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The seeded grounds were inserted with their ids, which leaves the identity behind them: the first ground
            // a regional administrator adds would otherwise take id 1 again.
            migrationBuilder.Sql("SELECT setval(pg_get_serial_sequence('kindergarten_benefit_grounds', 'id'), COALESCE((SELECT MAX(id) FROM kindergarten_benefit_grounds), 0) + 1, false);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to undo: the identity only moved past the rows that exist.
        }
    }
}
