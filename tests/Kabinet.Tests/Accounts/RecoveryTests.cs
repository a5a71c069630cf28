using System.Net;
using System.Text.RegularExpressions;
using Kabinet.Tests.Infrastructure;
using Kabinet.Web.Data;
using Kabinet.Web.Data.Seed;
using Kabinet.Web.Features.Accounts.Recovery;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kabinet.Tests.Accounts;

/// <summary>«Забыли пароль?»: the same answer for everyone, a single-use link for 30 minutes, the old password and every session end.</summary>
public sealed partial class RecoveryTests(IsolatedApp app) : IClassFixture<IsolatedApp>
{
    private const string Notice = "Если учётная запись с таким логином или адресом есть";

    [Fact]
    public async Task Recovery_by_e_mail_ends_the_old_password_and_every_session()
    {
        var otherDevice = await app.SignedInAsync("demo.operator");
        var email = await EmailOfAsync("demo.operator");

        var page = await RequestAsync(email.ToUpperInvariant());

        Assert.Contains(Notice, page, StringComparison.Ordinal);
        var letter = (await app.LettersAsync(email)).Last(l => l.Subject == "Kabinet: восстановление доступа");
        var link = Link().Match(letter.TextBody ?? "").Value;
        Assert.StartsWith("http://localhost:5000/account/reset?token=", link, StringComparison.Ordinal);

        var browser = app.CreateBrowser();
        var opened = await browser.GetAsync(new Uri(link).PathAndQuery);
        Assert.Equal("/account/reset", opened.Headers.Location?.OriginalString); // the token leaves the address bar
        var form = await browser.GetPageAsync("/account/reset");
        Assert.NotNull(form.QuerySelector("#NewPassword"));

        var weak = await browser.SubmitFormAsync("/account/reset", new Dictionary<string, string>
        {
            ["Token"] = form.QuerySelector("input[name=Token]")!.GetAttribute("value")!,
            ["NewPassword"] = "12345678",
            ["ConfirmPassword"] = "12345678",
        });
        var weakPage = Html.Parse(await weak.Content.ReadAsStringAsync());
        Assert.Contains("слишком распространён", weakPage.Text("#NewPassword-error"), StringComparison.Ordinal);

        var done = await browser.SubmitFormAsync("/account/reset", new Dictionary<string, string>
        {
            ["Token"] = weakPage.QuerySelector("input[name=Token]")!.GetAttribute("value")!,
            ["NewPassword"] = "Кедровая шишка из Таштагола",
            ["ConfirmPassword"] = "Кедровая шишка из Таштагола",
        });
        Assert.Equal("/account/login", done.Headers.Location?.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, (await otherDevice.GetAsync("/account/sessions")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.SignInAsync("demo.operator", Seeder.DemoPassword)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.SignInAsync("demo.operator", "Кедровая шишка из Таштагола")).Response.StatusCode);
        Assert.Contains(await app.LettersAsync(email), l => l.Subject == "Kabinet: пароль изменён");

        // The link works once.
        var again = app.CreateBrowser();
        await again.GetAsync(new Uri(link).PathAndQuery);
        Assert.Contains("Ссылка недействительна", (await again.GetPageAsync("/account/reset")).Text("main"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_and_known_logins_get_the_same_screen_and_only_real_accounts_get_a_letter()
    {
        var before = (await app.LettersAsync()).Count;

        var unknown = await RequestAsync("no.such.login");
        var known = await RequestAsync("demo.uchitel");

        Assert.Equal(Html.Parse(unknown).Text("main .notice"), Html.Parse(known).Text("main .notice"));
        var letters = await app.LettersAsync();
        Assert.Equal(before + 1, letters.Count);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KabinetDbContext>();
        Assert.Equal(2, await db.RecoveryRequests.CountAsync(r => r.LoginKey == "NO.SUCH.LOGIN" || r.LoginKey == "DEMO.UCHITEL"));
    }

    [Fact]
    public async Task At_most_three_letters_an_hour_go_to_one_account()
    {
        var email = await EmailOfAsync("demo.admin");
        for (var i = 0; i < 5; i++)
            await RequestAsync("demo.admin");

        Assert.Equal(3, (await app.LettersAsync(email)).Count(l => l.Subject == "Kabinet: восстановление доступа"));
    }

    [Fact]
    public async Task A_link_older_than_thirty_minutes_is_refused()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var own = new KabinetApp(services: s => s.AddSingleton<TimeProvider>(clock));
        await own.InitializeAsync();
        await own.CreateBrowser().SubmitFormAsync("/account/recover", new Dictionary<string, string> { ["LoginOrEmail"] = "demo.roditel" });
        var letters = await own.LettersAsync();
        var link = Link().Match(letters[^1].TextBody ?? "").Value;

        clock.Advance(TimeSpan.FromMinutes(31));
        var browser = own.CreateBrowser();
        await browser.GetAsync(new Uri(link).PathAndQuery);

        Assert.Contains("Ссылка недействительна", (await browser.GetPageAsync("/account/reset")).Text("main"), StringComparison.Ordinal);
    }

    [Fact]
    public void Tokens_are_random_and_only_their_hash_is_kept()
    {
        var issuedAt = new DateTime(2026, 11, 29, 3, 0, 0, DateTimeKind.Utc);
        var (token, record) = PasswordResetToken.Issue(1, issuedAt);
        var (other, _) = PasswordResetToken.Issue(1, issuedAt);

        Assert.NotEqual(token, other);
        Assert.True(token.Length >= 43);
        Assert.DoesNotContain(token, record.TokenHash, StringComparison.Ordinal);
        Assert.Equal(PasswordResetToken.Hash(token), record.TokenHash);
        Assert.True(record.IsUsable(record.CreatedAt.AddMinutes(30)));
        Assert.False(record.IsUsable(record.CreatedAt.AddMinutes(30).AddSeconds(1)));
    }

    [Fact]
    public async Task A_forged_token_shows_the_invalid_link_page()
    {
        var browser = app.CreateBrowser();
        await browser.GetAsync("/account/reset?token=forged-token-value");

        Assert.Contains("Ссылка недействительна", (await browser.GetPageAsync("/account/reset")).Text("main"), StringComparison.Ordinal);
        var post = await browser.SubmitFormAsync("/account/reset", new Dictionary<string, string> { ["Token"] = "forged", ["NewPassword"] = "x", ["ConfirmPassword"] = "x" }, tokenFrom: "/account/recover");
        Assert.Contains("Ссылка недействительна", await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<string> RequestAsync(string loginOrEmail)
    {
        var response = await app.CreateBrowser().SubmitFormAsync("/account/recover", new Dictionary<string, string> { ["LoginOrEmail"] = loginOrEmail });
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<string> EmailOfAsync(string login)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<KabinetDbContext>().Users.SingleAsync(a => a.UserName == login)).Email!;
    }

    [GeneratedRegex(@"http\S+/account/reset\?token=\S+")]
    private static partial Regex Link();
}
