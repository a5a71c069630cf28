using Kabinet.BrowserTests.Infrastructure;

namespace Kabinet.BrowserTests;

/// <summary>Getting around without a mouse, and landing on an address that does not exist.</summary>
public sealed class NavigationTests(KabinetBrowserFixture browser)
{
    [Fact]
    public async Task First_Tab_reaches_the_skip_link_which_moves_focus_to_the_content()
    {
        await using var session = await browser.OpenAsync();
        var page = session.Page;
        await page.GotoAsync("/");

        await page.Keyboard.PressAsync("Tab");

        var skipLink = page.Locator(".skip-link");
        await Expect(skipLink).ToBeFocusedAsync();
        await Expect(skipLink).ToHaveTextAsync("Перейти к содержанию");
        await Expect(skipLink).ToBeVisibleAsync();

        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("#main")).ToBeFocusedAsync();
        session.AssertNoProblems();
    }

    [Fact]
    public async Task Unknown_address_shows_the_not_found_page()
    {
        await using var session = await browser.OpenAsync();
        var page = session.Page;

        var response = await page.GotoAsync("/no-such-page");

        Assert.Equal(404, response?.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToHaveTextAsync("Страница не найдена");
        // Chromium logs the 404 of the page itself; anything else (a missing stylesheet, a script error) is a problem.
        var others = session.Problems.Where(p => !(p.Contains("status of 404") && p.Contains("/no-such-page"))).ToList();
        Assert.True(others.Count == 0, $"The not-found page had problems in the browser:\n{string.Join('\n', others)}");
    }
}
