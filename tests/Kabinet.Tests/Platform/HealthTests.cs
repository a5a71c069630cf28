using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kabinet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Kabinet.Tests.Platform;

public sealed class HealthTests(DemoApp app)
{
    [Fact]
    public async Task A_running_node_is_live_and_ready()
    {
        var browser = app.CreateBrowser();

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/health/live")).StatusCode);
        var ready = await browser.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var body = await ready.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ready_reports_unhealthy_when_the_database_cannot_be_reached_while_live_stays_up()
    {
        await using var down = KabinetApp.WithUnreachableDatabase();
        var browser = down.CreateBrowser();

        var ready = await browser.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var body = await ready.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Unhealthy", body.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task Ready_reports_unhealthy_while_the_schema_is_not_migrated()
    {
        await using var unmigrated = new KabinetApp(new Dictionary<string, string?>
        {
            ["Database:MigrateOnStart"] = "false",
            ["Database:SeedDemoOnEmpty"] = "false",
        });
        await using (var db = unmigrated.Database.CreateContext())
            await db.GetService<IRelationalDatabaseCreator>().CreateAsync(); // an empty database, no schema

        var ready = await unmigrated.CreateBrowser().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("migrate", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
