using System.Net;
using Kabinet.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kabinet.Tests.Accounts;

/// <summary>Sessions live on the server: a person sees them, ends any of them, and an ended session stops working at once.</summary>
public sealed class SessionTests(IsolatedApp app) : IClassFixture<IsolatedApp>
{
    [Fact]
    public async Task Ending_a_session_from_another_browser_signs_that_browser_out_at_once()
    {
        var phone = await app.SignedInAsync("demo.uchenik");
        var laptop = await app.SignedInAsync("demo.uchenik");

        var page = await laptop.GetPageAsync("/account/sessions");
        var others = page.QuerySelectorAll("form[action*='handler=End'] input[name=sessionId]")
            .Select(i => i.GetAttribute("value")!)
            .Where(id => !page.QuerySelectorAll(".results li").Any(li => li.TextContent.Contains("этот сеанс", StringComparison.Ordinal) && li.InnerHtml.Contains(id, StringComparison.Ordinal)))
            .ToList();
        Assert.NotEmpty(others);
        foreach (var id in others)
            await laptop.SubmitFormAsync("/account/sessions", new Dictionary<string, string> { ["sessionId"] = id }, handler: "End");

        Assert.Equal(HttpStatusCode.Redirect, (await phone.GetAsync("/account/sessions")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/account/sessions")).StatusCode);
    }

    [Fact]
    public async Task The_history_shows_successful_and_failed_sign_ins_with_browser_and_method()
    {
        await app.SignInAsync("demo.uchitel", "wrong password");
        var browser = app.CreateBrowser();
        browser.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36");
        await browser.SubmitFormAsync("/account/login", new Dictionary<string, string> { ["Login"] = "demo.uchitel", ["Password"] = Kabinet.Web.Data.Seed.Seeder.DemoPassword });

        var page = await browser.GetPageAsync("/account/sessions");

        var rows = page.QuerySelectorAll("table tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("вход выполнен", StringComparison.Ordinal) && r.Contains("Chrome, Android", StringComparison.Ordinal) && r.Contains("логин и пароль", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("неверный пароль", StringComparison.Ordinal));
        Assert.Contains("Chrome, Android — этот сеанс", page.Text(".results"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nobody_can_end_another_account_s_session()
    {
        var victim = await app.SignedInAsync("demo.admin");
        var victimSession = (await victim.GetPageAsync("/account/sessions")).QuerySelector("input[name=sessionId]")!.GetAttribute("value")!;
        var attacker = await app.SignedInAsync("demo.operator");

        var response = await attacker.SubmitFormAsync("/account/sessions", new Dictionary<string, string> { ["sessionId"] = victimSession }, handler: "End");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Этот сеанс уже завершён.", (await attacker.GetPageAsync("/account/sessions")).Text("p.notice"));
        Assert.Equal(HttpStatusCode.OK, (await victim.GetAsync("/account/sessions")).StatusCode);
    }

    [Fact]
    public async Task Failed_sign_ins_are_throttled_the_same_way_for_unknown_and_existing_logins()
    {
        for (var i = 0; i < 10; i++)
        {
            await app.SignInAsync("no.such.person", "guess-" + i);
            await app.SignInAsync("demo.roditel", "guess-" + i);
        }

        var (_, unknown) = await app.SignInAsync("no.such.person", "guess-11");
        var (_, known) = await app.SignInAsync("demo.roditel", Kabinet.Web.Data.Seed.Seeder.DemoPassword);

        var unknownText = Html.Parse(await unknown.Content.ReadAsStringAsync()).Text(".error-summary li");
        var knownText = Html.Parse(await known.Content.ReadAsStringAsync()).Text(".error-summary li");
        Assert.Matches(@"^Слишком много неудачных попыток входа с этим логином\. Повторите через 1[45] минут", unknownText);
        Assert.Equal(unknownText, knownText);

        // Another login from the same address is not affected.
        Assert.Equal(HttpStatusCode.Redirect, (await app.SignInAsync("demo.uchenik")).Response.StatusCode);
    }

    [Fact]
    public async Task Many_failures_from_one_address_are_throttled_for_any_login_and_the_wait_ends()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var own = new KabinetApp(new Dictionary<string, string?> { ["Security:FailedSignInsPerIpPer15Minutes"] = "5" }, s => s.AddSingleton<TimeProvider>(clock));
        await own.InitializeAsync();
        for (var i = 0; i < 5; i++)
            await own.SignInAsync($"login{i}", "guess");

        var (_, refused) = await own.SignInAsync("demo.roditel");
        Assert.Contains("с вашего адреса", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var elsewhere = own.CreateBrowser();
        elsewhere.DefaultRequestHeaders.Add("X-Test-Client-Address", "10.20.30.40");
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.SubmitFormAsync("/account/login", new Dictionary<string, string> { ["Login"] = "demo.roditel", ["Password"] = Kabinet.Web.Data.Seed.Seeder.DemoPassword })).StatusCode);

        clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(HttpStatusCode.Redirect, (await own.SignInAsync("demo.roditel")).Response.StatusCode);
    }

    [Fact]
    public async Task An_idle_session_ends_after_thirty_minutes()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var own = new KabinetApp(services: s => s.AddSingleton<TimeProvider>(clock));
        await own.InitializeAsync();
        var browser = await own.SignedInAsync("demo.region");

        clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account/sessions")).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(20)); // active 20 minutes ago: still within the idle limit
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account/sessions")).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/account/sessions")).StatusCode);
    }

    [Fact]
    public async Task Changing_the_password_ends_every_other_session_at_once()
    {
        await using var own = new KabinetApp();
        await own.InitializeAsync();
        var tablet = await own.SignedInAsync("demo.roditel");
        var phone = await own.SignedInAsync("demo.roditel");

        var changed = await phone.SubmitFormAsync("/account/password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = Kabinet.Web.Data.Seed.Seeder.DemoPassword,
            ["NewPassword"] = "Новый пароль для семьи",
            ["ConfirmPassword"] = "Новый пароль для семьи",
        });

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/account/sessions")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await tablet.GetAsync("/account/sessions")).StatusCode);
    }
}
