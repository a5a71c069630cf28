using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Kabinet.Web.Data;

// Used only by `dotnet ef migrations add`: each provider's model is built exactly as at run time.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteKabinetDbContext>
{
    public SqliteKabinetDbContext CreateDbContext(string[] args) => new(
        (DbContextOptions<SqliteKabinetDbContext>)DataModule.ConfigureSqlite(new DbContextOptionsBuilder<SqliteKabinetDbContext>(), "Data Source=design-time.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresKabinetDbContext>
{
    public PostgresKabinetDbContext CreateDbContext(string[] args) => new(
        (DbContextOptions<PostgresKabinetDbContext>)DataModule.ConfigurePostgres(new DbContextOptionsBuilder<PostgresKabinetDbContext>(), "Host=localhost;Database=kabinet_design").Options);
}
