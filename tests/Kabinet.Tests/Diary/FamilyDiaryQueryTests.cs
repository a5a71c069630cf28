using System.Collections.Concurrent;
using System.Data.Common;
using Kabinet.Tests.Infrastructure;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Diary;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Kabinet.Tests.Diary;

/// <summary>Records every SQL command the app sends.</summary>
internal sealed class CommandLog : DbCommandInterceptor
{
    public ConcurrentQueue<string> Commands { get; } = new();

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Commands.Enqueue(command.CommandText);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Commands.Enqueue(command.CommandText);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }
}

/// <summary>
/// The week page is the portal's hot page (ADR 10): once the class's week is cached, a request costs the class lookup
/// (which is the ownership check) and the journal version read — besides the session check every signed-in page makes.
/// </summary>
public sealed class FamilyDiaryQueryTests : IAsyncLifetime
{
    private static readonly string[] SessionTables = ["account_sessions", "notifications", "accounts", "role_grants", "data_protection"];

    private readonly CommandLog _log = new();
    private readonly KabinetApp _app;

    public FamilyDiaryQueryTests() => _app = new KabinetApp(services: services =>
    {
        services.ConfigureDbContext<SqliteKabinetDbContext>(o => o.AddInterceptors(_log), ServiceLifetime.Singleton);
        services.ConfigureDbContext<PostgresKabinetDbContext>(o => o.AddInterceptors(_log), ServiceLifetime.Singleton);
    });

    public ValueTask InitializeAsync() => _app.InitializeAsync();

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task A_cached_week_costs_one_small_query_and_a_new_mark_shows_at_once()
    {
        var c = await FamilyDiaryTestData.DemoClassAsync(_app);
        var lesson = await FamilyDiaryTestData.LessonAsync(_app, c, c.Monday, 3, "Устное народное творчество");
        await FamilyDiaryTestData.HomeworkAsync(_app, c, lesson, "Прочитать сказку", c.Monday.AddDays(2));
        await FamilyDiaryTestData.MarkAsync(_app, c, lesson, c.StudentId, MarkValue.Four);
        var url = $"/diary/{c.StudentId}?week={DiaryTestData.Iso(c.Monday)}";

        foreach (var login in new[] { "demo.roditel", "demo.uchenik" })
        {
            var browser = await _app.SignedInAsync(login);
            await browser.GetPageAsync(url);
            _log.Commands.Clear();

            var page = await browser.GetPageAsync(url);

            var diary = _log.Commands.Where(sql => !SessionTables.Any(t => sql.Contains(t, StringComparison.Ordinal))).ToList();
            // The ownership check, the class lookup and the journal version are one statement.
            var only = Assert.Single(diary);
            Assert.Contains("class_memberships", only, StringComparison.Ordinal);
            Assert.Contains("diary_class_versions", only, StringComparison.Ordinal);
            Assert.Contains("Прочитать сказку", page.Body!.TextContent, StringComparison.Ordinal);
        }

        // A mark entered now: the version read on the next request finds it.
        await FamilyDiaryTestData.MarkAsync(_app, c, lesson, c.StudentId, MarkValue.Two, "Диктант");
        var next = await (await _app.SignedInAsync("demo.roditel")).GetPageAsync(url);
        Assert.Contains("Диктант, вес 2", next.Body!.TextContent, StringComparison.Ordinal);
    }
}
