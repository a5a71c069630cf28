using System.Text.RegularExpressions;
using Kabinet.BrowserTests.Infrastructure;

namespace Kabinet.BrowserTests;

/// <summary>The kindergarten map on a phone and on a laptop, with the tile server unreachable or answering.</summary>
public sealed partial class KindergartenMapTests(KabinetBrowserFixture browser)
{
    private const string TileHost = "tile.openstreetmap.org";

    private static readonly string ScreenshotDirectory = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    // A 1×1 grey PNG standing in for a map tile.
    internal static readonly byte[] Tile = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGO4CwAA3wDeKXlwtgAAAABJRU5ErkJggg==");

    [Fact]
    public async Task Without_tiles_a_phone_still_gets_the_list_the_markers_and_a_card_to_apply_from()
    {
        await using var session = await browser.OpenAsync(360, 740);
        var page = session.Page;
        var tileRequests = 0;
        await page.RouteAsync($"https://{TileHost}/**", async route =>
        {
            Interlocked.Increment(ref tileRequests);
            await route.AbortAsync();
        });
        var elsewhere = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(browser.BaseUrl, StringComparison.Ordinal) && !request.Url.Contains(TileHost, StringComparison.Ordinal))
                lock (elsewhere)
                    elsewhere.Add(request.Url);
        };

        await page.GotoAsync("/kindergartens/map", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });

        var items = page.Locator("#kindergarten-list li[data-id]");
        await Expect(items).ToHaveCountAsync(70);
        await Expect(page.Locator("#kindergarten-map")).ToBeVisibleAsync();
        await Expect(page.Locator("#kindergarten-map path.leaflet-interactive")).ToHaveCountAsync(70);
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Подложка карты не загрузилась");
        Assert.True(tileRequests > 0, "The map asked for no tiles.");

        // The keyboard way: a list item is a link; Enter shows its card in place and moves focus to it.
        await page.EvaluateAsync("() => { window.stillTheSamePage = true; }");
        var first = items.Nth(0).Locator("a.results__name");
        var firstName = (await first.TextContentAsync())!;
        await first.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var card = page.Locator("#kindergarten-card");
        await Expect(card.GetByRole(AriaRole.Heading, new LocatorGetByRoleOptions { Level = 2 })).ToHaveTextAsync(firstName);
        await Expect(card).ToBeFocusedAsync();
        await Expect(page).ToHaveURLAsync(WithKindergarten());
        Assert.True(await page.EvaluateAsync<bool>("() => window.stillTheSamePage === true"), "The card reloaded the whole page.");

        // A tap on another item shows that kindergarten, with the way to apply.
        var third = items.Nth(2);
        var thirdName = (await third.Locator("a.results__name").TextContentAsync())!;
        await third.Locator("a.results__name").ClickAsync();
        await Expect(card.GetByRole(AriaRole.Heading, new LocatorGetByRoleOptions { Level = 2 })).ToHaveTextAsync(thirdName);
        var apply = card.GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Добавить в заявление" });
        await Expect(apply).ToBeVisibleAsync();
        var id = await third.GetAttributeAsync("data-id");
        await Expect(apply).ToHaveAttributeAsync("href", $"/kindergarten/apply?kindergarten={id}");
        await Expect(card.Locator(".group-list li").First).ToContainTextAsync("свободно:");
        await Expect(third).ToHaveClassAsync(Selected());

        // A marker shows its kindergarten's card too.
        var fifth = items.Nth(4);
        var fifthId = await fifth.GetAttributeAsync("data-id");
        await page.Locator($"#kindergarten-map path[data-id='{fifthId}']").DispatchEventAsync("click");
        await Expect(card.GetByRole(AriaRole.Heading, new LocatorGetByRoleOptions { Level = 2 }))
            .ToHaveTextAsync((await fifth.Locator("a.results__name").TextContentAsync())!);

        Directory.CreateDirectory(ScreenshotDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, "kindergarten-map-360.png"), FullPage = true,
            Clip = new Clip { X = 0, Y = 0, Width = 360, Height = 2000 }, // the map, the card and the top of the long list
        });
        var overflow = await page.EvaluateAsync<string[]>(LayoutTests.FindOverflowScript);
        Assert.True(overflow.Length == 0, $"The map page scrolls sideways at 360px: {string.Join("; ", overflow)}");
        Assert.Empty(elsewhere);
        // The blocked tiles are the only thing allowed to fail.
        var problems = session.Problems.Where(p => !p.Contains(TileHost, StringComparison.Ordinal)).ToList();
        Assert.True(problems.Count == 0, "The browser reported problems:\n" + string.Join('\n', problems));
    }

    [Fact]
    public async Task On_a_laptop_the_tiles_load_under_the_page_security_policy_and_filters_narrow_the_markers()
    {
        await using var session = await browser.OpenAsync(1280, 800);
        var page = session.Page;
        await page.RouteAsync($"https://{TileHost}/**", route => route.FulfillAsync(new RouteFulfillOptions { ContentType = "image/png", BodyBytes = Tile }));

        await page.GotoAsync("/kindergartens/map", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        await Expect(page.Locator("#kindergarten-map img.leaflet-tile-loaded").First).ToBeVisibleAsync();

        await page.Locator("#municipality").SelectOptionAsync(new SelectOptionValue { Label = "Новокузнецкий городской округ" });
        await page.GetByLabel("Только со свободными местами").CheckAsync();
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Показать", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(FreeInOneMunicipality());
        var count = await page.Locator("#kindergarten-list li[data-id]").CountAsync();
        Assert.InRange(count, 1, 69);
        await Expect(page.Locator("#kindergarten-map path.leaflet-interactive")).ToHaveCountAsync(count);
        await Expect(page.Locator("#kindergarten-list")).Not.ToContainTextAsync("свободных мест нет");
        await Expect(page.Locator("#map-tiles-failed")).ToBeHiddenAsync();

        await page.Locator("#kindergarten-list a.results__name").First.ClickAsync();
        await Expect(page.Locator("#kindergarten-card h2")).ToBeVisibleAsync();
        Directory.CreateDirectory(ScreenshotDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, "kindergarten-map-1280.png"), FullPage = true });
        var overflow = await page.EvaluateAsync<string[]>(LayoutTests.FindOverflowScript);
        Assert.True(overflow.Length == 0, $"The map page scrolls sideways at 1280px: {string.Join("; ", overflow)}");
        session.AssertNoProblems();
    }

    [GeneratedRegex(@"/kindergartens/map\?kindergarten=\d+")]
    private static partial Regex WithKindergarten();

    [GeneratedRegex(@"/kindergartens/map\?municipality=\d+&.*free=true")]
    private static partial Regex FreeInOneMunicipality();

    [GeneratedRegex(@"\bis-selected\b")]
    private static partial Regex Selected();
}
