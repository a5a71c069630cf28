using Kabinet.Tests.Infrastructure;
using Kabinet.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Kabinet.Tests.Data;

public sealed class MigrationTests
{
    [Fact]
    public async Task Migrations_apply_to_an_empty_database_of_the_provider_under_test()
    {
        await using var database = TestDatabase.Create();
        await using var db = database.CreateContext();

        await db.Database.MigrateAsync();

        var all = db.Database.GetMigrations().ToList();
        Assert.NotEmpty(all);
        Assert.Equal(all, await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(0, await db.Municipalities.CountAsync());
        Assert.Equal(0, await db.Users.CountAsync());
    }

    [Fact]
    public async Task Migrations_apply_to_an_empty_SQLite_database_in_every_run()
    {
        var folder = Directory.CreateTempSubdirectory("kabinet-migrate-").FullName;
        var options = new DbContextOptionsBuilder<SqliteKabinetDbContext>();
        DataModule.ConfigureSqlite(options, $"Data Source={Path.Combine(folder, "empty.db")}");
        await using (var db = new SqliteKabinetDbContext(options.Options))
        {
            await db.Database.MigrateAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());

            // The embedded database runs in WAL mode with full fsync on commit.
            await db.Database.OpenConnectionAsync();
            var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA journal_mode";
            Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
            command.CommandText = "PRAGMA synchronous";
            Assert.Equal(2L, (long?)await command.ExecuteScalarAsync()); // 2 = FULL
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void The_SQLite_model_has_no_changes_missing_from_its_migrations()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Add a migration: dotnet ef migrations add <Name> --context SqliteKabinetDbContext --output-dir Data/Migrations/Sqlite");
    }

    [Fact]
    public void The_PostgreSQL_model_has_no_changes_missing_from_its_migrations()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Add a migration: dotnet ef migrations add <Name> --context PostgresKabinetDbContext --output-dir Data/Migrations/Postgres");
    }

    [Fact]
    public void Both_providers_have_the_same_migrations()
    {
        static IEnumerable<string> Names<TContext>(IDesignTimeDbContextFactory<TContext> factory)
            where TContext : DbContext
        {
            using var db = factory.CreateDbContext([]);
            return db.Database.GetMigrations().Select(m => m[(m.IndexOf('_', StringComparison.Ordinal) + 1)..]).ToList();
        }

        Assert.Equal(Names(new SqliteDesignTimeFactory()), Names(new PostgresDesignTimeFactory()));
    }
}
