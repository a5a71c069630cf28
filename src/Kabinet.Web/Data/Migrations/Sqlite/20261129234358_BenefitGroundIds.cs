using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kabinet.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BenefitGroundIds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Nothing on SQLite: AUTOINCREMENT already continues after the seeded grounds (the PostgreSQL twin moves its identity).
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
