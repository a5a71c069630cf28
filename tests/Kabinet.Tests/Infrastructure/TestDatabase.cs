using Kabinet.Web.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Kabinet.Tests.Infrastructure;

/// <summary>
/// A fresh, empty database for one test app: a SQLite file in a temp folder by default, or a new
/// PostgreSQL database when KABINET_TEST_PROVIDER=postgresql (CI starts the server and sets
/// KABINET_TEST_POSTGRES to its base connection string). Dropped on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(DatabaseProvider provider, string connectionString, string dataDirectory, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        DataDirectory = dataDirectory;
        PostgresName = postgresName;
    }

    public static bool UsePostgres =>
        string.Equals(Environment.GetEnvironmentVariable("KABINET_TEST_PROVIDER"), "postgresql", StringComparison.OrdinalIgnoreCase);

    public DatabaseProvider Provider { get; }

    /// <summary>Empty for SQLite: the app then keeps its file in <see cref="DataDirectory"/>.</summary>
    public string ConnectionString { get; }

    public string DataDirectory { get; }

    private string? PostgresName { get; }

    public static TestDatabase Create()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "kabinet-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        if (!UsePostgres)
            return new TestDatabase(DatabaseProvider.Sqlite, "", dataDirectory, null);

        var name = "kabinet_t_" + Guid.NewGuid().ToString("N");
        var builder = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name };
        return new TestDatabase(DatabaseProvider.PostgreSql, builder.ConnectionString, dataDirectory, name);
    }

    public static string PostgresServer => Environment.GetEnvironmentVariable("KABINET_TEST_POSTGRES") is { Length: > 0 } server
        ? server
        : throw new InvalidOperationException(
            "KABINET_TEST_PROVIDER=postgresql needs KABINET_TEST_POSTGRES, e.g. 'Host=127.0.0.1;Port=5432;Username=postgres' (see .ci/run).");

    /// <summary>The settings that point the app at this database.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Database:Provider", Provider.ToString()),
        new("Database:ConnectionString", ConnectionString),
        new("Kabinet:DataDirectory", DataDirectory),
    ];

    /// <summary>A context on this database outside the app (for arranging and inspecting).</summary>
    public KabinetDbContext CreateContext()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            var options = new DbContextOptionsBuilder<SqliteKabinetDbContext>();
            DataModule.ConfigureSqlite(options, $"Data Source={Path.Combine(DataDirectory, "kabinet.db")}");
            return new SqliteKabinetDbContext(options.Options);
        }

        var pg = new DbContextOptionsBuilder<PostgresKabinetDbContext>();
        DataModule.ConfigurePostgres(pg, ConnectionString);
        return new PostgresKabinetDbContext(pg.Options);
    }

    public async ValueTask DisposeAsync()
    {
        if (PostgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(PostgresServer);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{PostgresName}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file may still be held by a closing connection; the temp folder is cleaned by the OS.
        }
    }
}
