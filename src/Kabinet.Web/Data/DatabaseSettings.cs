using Kabinet.Web.Common.Hosting;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Kabinet.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>
/// Where the data lives, resolved and checked once from configuration:
/// Database:Provider, Database:ConnectionString, Kabinet:DataDirectory.
/// </summary>
public sealed class DatabaseSettings
{
    public required DatabaseProvider Provider { get; init; }

    public required string ConnectionString { get; init; }

    /// <summary>Absolute path of the folder for the SQLite file, outgoing mail and uploaded files.</summary>
    public required string DataDirectory { get; init; }

    public bool MigrateOnStart { get; init; } = true;

    /// <summary>Demo data with published passwords: on only where configured (Development does).</summary>
    public bool SeedDemoOnEmpty { get; init; }

    /// <summary>A description for logs and the start-up line, without secrets.</summary>
    public string Describe() => Provider switch
    {
        DatabaseProvider.Sqlite => $"SQLite: {new SqliteConnectionStringBuilder(ConnectionString).DataSource}",
        _ => DescribePostgres(ConnectionString),
    };

    public static DatabaseSettings Resolve(IConfiguration configuration, string contentRoot)
    {
        var providerText = configuration["Database:Provider"];
        var provider = ParseProvider(providerText);
        var dataDirectory = Path.GetFullPath(configuration["Kabinet:DataDirectory"] is { Length: > 0 } d ? d : "data", contentRoot);
        if (provider == DatabaseProvider.Sqlite)
            EnsureWritable(dataDirectory);

        var connectionString = configuration["Database:ConnectionString"];
        connectionString = provider switch
        {
            DatabaseProvider.Sqlite => SqliteConnectionString(connectionString, dataDirectory, contentRoot),
            _ => PostgresConnectionString(connectionString),
        };

        return new DatabaseSettings
        {
            Provider = provider,
            ConnectionString = connectionString,
            DataDirectory = dataDirectory,
            MigrateOnStart = configuration.GetValue("Database:MigrateOnStart", true),
            SeedDemoOnEmpty = configuration.GetValue("Database:SeedDemoOnEmpty", false),
        };
    }

    private static DatabaseProvider ParseProvider(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        null or "" or "SQLITE" => DatabaseProvider.Sqlite,
        "POSTGRESQL" or "POSTGRES" or "NPGSQL" => DatabaseProvider.PostgreSql,
        _ => throw new ConfigurationProblemException(
            $"Неизвестный поставщик базы данных «{text}» в Database:Provider: укажите Sqlite или PostgreSql."),
    };

    private static void EnsureWritable(string directory)
    {
        try
        {
            Directory.CreateDirectory(directory);
            var probe = Path.Combine(directory, $".write-check-{Environment.ProcessId}");
            File.WriteAllText(probe, "ok");
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new ConfigurationProblemException(
                $"Папка данных «{directory}» недоступна для записи ({e.Message}): укажите другую в Kabinet:DataDirectory или дайте права на запись.");
        }
    }

    private static string SqliteConnectionString(string? configured, string dataDirectory, string contentRoot)
    {
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(configured is { Length: > 0 } ? configured : "");
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw Malformed(e);
        }

        if (string.IsNullOrWhiteSpace(builder.DataSource))
            builder.DataSource = Path.Combine(dataDirectory, "kabinet.db");
        else if (builder.DataSource != ":memory:" && !builder.DataSource.StartsWith("file:", StringComparison.Ordinal))
            builder.DataSource = Path.GetFullPath(builder.DataSource, contentRoot);

        if (builder.DataSource != ":memory:")
            EnsureWritable(Path.GetDirectoryName(builder.DataSource)!);
        builder.ForeignKeys = true;
        return builder.ToString();
    }

    private static string PostgresConnectionString(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            throw new ConfigurationProblemException(
                "Для PostgreSql нужна строка подключения в Database:ConnectionString, например «Host=localhost;Database=kabinet;Username=kabinet;Password=…».");
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(configured);
            if (string.IsNullOrWhiteSpace(builder.Host))
                throw new ArgumentException("не указан Host");
            return builder.ConnectionString;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw Malformed(e);
        }
    }

    private static ConfigurationProblemException Malformed(Exception e) => new(
        $"Строка подключения в Database:ConnectionString не разобрана ({e.Message}): проверьте запись вида «ключ=значение;ключ=значение».");

    private static string DescribePostgres(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        return $"PostgreSQL: {b.Host}:{b.Port}/{b.Database}";
    }
}

internal static class DbExceptions
{
    // SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN
    private static readonly int[] SqliteUnavailableCodes = [5, 6, 8, 10, 13, 14];

    /// <summary>The database is down, unreachable, out of resources or refuses connections — not a broken rule or a bug in a query.</summary>
    public static bool IsUnavailable(Exception e) => e switch
    {
        PostgresException pg => pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState.StartsWith("53", StringComparison.Ordinal)
            || pg.SqlState.StartsWith("57P", StringComparison.Ordinal) || pg.SqlState == "3D000" || pg.SqlState == "28P01",
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is System.Net.Sockets.SocketException or TimeoutException or IOException,
        SqliteException sqlite => SqliteUnavailableCodes.Contains(sqlite.SqliteErrorCode & 0xFF),
        TimeoutException => true,
        _ => e.InnerException is not null && IsUnavailable(e.InnerException),
    };

    /// <summary>A row was refused by a unique index or key: PostgreSQL's 23505, SQLite's SQLITE_CONSTRAINT_UNIQUE or _PRIMARYKEY.</summary>
    public static bool IsUniqueViolation(Exception e) => e switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        _ => e.InnerException is not null && IsUniqueViolation(e.InnerException),
    };
}
