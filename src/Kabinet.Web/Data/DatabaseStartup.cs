using Kabinet.Web.Data.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Kabinet.Web.Data;

/// <summary>Brings the database up to date on start: migrations (unless switched off), then the demo region into an empty database.</summary>
internal sealed class DatabaseStartup(KabinetDbContext db, DatabaseSettings settings, Seeder seeder, ILogger<DatabaseStartup> log)
{
    // Several nodes may start at once against one PostgreSQL: only one of them migrates and seeds at a time.
    private const long PrepareLockKey = 0x4B61_6269_6E65_74;

    public async Task<int> MigrateAsync(CancellationToken ct)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0)
        {
            log.LogInformation("Applying {Count} migrations to {Database}", pending.Count, settings.Describe());
            await db.Database.MigrateAsync(ct);
        }

        return pending.Count;
    }

    public async Task PrepareAsync(CancellationToken ct)
    {
        if (!settings.MigrateOnStart && !settings.SeedDemoOnEmpty)
            return; // production nodes migrate with the `migrate` command and start without touching the database

        // The lock below needs the database to exist; a brand-new server gets it created first.
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (settings.MigrateOnStart && !await creator.ExistsAsync(ct))
        {
            try
            {
                await creator.CreateAsync(ct);
            }
            catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.DuplicateDatabase)
            {
                // Another node created it a moment ago.
            }
        }

        await db.Database.OpenConnectionAsync(ct);
        var locked = false;
        try
        {
            if (settings.Provider == DatabaseProvider.PostgreSql)
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({PrepareLockKey})", ct);
                locked = true;
            }

            if (settings.MigrateOnStart)
                await MigrateAsync(ct);

            if (settings.SeedDemoOnEmpty
                && !(await db.Database.GetPendingMigrationsAsync(ct)).Any()
                && !await db.Municipalities.AnyAsync(ct))
            {
                log.LogInformation("The database is empty: loading the demo region");
                await seeder.SeedAsync(SeedScale.Demo, SeedScale.DefaultSeed, ct);
            }
        }
        finally
        {
            if (locked)
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({PrepareLockKey})", CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }
}
