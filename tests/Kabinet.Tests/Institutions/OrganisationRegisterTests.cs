using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kabinet.Tests.Infrastructure;

namespace Kabinet.Tests.Institutions;

public sealed class OrganisationRegisterTests(DemoApp app)
{
    [Theory]
    [InlineData("гимназия")]
    [InlineData("ГИМНАЗИЯ")]
    [InlineData("Гимназия №1")]
    [InlineData("гимназия 1")]
    [InlineData("  гимназия   № 1 ")]
    public async Task The_register_finds_a_school_by_part_of_its_name_in_any_letter_case(string query)
    {
        var page = await app.CreateBrowser().GetPageAsync($"/organisations?q={Uri.EscapeDataString(query)}");

        var names = page.QuerySelectorAll("a.results__name").Select(a => a.TextContent).ToList();
        Assert.Contains("МБОУ «Гимназия № 1»", names);
        Assert.All(names, n => Assert.Contains("гимназия", n, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(query, page.QuerySelector("#q")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Search_also_matches_the_address()
    {
        var page = await app.CreateBrowser().GetPageAsync("/organisations?q=" + Uri.EscapeDataString("мариинск"));

        var items = page.QuerySelectorAll(".results li").ToList();
        Assert.NotEmpty(items);
        Assert.All(items, li => Assert.Contains("Мариинск", li.TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Letter_yo_and_ye_are_the_same_for_search()
    {
        var withYo = await app.CreateBrowser().GetPageAsync("/organisations?q=" + Uri.EscapeDataString("Берёзовский"));
        var withYe = await app.CreateBrowser().GetPageAsync("/organisations?q=" + Uri.EscapeDataString("березовский"));

        var a = withYo.QuerySelectorAll("a.results__name").Select(x => x.TextContent).ToList();
        Assert.NotEmpty(a);
        Assert.Equal(a, withYe.QuerySelectorAll("a.results__name").Select(x => x.TextContent).ToList());
    }

    [Fact]
    public async Task Filters_by_municipality_and_kind_list_only_matching_organisations_sorted_by_number()
    {
        var page = await app.CreateBrowser().GetPageAsync("/organisations?municipality=1&kind=Kindergarten");

        var items = page.QuerySelectorAll(".results li").ToList();
        Assert.NotEmpty(items);
        Assert.All(items, li => Assert.Equal("Детский сад", li.QuerySelector(".tag")!.TextContent));
        Assert.All(items, li => Assert.Contains("г. Кемерово", li.TextContent, StringComparison.Ordinal));
        var numbers = items.Select(li => int.Parse(System.Text.RegularExpressions.Regex.Match(li.QuerySelector("a")!.TextContent, @"№ (\d+)").Groups[1].Value)).ToList();
        Assert.Equal(numbers.Order(), numbers);
        Assert.Equal("selected", page.QuerySelector("#kind option[value=Kindergarten]")?.GetAttribute("selected") is null ? null : "selected");
    }

    [Fact]
    public async Task Without_filters_the_register_is_grouped_by_municipality_and_paged()
    {
        var browser = app.CreateBrowser();
        var first = await browser.GetPageAsync("/organisations");

        Assert.Equal("Кемеровский городской округ", first.QuerySelector("main h3")?.TextContent);
        var kinds = first.QuerySelectorAll(".results .tag").Select(t => t.TextContent).Distinct().ToList();
        Assert.Equal(["Детский сад", "Школа", "Колледж, техникум (СПО)", "Дополнительное образование"], kinds.Take(4));
        Assert.Equal(30, first.QuerySelectorAll("a.results__name").Length);
        var next = first.QuerySelector("a[rel=next]")?.GetAttribute("href");
        Assert.NotNull(next);

        var second = await browser.GetPageAsync(next);
        Assert.NotEqual(
            first.QuerySelector("a.results__name")!.TextContent,
            second.QuerySelector("a.results__name")!.TextContent);
        Assert.NotNull(second.QuerySelector("a[rel=prev]"));
    }

    [Theory]
    [InlineData("/organisations?kind=Zoo", "Такого типа организации нет")]
    [InlineData("/organisations?kind=1", "Такого типа организации нет")]
    [InlineData("/organisations?kind=School,College", "Такого типа организации нет")]
    [InlineData("/organisations?municipality=9999", "Такого муниципалитета нет")]
    [InlineData("/organisations?municipality=abc", "Значение «abc» не подходит")]
    public async Task Bad_filter_values_are_explained_next_to_the_field_and_ignored(string url, string message)
    {
        var page = await app.CreateBrowser().GetPageAsync(url);

        var error = page.QuerySelector(".field-error");
        Assert.Contains(message, error?.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(page.QuerySelectorAll("a.results__name"));
        var field = page.QuerySelector($"[aria-describedby~='{error!.Id}']");
        Assert.Equal("true", field?.GetAttribute("aria-invalid"));
    }

    [Theory]
    [InlineData("/organisations?p=72000000")]
    [InlineData("/organisations?p=2147483647&q=%D1%88%D0%BA%D0%BE%D0%BB%D0%B0")]
    public async Task A_page_number_past_the_end_shows_the_last_page(string url)
    {
        var page = await app.CreateBrowser().GetPageAsync(url);

        Assert.NotEmpty(page.QuerySelectorAll("a.results__name"));
        Assert.Null(page.QuerySelector("a[rel=next]"));
        Assert.Matches(@"Страница (\d+) из \1", page.Text(".pager span"));
    }

    [Theory]
    [InlineData("page=2147483647&pageSize=100")]
    [InlineData("page=72000000")]
    public async Task The_api_answers_an_empty_page_past_the_end(string query)
    {
        var response = await app.CreateBrowser().GetAsync("/api/v1/organisations?" + query);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, body.GetProperty("items").GetArrayLength());
        Assert.True(body.GetProperty("totalCount").GetInt32() > 0);
    }

    [Fact]
    public async Task Nothing_found_says_so_in_plain_words()
    {
        var page = await app.CreateBrowser().GetPageAsync("/organisations?q=" + Uri.EscapeDataString("несуществующее учреждение"));

        Assert.Equal("Найдено: 0", page.Text("#results-heading"));
        Assert.Contains("Ничего не нашлось", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_school_page_shows_contacts_the_head_the_current_year_and_classes()
    {
        var page = await app.CreateBrowser().GetPageAsync("/organisations/1");

        Assert.Equal("МБОУ «Гимназия № 1»", page.Text("h1"));
        var details = page.QuerySelector("dl.details")!.TextContent;
        Assert.Contains("Кемеровский городской округ", details, StringComparison.Ordinal);
        Assert.Contains("Директор", details, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("a[href^='tel:+7']"));
        Assert.NotNull(page.QuerySelector("a[href^='mailto:']"));
        Assert.Contains(page.QuerySelectorAll("h2"), h => h.TextContent.StartsWith("Учебный год 20", StringComparison.Ordinal));
        var periods = page.QuerySelectorAll("table")[0].QuerySelectorAll("tbody tr").Select(r => r.Children[0].TextContent).ToList();
        Assert.NotEmpty(periods);
        var classes = page.QuerySelectorAll("table")[1].QuerySelectorAll("tbody tr").Select(r => r.Children[0].TextContent).ToList();
        Assert.Equal(["1А", "2А", "3А", "4А", "5А", "6А", "7А", "8А", "9А", "10А", "11А"], classes);
    }

    [Fact]
    public async Task A_kindergarten_page_shows_its_groups_with_focus_mode_and_free_places()
    {
        var list = await app.CreateBrowser().GetPageAsync("/organisations?municipality=1&kind=Kindergarten");
        var href = list.QuerySelector("a.results__name")!.GetAttribute("href")!;

        var page = await app.CreateBrowser().GetPageAsync(href);

        var rows = page.QuerySelectorAll("table tbody tr").ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r =>
        {
            Assert.Matches(@"^от [\d,]+ до \d+ лет$", r.Children[1].TextContent);
            Assert.Contains(r.Children[2].TextContent, new[] { "общеразвивающая", "компенсирующая", "оздоровительная", "комбинированная" });
            Assert.True(int.Parse(r.Children[5].TextContent) <= int.Parse(r.Children[4].TextContent));
        });
    }

    [Fact]
    public async Task The_api_lists_municipalities_and_searches_organisations()
    {
        var browser = app.CreateBrowser();
        var municipalities = await browser.GetFromJsonAsync<JsonElement>("/api/v1/municipalities");
        Assert.Equal(34, municipalities.GetArrayLength());
        Assert.Equal("Кемеровский городской округ", municipalities[0].GetProperty("name").GetString());

        var found = await browser.GetFromJsonAsync<JsonElement>("/api/v1/organisations?q=" + Uri.EscapeDataString("ГИМНАЗИЯ") + "&kind=school&pageSize=5");
        Assert.True(found.GetProperty("totalCount").GetInt32() >= 1);
        Assert.Equal("School", found.GetProperty("items")[0].GetProperty("kind").GetString());
        Assert.Contains("Гимназия", found.GetProperty("items")[0].GetProperty("shortName").GetString(), StringComparison.Ordinal);

        var card = await browser.GetFromJsonAsync<JsonElement>("/api/v1/organisations/1");
        Assert.Equal(11, card.GetProperty("classes").GetArrayLength());
    }

    [Theory]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("kind=Zoo", "kind")]
    public async Task Bad_api_parameters_get_a_validation_problem_in_Russian(string query, string field)
    {
        var response = await app.CreateBrowser().GetAsync("/api/v1/organisations?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var message = problem.GetProperty("errors").GetProperty(field)[0].GetString();
        Assert.Matches("[а-яА-Я]", message);
    }
}
