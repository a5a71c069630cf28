using System.Text.RegularExpressions;
using Kabinet.BrowserTests.Infrastructure;

namespace Kabinet.BrowserTests;

/// <summary>Signing in and out through the real form, in a browser that keeps the cookie.</summary>
public sealed partial class SignInTests(KabinetBrowserFixture browser)
{
    private const string DemoPassword = "Kuzbass-demo-2026";

    [Fact]
    public async Task Parent_signs_in_with_an_upper_case_login_and_signs_out()
    {
        await using var session = await browser.OpenAsync();
        var page = session.Page;
        await page.GotoAsync("/account/login");

        await page.GetByLabel("Логин", new PageGetByLabelOptions { Exact = true }).FillAsync("DEMO.RODITEL");
        await page.GetByLabel("Пароль", new PageGetByLabelOptions { Exact = true }).FillAsync(DemoPassword);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Войти", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync($"{browser.BaseUrl}/services");
        var name = page.Locator(".account-panel__name");
        await Expect(name).ToBeVisibleAsync();
        await Expect(name).ToHaveTextAsync(SomeText());

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Выйти", Exact = true }).ClickAsync();

        await Expect(page.Locator(".account-panel").GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Войти", Exact = true })).ToBeVisibleAsync();
        await Expect(name).ToHaveCountAsync(0);
        session.AssertNoProblems();
    }

    [Fact]
    public async Task Wrong_password_is_refused_with_a_message_and_an_empty_password_field()
    {
        await using var session = await browser.OpenAsync();
        var page = session.Page;
        await page.GotoAsync("/account/login");

        await page.GetByLabel("Логин", new PageGetByLabelOptions { Exact = true }).FillAsync("demo.uchitel");
        await page.GetByLabel("Пароль", new PageGetByLabelOptions { Exact = true }).FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Войти", Exact = true }).ClickAsync();

        await Expect(page.Locator(".error-summary")).ToContainTextAsync("Неверный логин или пароль.");
        await Expect(page.GetByLabel("Пароль", new PageGetByLabelOptions { Exact = true })).ToHaveValueAsync("");
        await Expect(page.Locator(".account-panel__name")).ToHaveCountAsync(0);
        session.AssertNoProblems();
    }

    [GeneratedRegex(@"\S")]
    private static partial Regex SomeText();
}
