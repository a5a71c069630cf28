using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Kabinet.Tests.Infrastructure;
using Kabinet.Web.Common.Hosting;
using Kabinet.Web.Features.Institutions;
using Kabinet.Web.Features.Institutions.Map;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Tests.Institutions;

/// <summary>The map of kindergartens as a visitor uses it: filters, free places, the card, bad addresses.</summary>
public sealed class KindergartenMapTests(DemoApp app)
{
    [Fact]
    public async Task Without_filters_every_kindergarten_of_the_region_is_listed_with_its_free_places_and_its_point()
    {
        var page = await app.CreateBrowser().GetPageAsync("/kindergartens/map");

        var expected = await KindergartensAsync(app.Database, k => true);
        var listed = Listed(page);
        Assert.Equal(expected.Count, listed.Count);
        Assert.Equal(70, listed.Count);
        Assert.Equal(expected.ToDictionary(k => k.Id, k => k.Free), listed.ToDictionary(k => k.Id, k => k.Free));
        Assert.StartsWith("Найдено: 70 детских садов", page.Text("#results-heading"), StringComparison.Ordinal);
        Assert.Equal("Кемеровский городской округ", page.QuerySelector("#kindergarten-list h3")?.TextContent);

        // The map's markers are read from the list: every item carries its kindergarten's coordinates.
        foreach (var item in page.QuerySelectorAll("#kindergarten-list li[data-id]"))
        {
            var kindergarten = expected.Single(k => k.Id == int.Parse(item.GetAttribute("data-id")!, CultureInfo.InvariantCulture));
            Assert.Equal(kindergarten.Latitude, double.Parse(item.GetAttribute("data-lat")!, CultureInfo.InvariantCulture), 0.00001);
            Assert.Equal(kindergarten.Longitude, double.Parse(item.GetAttribute("data-lon")!, CultureInfo.InvariantCulture), 0.00001);
        }
    }

    [Fact]
    public async Task A_municipality_leaves_only_its_kindergartens()
    {
        var page = await app.CreateBrowser().GetPageAsync("/kindergartens/map?municipality=2");

        var expected = await KindergartensAsync(app.Database, k => k.MunicipalityId == 2);
        Assert.NotEmpty(expected);
        Assert.True(expected.Count < 70);
        Assert.Equal(expected.Select(k => k.Id).Order(), Listed(page).Select(k => k.Id).Order());
        Assert.Equal("selected", page.QuerySelector("#municipality option[value='2']")?.GetAttribute("selected"));
    }

    [Theory]
    [InlineData("focus=Compensating", GroupFocus.Compensating, null)]
    [InlineData("focus=combined", GroupFocus.Combined, null)]
    [InlineData("mode=Reduced", null, DailyMode.Reduced)]
    [InlineData("focus=General&mode=Full", GroupFocus.General, DailyMode.Full)]
    public async Task Focus_and_mode_leave_kindergartens_with_such_groups_and_count_only_their_places(string query, GroupFocus? focus, DailyMode? mode)
    {
        var page = await app.CreateBrowser().GetPageAsync("/kindergartens/map?" + query);

        var expected = await KindergartensAsync(app.Database, k => true, g => (focus is null || g.Focus == focus) && (mode is null || g.Mode == mode));
        var all = await KindergartensAsync(app.Database, k => true);
        Assert.NotEmpty(expected);
        Assert.Equal(expected.ToDictionary(k => k.Id, k => k.Free), Listed(page).ToDictionary(k => k.Id, k => k.Free));
        Assert.True(expected.Count < all.Count || expected.Sum(k => k.Free) < all.Sum(k => k.Free), "the filter should narrow something");
        Assert.Contains("только в группах выбранной направленности и режима", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("free=true", null)]
    [InlineData("free=true&focus=Compensating", GroupFocus.Compensating)]
    public async Task Only_with_free_places_drops_kindergartens_whose_groups_are_full(string query, GroupFocus? focus)
    {
        var page = await app.CreateBrowser().GetPageAsync("/kindergartens/map?" + query);

        var matching = await KindergartensAsync(app.Database, k => true, g => focus is null || g.Focus == focus);
        var expected = matching.Where(k => k.Free > 0).ToList();
        var listed = Listed(page);
        Assert.NotEmpty(listed);
        Assert.All(listed, k => Assert.True(k.Free > 0, $"{k.Name} has no free places"));
        Assert.Equal(expected.ToDictionary(k => k.Id, k => k.Free), listed.ToDictionary(k => k.Id, k => k.Free));
        Assert.NotNull(page.QuerySelector("#free[checked]"));
    }

    [Fact]
    public async Task The_card_shows_contacts_every_group_and_the_links_to_apply_and_to_the_full_card()
    {
        var kindergarten = (await KindergartensAsync(app.Database, k => k.MunicipalityId == 1))[0];

        var page = await app.CreateBrowser().GetPageAsync($"/kindergartens/map?municipality=1&kindergarten={kindergarten.Id}");

        var card = page.QuerySelector("#kindergarten-card")!;
        Assert.Equal(kindergarten.Name, card.QuerySelector("h2")?.TextContent);
        Assert.Contains(kindergarten.Address, card.TextContent, StringComparison.Ordinal);
        Assert.NotNull(kindergarten.Phone);
        Assert.NotNull(kindergarten.Email);
        Assert.NotNull(kindergarten.Website);
        Assert.Equal(kindergarten.Phone, card.QuerySelector("a[href^='tel:+7']")?.TextContent);
        Assert.Equal(kindergarten.Email, card.QuerySelector("a[href^='mailto:']")?.TextContent);
        Assert.Equal(kindergarten.Website, card.QuerySelector($"a[href='{kindergarten.Website}']")?.TextContent);
        AssertGroups(card, kindergarten);
        var apply = card.QuerySelector($"a[href='/kindergarten/apply?kindergarten={kindergarten.Id}']");
        Assert.Equal("Добавить в заявление", apply?.TextContent);
        Assert.NotNull(card.QuerySelector($"a[href='/organisations/{kindergarten.Id}']"));
        Assert.Contains("is-selected", page.QuerySelector($"li[data-id='{kindergarten.Id}']")?.ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_list_item_links_to_its_card_keeping_the_filters_and_the_script_gets_the_same_card_alone()
    {
        var browser = app.CreateBrowser();
        var list = await browser.GetPageAsync("/kindergartens/map?municipality=1&mode=Full&free=true");
        var link = list.QuerySelector("#kindergarten-list a.results__name")!;
        var href = "/kindergartens/map" + link.GetAttribute("href");
        Assert.StartsWith("/kindergartens/map?municipality=1&mode=Full&free=true&kindergarten=", href, StringComparison.Ordinal);

        var withCard = await browser.GetPageAsync(href);
        Assert.Equal(link.TextContent, withCard.Text("#kindergarten-card h2"));

        var fragment = await browser.GetAsync(href.Replace("#kindergarten-card", "&handler=card", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, fragment.StatusCode);
        var html = await fragment.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<html", html, StringComparison.OrdinalIgnoreCase);
        var card = Html.Parse(html);
        Assert.Equal(link.TextContent, card.Text("h2"));
        Assert.Equal("Добавить в заявление", card.Text("a[href^='/kindergarten/apply?kindergarten=']"));
    }

    [Fact]
    public async Task With_a_focus_chosen_the_card_marks_the_groups_that_fit()
    {
        var kindergarten = (await KindergartensAsync(app.Database, k => true, g => g.Focus == GroupFocus.Compensating))[0];

        var page = await app.CreateBrowser().GetPageAsync($"/kindergartens/map?focus=Compensating&kindergarten={kindergarten.Id}");

        var card = page.QuerySelector("#kindergarten-card")!;
        var fitting = card.QuerySelectorAll(".group-list li.is-match").ToList();
        Assert.Equal(kindergarten.Groups.Count, fitting.Count);
        Assert.All(fitting, li => Assert.Contains("компенсирующая", li.TextContent, StringComparison.Ordinal));
        Assert.Contains($"свободных мест в них — {kindergarten.Free}", card.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("focus=Zoo", "focus", "Такой направленности групп нет")]
    [InlineData("focus=1", "focus", "Такой направленности групп нет")]
    [InlineData("mode=General,Full", "mode", "Такого режима пребывания нет")]
    [InlineData("mode=%3Cscript%3E", "mode", "Такого режима пребывания нет")]
    [InlineData("municipality=9999", "municipality", "Такого муниципалитета нет")]
    [InlineData("municipality=abc", "municipality", "Значение «abc» не подходит")]
    [InlineData("free=maybe", "free", "Значение «maybe» не подходит")]
    public async Task Bad_filter_values_are_explained_next_to_the_field_and_ignored(string query, string field, string message)
    {
        var page = await app.CreateBrowser().GetPageAsync("/kindergartens/map?" + query);

        Assert.Contains(message, page.Text($"#{field}-error"), StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector($"#{field}")?.GetAttribute("aria-invalid"));
        Assert.Equal(70, Listed(page).Count);
    }

    [Theory]
    [InlineData("kindergarten=1", "Такого детского сада нет")] // a school, not a kindergarten
    [InlineData("kindergarten=999999", "Такого детского сада нет")]
    [InlineData("kindergarten=abc", "Значение «abc» не подходит")]
    public async Task A_card_of_something_that_is_not_a_kindergarten_is_not_shown(string query, string message)
    {
        var browser = app.CreateBrowser();
        var page = await browser.GetPageAsync("/kindergartens/map?" + query);

        Assert.Contains(message, page.Text("#kindergarten-card"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#kindergarten-card h2"));
        Assert.Equal(70, Listed(page).Count);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/kindergartens/map?handler=card&" + query)).StatusCode);
    }

    [Fact]
    public async Task The_map_page_lets_images_come_from_the_tile_server_and_loads_only_its_own_scripts()
    {
        var browser = app.CreateBrowser();
        var response = await browser.GetAsync("/kindergartens/map");
        var page = Html.Parse(await response.Content.ReadAsStringAsync());

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("img-src 'self' data: https://tile.openstreetmap.org;", csp, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self';", csp, StringComparison.Ordinal);
        var elsewhere = (await browser.GetAsync("/organisations")).Headers.GetValues("Content-Security-Policy").Single();
        Assert.DoesNotContain("openstreetmap", elsewhere, StringComparison.Ordinal);

        var map = page.QuerySelector("#kindergarten-map")!;
        Assert.Equal("https://tile.openstreetmap.org/{z}/{x}/{y}.png", map.GetAttribute("data-tile-url"));
        Assert.Contains("OpenStreetMap", map.GetAttribute("data-attribution"), StringComparison.Ordinal);
        Assert.NotNull(map.GetAttribute("hidden")); // shown by the script; without it the list is the page
        var scripts = page.QuerySelectorAll("script").Select(s => s.GetAttribute("src")?.Split('?')[0]).ToList();
        Assert.Equal(["/lib/leaflet/leaflet.js", "/js/kindergarten-map.js"], scripts);
        Assert.NotNull(page.QuerySelector("link[rel=stylesheet][href^='/lib/leaflet/leaflet.css']"));
        Assert.Empty(page.QuerySelectorAll("style, [style]"));
        Assert.DoesNotContain(page.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
        Assert.Single(page.QuerySelectorAll("h1"));
        Assert.All(page.QuerySelectorAll("input, select"), field => Assert.NotNull(page.QuerySelector($"label[for='{field.Id}']")));
        foreach (var asset in new[] { "/lib/leaflet/leaflet.js", "/lib/leaflet/leaflet.css", "/lib/leaflet/images/marker-icon.png", "/js/kindergarten-map.js" })
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(asset)).StatusCode);
    }

    [Fact]
    public async Task The_home_page_the_navigation_and_the_register_lead_to_the_map()
    {
        var browser = app.CreateBrowser();

        var home = await browser.GetPageAsync("/");
        Assert.NotNull(home.QuerySelector("main a[href='/kindergartens/map']"));
        Assert.Equal("Карта детских садов", home.Text("nav.top-nav a[href='/kindergartens/map']"));

        var kindergartens = await browser.GetPageAsync("/organisations?municipality=3&kind=Kindergarten");
        Assert.Equal("Детские сады на карте", kindergartens.Text("main a[href='/kindergartens/map?municipality=3']"));
        var schools = await browser.GetPageAsync("/organisations?kind=School");
        Assert.Null(schools.QuerySelector("main a[href^='/kindergartens/map']"));

        var map = await browser.GetPageAsync("/kindergartens/map");
        Assert.Equal("page", map.QuerySelector("nav.top-nav a[href='/kindergartens/map']")?.GetAttribute("aria-current"));
    }

    [Theory]
    [InlineData("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "https://tile.openstreetmap.org")]
    [InlineData("https://{s}.tiles.example.org/osm/{z}/{x}/{y}{r}.png", "https://*.tiles.example.org")]
    [InlineData("http://maps.kuzbass.example:8080/tiles/{z}/{x}/{y}.png", "http://maps.kuzbass.example:8080")]
    [InlineData("", null)]
    public void A_tile_template_gives_the_one_source_the_map_page_allows(string template, string? source)
    {
        var options = new MapOptions { TileUrl = template };
        options.Check();
        Assert.Equal(source, options.TileSource);
    }

    [Theory]
    [InlineData("tile.openstreetmap.org/{z}/{x}/{y}.png")]
    [InlineData("ftp://tiles.example.org/{z}/{x}/{y}.png")]
    [InlineData("https://tiles.example.org/{z}/{x}.png")]
    [InlineData("https://tiles-{s}.example.org/{z}/{x}/{y}.png")]
    [InlineData("https://tiles.example.org; script-src *;/{z}/{x}/{y}.png")]
    [InlineData("https://tiles.example.org/{z}/{x}/{y}.png 'unsafe-inline'")]
    public void A_bad_tile_template_stops_start_up_with_a_Russian_message(string template)
    {
        var problem = Assert.Throws<ConfigurationProblemException>(() => new MapOptions { TileUrl = template }.Check());
        Assert.Contains("Map:TileUrl", problem.Message, StringComparison.Ordinal);
        Assert.Matches("[а-яА-Я]", problem.Message);
    }

    internal sealed record ExpectedKindergarten(int Id, string Name, string Address, int MunicipalityId, double Latitude, double Longitude,
        string? Phone, string? Email, string? Website,
        IReadOnlyList<(KindergartenGroup Group, int Placed)> Groups)
    {
        public int Free => Groups.Sum(g => Math.Max(0, g.Group.Capacity - g.Placed));
    }

    /// <summary>What the map should list, worked out in memory from the database: kindergartens with their matching groups.</summary>
    /// <remarks>With a group condition, kindergartens without such groups are left out, as on the page.</remarks>
    internal static async Task<List<ExpectedKindergarten>> KindergartensAsync(TestDatabase database, Func<Organisation, bool> kindergarten, Func<KindergartenGroup, bool>? group = null)
    {
        await using var db = database.CreateContext();
        var organisations = await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.Kindergarten).ToListAsync();
        var groups = await db.KindergartenGroups.AsNoTracking().ToListAsync();
        var placed = (await db.KindergartenPlacements.AsNoTracking().Select(p => p.KindergartenGroupId).ToListAsync())
            .CountBy(id => id).ToDictionary(x => x.Key, x => x.Value);
        return [.. organisations.Where(kindergarten)
            .Select(o => new ExpectedKindergarten(o.Id, o.ShortName, o.Address, o.MunicipalityId, o.Latitude, o.Longitude, o.Phone, o.Email, o.Website,
                [.. groups.Where(g => g.OrganisationId == o.Id && (group is null || group(g))).OrderBy(g => g.AgeFromMonths).ThenBy(g => g.Name).Select(g => (g, placed.GetValueOrDefault(g.Id)))]))
            .Where(k => group is null || k.Groups.Count > 0)
            .OrderBy(k => k.MunicipalityId == 1 ? 0 : 1).ThenBy(k => k.Id)];
    }

    /// <summary>The kindergartens the page lists, with the free places it says each has.</summary>
    internal static List<(int Id, string Name, int Free)> Listed(IHtmlDocument page) =>
    [
        .. page.QuerySelectorAll("#kindergarten-list li[data-id]").Select(li =>
        {
            var text = li.QuerySelector(".free-places")!.TextContent;
            var free = text == "свободных мест нет" ? 0 : int.Parse(text.Split(' ')[0], CultureInfo.InvariantCulture);
            return (int.Parse(li.GetAttribute("data-id")!, CultureInfo.InvariantCulture), li.QuerySelector("a.results__name")!.TextContent, free);
        }),
    ];

    private static void AssertGroups(IElement card, ExpectedKindergarten kindergarten)
    {
        var items = card.QuerySelectorAll(".group-list li").ToList();
        Assert.Equal(kindergarten.Groups.Count, items.Count);
        Assert.NotEmpty(items);
        foreach (var (item, (group, placed)) in items.Zip(kindergarten.Groups))
        {
            var text = item.TextContent;
            Assert.Contains(group.AgeBandTitle, text, StringComparison.Ordinal);
            Assert.Contains(group.Focus.Title(), text, StringComparison.Ordinal);
            Assert.Contains("режим " + group.Mode.Title(), text, StringComparison.Ordinal);
            Assert.Contains($"Мест: {group.Capacity}, свободно: {Math.Max(0, group.Capacity - placed)}", text, StringComparison.Ordinal);
        }
    }
}

/// <summary>Free places when the data is unusual: an overfilled group, a kindergarten with every group full.</summary>
public sealed class KindergartenMapPlacesTests(IsolatedApp app) : IClassFixture<IsolatedApp>
{
    [Fact]
    public async Task An_overfilled_group_takes_no_places_from_the_others_and_a_full_kindergarten_leaves_the_free_list()
    {
        var kindergartens = await KindergartenMapTests.KindergartensAsync(app.Database, k => k.MunicipalityId == 1);
        var overfilled = kindergartens.First(k => k.Groups.Count >= 2 && k.Groups.Skip(1).Sum(g => g.Group.Capacity - g.Placed) > 0);
        var full = kindergartens.First(k => k.Id != overfilled.Id && k.Free > 0);
        await using (var db = app.Database.CreateContext())
        {
            // One group of the first kindergarten now has far fewer places than children; every group of the second is exactly full.
            var first = await db.KindergartenGroups.SingleAsync(g => g.Id == overfilled.Groups[0].Group.Id);
            first.Capacity = 1;
            foreach (var (group, placed) in full.Groups)
                (await db.KindergartenGroups.SingleAsync(g => g.Id == group.Id)).Capacity = placed;
            await db.SaveChangesAsync();
        }

        var page = await app.CreateBrowser().GetPageAsync("/kindergartens/map?municipality=1");
        var listed = KindergartenMapTests.Listed(page).ToDictionary(k => k.Id, k => k.Free);
        var expectedForOverfilled = overfilled.Groups.Skip(1).Sum(g => Math.Max(0, g.Group.Capacity - g.Placed));
        Assert.Equal(expectedForOverfilled, listed[overfilled.Id]);
        Assert.Equal(0, listed[full.Id]);
        Assert.Contains("свободных мест нет", page.QuerySelector($"li[data-id='{full.Id}']")!.TextContent, StringComparison.Ordinal);

        var onlyFree = await app.CreateBrowser().GetPageAsync("/kindergartens/map?municipality=1&free=true");
        var freeIds = KindergartenMapTests.Listed(onlyFree).Select(k => k.Id).ToList();
        Assert.DoesNotContain(full.Id, freeIds);
        Assert.Contains(overfilled.Id, freeIds);

        var card = await app.CreateBrowser().GetPageAsync($"/kindergartens/map?kindergarten={overfilled.Id}");
        Assert.Contains("Мест: 1, свободно: 0", card.QuerySelector(".group-list li")!.TextContent, StringComparison.Ordinal);
    }
}
