using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace Kabinet.BrowserTests.Infrastructure;

/// <summary>
/// Kabinet on a real Kestrel port with its own fresh database: a SQLite file in a temp folder, or a new
/// PostgreSQL database when KABINET_TEST_PROVIDER=postgresql (base connection string in KABINET_TEST_POSTGRES).
/// The app migrates and loads the demo region on start; the database is dropped on dispose.
/// With a clock, the app (the demo seed included) runs on it instead of the system clock.
/// </summary>
internal sealed class KabinetServer : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("kabinet-browser-").FullName;
    private readonly string? _postgresServer;
    private readonly string? _postgresName;
    private readonly TimeProvider? _clock;

    public KabinetServer(TimeProvider? clock = null)
    {
        _clock = clock;
        if (string.Equals(Environment.GetEnvironmentVariable("KABINET_TEST_PROVIDER"), "postgresql", StringComparison.OrdinalIgnoreCase))
        {
            _postgresServer = Environment.GetEnvironmentVariable("KABINET_TEST_POSTGRES") is { Length: > 0 } server
                ? server
                : throw new InvalidOperationException(
                    "KABINET_TEST_PROVIDER=postgresql needs KABINET_TEST_POSTGRES, e.g. 'Host=127.0.0.1;Port=5432;Username=postgres'.");
            _postgresName = "kabinet_b_" + Guid.NewGuid().ToString("N");
        }

        // Kestrel picks a free port itself when the server starts: no window for another process to take it.
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>The folder letters are written to (no SMTP server is configured for the browser tests).</summary>
    public string MailFolder => Path.Combine(_dataDirectory, "mail");

    /// <summary>Where the browser finds the app once started, e.g. http://127.0.0.1:41234 (no trailing slash).</summary>
    public string BaseUrl => Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Kabinet:DataDirectory", _dataDirectory);
        builder.UseSetting("Database:MigrateOnStart", "true");
        builder.UseSetting("Database:SeedDemoOnEmpty", "true");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.HttpLogging", "Warning");
        if (_postgresName is null)
        {
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Database:ConnectionString", "");
        }
        else
        {
            var connection = new NpgsqlConnectionStringBuilder(_postgresServer) { Database = _postgresName };
            builder.UseSetting("Database:Provider", "PostgreSql");
            builder.UseSetting("Database:ConnectionString", connection.ConnectionString);
        }

        if (_clock is { } clock)
            builder.ConfigureTestServices(s => s.Replace(ServiceDescriptor.Singleton(clock)));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_postgresServer);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }

        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file may still be held by a closing connection; the OS cleans the temp folder.
        }
    }
}
