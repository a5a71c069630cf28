using System.Diagnostics;
using Kabinet.Tests.Infrastructure;

namespace Kabinet.Tests.Platform;

/// <summary>Runs the real Kabinet.Web process the way an operator would and reads what it prints.</summary>
public sealed class StartupConfigurationTests
{
    public static TheoryData<string[], string> BadConfigurations => new()
    {
        { ["--Database:Provider=MySql"], "Database:Provider" },
        { ["--Database:ConnectionString=Data Source=x.db;Flavour=vanilla"], "Database:ConnectionString" },
        { ["--Database:Provider=PostgreSql", "--Database:ConnectionString=Host=localhost;Bananas=3"], "Database:ConnectionString" },
        { ["--Database:Provider=PostgreSql", "--Database:ConnectionString="], "Database:ConnectionString" },
        { ["--Kabinet:DataDirectory=" + UnwritableFolderMarker], "Kabinet:DataDirectory" },
        { ["--Kabinet:TrustedProxies=10.0.0.5,10.0.0.300"], "Kabinet:TrustedProxies" },
        { ["--Map:TileUrl=ftp://tiles.example.org/{z}/{x}/{y}.png"], "Map:TileUrl" },
        { ["frobnicate"], "Неизвестная команда" },
        { ["--urls", "http://127.0.0.1:0", "migrate"], "должна стоять первой" },
        { ["seed", "--scale"], "нужно значение" },
        { ["seed", "--scale", "galaxy"], "--scale demo" },
    };

    private const string UnwritableFolderMarker = "{unwritable}";

    [Theory]
    [MemberData(nameof(BadConfigurations))]
    public async Task A_bad_setting_stops_start_up_with_one_clear_line(string[] args, string mentions)
    {
        // A folder that cannot be created: its parent is a regular file (root ignores permissions, so not chmod).
        var scratch = Directory.CreateTempSubdirectory("kabinet-cli-");
        var file = Path.Combine(scratch.FullName, "not-a-folder.txt");
        await File.WriteAllTextAsync(file, "a file, not a folder");
        args = [.. args.Select(a => a.Replace(UnwritableFolderMarker, Path.Combine(file, "data"), StringComparison.Ordinal))];

        var (exitCode, stdout, stderr) = await RunKabinetAsync(args);
        scratch.Delete(recursive: true);

        Assert.NotEqual(0, exitCode);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, $"Expected one line, got:\n{stderr}\n{stdout}");
        Assert.Contains(mentions, lines[0], StringComparison.Ordinal);
        Assert.Matches("[а-яА-Я]", lines[0]);
        Assert.DoesNotContain("   at ", stderr + stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_migrate_command_creates_the_schema_and_exits()
    {
        await using var database = TestDatabase.Create();
        string[] args = [.. database.Settings.Select(s => $"--{s.Key}={s.Value}")];

        var (exitCode, stdout, stderr) = await RunKabinetAsync(["migrate", .. args]);

        Assert.True(exitCode == 0, stderr);
        Assert.Contains("База данных обновлена", stdout, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Empty(await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetPendingMigrationsAsync(db.Database));
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunKabinetAsync(string[] args)
    {
        var webDll = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(webDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(webDll);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        // A run that would start must not touch the developer's ./data: point it at a temp folder unless the test says otherwise.
        var dataDirectory = Directory.CreateTempSubdirectory("kabinet-cli-");
        if (!args.Any(a => a.StartsWith("--Kabinet:DataDirectory", StringComparison.Ordinal)))
            start.Environment["Kabinet__DataDirectory"] = dataDirectory.FullName;

        try
        {
            return await RunAsync(start, args);
        }
        finally
        {
            dataDirectory.Delete(recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(ProcessStartInfo start, string[] args)
    {
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"Kabinet did not exit: {string.Join(' ', args)}");
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
