using Kabinet.BrowserTests.Infrastructure;

namespace Kabinet.BrowserTests;

/// <summary>The main pages on a small phone and on a laptop: they load, fit the width and raise no errors in the browser.</summary>
public sealed class LayoutTests(KabinetBrowserFixture browser)
{
    private static readonly string ScreenshotDirectory = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    [Theory]
    [InlineData("home", "/", "Образование Кузбасса в одном кабинете", 360)]
    [InlineData("home", "/", "Образование Кузбасса в одном кабинете", 1280)]
    [InlineData("organisations", "/organisations", "Образовательные организации", 360)]
    [InlineData("organisations", "/organisations", "Образовательные организации", 1280)]
    public async Task Page_fits_the_screen_without_browser_errors(string name, string path, string heading, int width)
    {
        await using var session = await browser.OpenAsync(width, width < 600 ? 740 : 800);
        var page = session.Page;

        var response = await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });

        Assert.Equal(200, response?.Status);
        var h1 = page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 });
        await Expect(h1).ToHaveTextAsync(heading);
        await Expect(h1).ToBeVisibleAsync();
        Directory.CreateDirectory(ScreenshotDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, $"{name}-{width}.png"), FullPage = true });

        var overflow = await page.EvaluateAsync<string[]>(FindOverflowScript);
        Assert.True(overflow.Length == 0, $"{path} scrolls sideways at {width}px: {string.Join("; ", overflow)}");
        session.AssertNoProblems();
    }

    /// <summary>Empty when the page fits its width; otherwise the widths and the elements that stick out on the right.</summary>
    internal const string FindOverflowScript = """
        () => {
            const root = document.documentElement;
            if (root.scrollWidth <= window.innerWidth) return [];
            const describe = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
                [...e.classList].map(c => '.' + c).join('') + ` (right edge ${Math.round(e.getBoundingClientRect().right)}px)`;
            const culprits = [...document.body.querySelectorAll('*')]
                .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
                .slice(0, 8).map(describe);
            return [`scrollWidth ${root.scrollWidth}px > innerWidth ${window.innerWidth}px`, ...culprits];
        }
        """;
}
