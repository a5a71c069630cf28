using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kabinet.Web.Data;

internal static class DataModule
{
    /// <summary>
    /// Registers the database. The provider is read when the first context is created, not here, so that
    /// configuration added later (tests, command-line) is honoured.
    /// </summary>
    public static void AddData(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(sp => DatabaseSettings.Resolve(
            sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>().ContentRootPath));

        // Modules may watch what is saved (e.g. to drop cached figures) with save-changes interceptors.
        // The options are built once (the interceptors are singletons), and contexts are pooled: a context built for
        // every request (its internal service scope, state manager, query dependencies) was a tenth of the CPU of a
        // signed-in page and much of its garbage. A pooled context is reset when its request ends; Kabinet's
        // contexts keep no state of their own.
        services.AddDbContextPool<SqliteKabinetDbContext>((sp, o) =>
            ConfigureSqlite(o, sp.GetRequiredService<DatabaseSettings>().ConnectionString).AddInterceptors(sp.GetServices<ISaveChangesInterceptor>()));
        services.AddDbContextPool<PostgresKabinetDbContext>((sp, o) =>
            ConfigurePostgres(o, sp.GetRequiredService<DatabaseSettings>().ConnectionString).AddInterceptors(sp.GetServices<ISaveChangesInterceptor>()));
        services.AddScoped<KabinetDbContext>(sp => sp.GetRequiredService<DatabaseSettings>().Provider switch
        {
            DatabaseProvider.Sqlite => sp.GetRequiredService<SqliteKabinetDbContext>(),
            _ => sp.GetRequiredService<PostgresKabinetDbContext>(),
        });
        services.AddScoped<DatabaseStartup>();
        services.AddScoped<Seed.Seeder>();
        services.AddSingleton<Common.Hosting.IBenchmarkCommand, Seed.EnrollmentBenchSetup>();
        services.AddSingleton<Common.Hosting.IBenchmarkCommand, Seed.EnrollmentBenchCheck>();
    }

    /// <summary>SQLite as the embedded default: WAL journal, and synchronous=FULL so an acknowledged write survives a power loss.</summary>
    public static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder options, string connectionString) => options
        .UseSqlite(connectionString, o => o.MigrationsHistoryTable("ef_migrations_history"))
        .UseSnakeCaseNamingConvention()
        .AddInterceptors(SqlitePragmas.Instance);

    public static DbContextOptionsBuilder ConfigurePostgres(DbContextOptionsBuilder options, string connectionString) => options
        .UseNpgsql(WithPoolSettings(connectionString), o => o.MigrationsHistoryTable("ef_migrations_history"))
        .UseSnakeCaseNamingConvention();

    /// <summary>
    /// Npgsql prepares the statements a connection runs often, so PostgreSQL stops parsing and planning the same
    /// queries on every request (about a fifth more signed-in pages per second on 2 cores); a connection string
    /// that sets Max Auto Prepare itself keeps its value. A pooled connection is not reset when it is returned: the
    /// reset is seven statements (advisory locks, temp tables, settings…) run before the next use, about four per
    /// request as EF opens a connection per query, and Kabinet leaves no session state behind (its one session-level
    /// advisory lock, at startup, is released in a finally; every other lock is transaction-scoped).
    /// </summary>
    private static string WithPoolSettings(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0 && !connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = 100;
            builder.AutoPrepareMinUsages = 2;
        }

        if (!connectionString.Contains("Reset On Close", StringComparison.OrdinalIgnoreCase))
            builder.NoResetOnClose = true;

        return builder.ConnectionString;
    }

    private sealed class SqlitePragmas : DbConnectionInterceptor
    {
        public static readonly SqlitePragmas Instance = new();

        // journal_mode is stored in the file (a no-op once set); synchronous is per connection.
        // Waiting on a locked database is Microsoft.Data.Sqlite's own command timeout.
        private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;";

        // EF opens a pooled connection for every query; the pragmas are needed once per native connection.
        private readonly ConditionalWeakTable<object, object> _prepared = [];

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        private void Apply(DbConnection connection)
        {
            var handle = (connection as Microsoft.Data.Sqlite.SqliteConnection)?.Handle;
            if (handle is not null && _prepared.TryGetValue(handle, out _))
                return;
            using (var command = connection.CreateCommand())
            {
                command.CommandText = Pragmas;
                command.ExecuteNonQuery();
            }

            if (handle is not null)
                _prepared.AddOrUpdate(handle, handle);
        }
    }
}
