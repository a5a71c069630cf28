using System.Text.RegularExpressions;
using Kabinet.BrowserTests.Infrastructure;

namespace Kabinet.BrowserTests;

/// <summary>Finding an organisation the way a parent would: typing part of the name, or filtering by type.</summary>
public sealed partial class OrganisationSearchTests(KabinetBrowserFixture browser)
{
    [Theory]
    [InlineData("/", "#home-q", "гимназия")]
    [InlineData("/organisations", "#q", "ГИМНАЗИЯ")]
    public async Task Typing_part_of_the_name_finds_the_organisation_and_opens_its_card(string start, string searchBox, string text)
    {
        await using var session = await browser.OpenAsync();
        var page = session.Page;
        await page.GotoAsync(start);

        await page.Locator(searchBox).FillAsync(text);
        await page.Locator(searchBox).PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(SearchResultsUrl());
        // Several towns have a «Гимназия № 1»; the demo one is in Кемерово.
        var result = page.Locator(".results li")
            .Filter(new LocatorFilterOptions { HasText = "г. Кемерово," })
            .Locator("a.results__name", new LocatorLocatorOptions { HasTextRegex = GymnasiumOne() });
        await Expect(result).ToHaveCountAsync(1);
        await result.ClickAsync();

        await Expect(page).ToHaveURLAsync(OrganisationUrl());
        await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToHaveTextAsync(GymnasiumOne());
        await Expect(page.Locator(".details")).ToContainTextAsync("г. Кемерово");
        await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "Классы", Exact = true })).ToBeVisibleAsync();
        var classes = page.Locator("table").Filter(new LocatorFilterOptions { Has = page.GetByRole(AriaRole.Columnheader, new PageGetByRoleOptions { Name = "Класс", Exact = true }) });
        await Expect(classes).ToBeVisibleAsync();
        Assert.True(await classes.Locator("tbody tr").CountAsync() > 0, "The classes table of «Гимназия № 1» has no rows.");
        session.AssertNoProblems();
    }

    [Fact]
    public async Task Filtering_by_type_shows_only_that_type()
    {
        await using var session = await browser.OpenAsync();
        var page = session.Page;
        await page.GotoAsync("/organisations");

        await page.Locator("#kind").SelectOptionAsync(new SelectOptionValue { Label = "Детские сады" });
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Найти", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(KindergartenUrl());
        await Expect(page.Locator("#kind")).ToHaveValueAsync("Kindergarten");
        await Expect(page.Locator("#results-heading")).ToHaveTextAsync(FoundSomething());
        var tags = await page.Locator(".results__meta .tag").AllTextContentsAsync();
        Assert.NotEmpty(tags);
        Assert.All(tags, tag => Assert.Equal("Детский сад", tag.Trim()));
        session.AssertNoProblems();
    }

    // «№ 1» followed by the closing quote, so that «Гимназия № 10» does not count.
    [GeneratedRegex("Гимназия № 1»")]
    private static partial Regex GymnasiumOne();

    [GeneratedRegex(@"/organisations\?q=")]
    private static partial Regex SearchResultsUrl();

    [GeneratedRegex(@"/organisations/\d+$")]
    private static partial Regex OrganisationUrl();

    [GeneratedRegex(@"[?&]kind=Kindergarten(&|$)")]
    private static partial Regex KindergartenUrl();

    [GeneratedRegex(@"^Найдено: [1-9]")]
    private static partial Regex FoundSomething();
}
