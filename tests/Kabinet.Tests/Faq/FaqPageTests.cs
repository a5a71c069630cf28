using Kabinet.Tests.Infrastructure;

namespace Kabinet.Tests.Faq;

/// <summary>«Вопрос-ответ» as a reader finds it: without signing in, by section, questions that open, search.</summary>
public sealed class FaqPageTests(DemoApp app)
{
    private static string Url(string query) => "/faq?q=" + Uri.EscapeDataString(query);

    [Fact]
    public async Task Anyone_reads_the_questions_by_section_each_opening_in_place_with_its_own_link()
    {
        var page = await app.CreateBrowser().GetPageAsync("/faq");

        Assert.Equal("Вопрос-ответ", page.Text("h1"));
        var sections = page.QuerySelectorAll("section.faq-section h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["Документы", "Льготы", "Очередь и направление", "Возраст, группы и посещение"], sections);
        // The table of contents leads to each section.
        Assert.Equal(sections, page.QuerySelectorAll(".faq-toc a").Select(a => a.TextContent.Trim()));
        Assert.All(page.QuerySelectorAll(".faq-toc a"), a => Assert.NotNull(page.GetElementById(a.GetAttribute("href")![1..])));

        var items = page.QuerySelectorAll("details.faq-item");
        Assert.InRange(items.Length, 12, 20);
        Assert.All(items, item =>
        {
            Assert.False(item.HasAttribute("open"));
            Assert.False(string.IsNullOrWhiteSpace(item.QuerySelector("summary")?.TextContent));
            var answer = item.QuerySelector(".faq-answer")!;
            Assert.StartsWith("vopros-", answer.Id, StringComparison.Ordinal);
            Assert.Equal($"/faq#{answer.Id}", answer.QuerySelector(".faq-permalink a")?.GetAttribute("href"));
        });
        Assert.Equal(items.Length, items.Select(i => i.QuerySelector(".faq-answer")!.Id).Distinct().Count());
    }

    [Fact]
    public async Task The_benefit_answers_name_their_legal_grounds()
    {
        var page = await app.CreateBrowser().GetPageAsync("/faq");

        string Answer(string question) => page.QuerySelectorAll("details.faq-item")
            .Single(d => d.QuerySelector("summary")!.TextContent.Contains(question, StringComparison.Ordinal))
            .QuerySelector(".faq-answer")!.TextContent;

        var outOfTurn = Answer("внеочередное право");
        Assert.Contains("3132-1", outOfTurn, StringComparison.Ordinal);
        Assert.Contains("2202-1", outOfTurn, StringComparison.Ordinal);
        Assert.Contains("403-ФЗ", outOfTurn, StringComparison.Ordinal);
        Assert.Contains("специальной военной операции", outOfTurn, StringComparison.Ordinal);
        var firstPriority = Answer("первоочередное право");
        Assert.Contains("76-ФЗ", firstPriority, StringComparison.Ordinal);
        Assert.Contains("3-ФЗ", firstPriority, StringComparison.Ordinal);
        Assert.Contains("123-ОЗ", firstPriority, StringComparison.Ordinal);
        Assert.Contains("ч. 3.1 ст. 67", Answer("Брат или сестра"), StringComparison.Ordinal);
        Assert.Contains("общей очереди", Answer("не подтверждена"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ЛЬГОТ")]         // part of a word, capitals
    [InlineData("лЬгОт")]
    [InlineData("  Льгот ")]
    public async Task Search_finds_part_of_a_word_in_any_letter_case(string query)
    {
        var page = await app.CreateBrowser().GetPageAsync(Url(query));

        var questions = page.QuerySelectorAll("details.faq-item summary").Select(s => s.TextContent).ToList();
        Assert.Contains("Какие бывают льготы при устройстве в детский сад?", questions);
        // Found in the answer only: the question itself does not say «льгота».
        Assert.Contains("Что указать в заявлении о постановке ребёнка в очередь в детский сад?", questions);
        Assert.DoesNotContain("Что означает «Очередь на дату»?", questions);
        Assert.All(page.QuerySelectorAll("details.faq-item"), d => Assert.True(d.HasAttribute("open")));
        Assert.Contains($" {questions.Count} вопрос", page.Text(".results-count"), StringComparison.Ordinal);
        Assert.Equal(query, page.QuerySelector("input#q")?.GetAttribute("value"));
    }

    [Theory]
    [InlineData("РЕБЕНОК", "ребёнок")]      // е in the query finds ё in the text
    [InlineData("зачислён", "зачислен")]    // ё in the query finds е in the text
    public async Task Search_treats_yo_as_ye(string query, string inText)
    {
        var page = await app.CreateBrowser().GetPageAsync(Url(query));

        var found = page.QuerySelectorAll("details.faq-item");
        Assert.NotEmpty(found);
        Assert.All(found, d => Assert.Contains(inText, d.TextContent, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Every_word_of_the_query_must_be_found()
    {
        var page = await app.CreateBrowser().GetPageAsync(Url("судей прокуроров"));

        var found = Assert.Single(page.QuerySelectorAll("details.faq-item summary"));
        Assert.Equal("Кому положено внеочередное право на место в детском саду?", found.TextContent);
        Assert.Equal("Найден 1 вопрос", page.Text(".results-count"));
    }

    [Fact]
    public async Task Search_looks_at_the_words_of_a_link_not_its_address()
    {
        var page = await app.CreateBrowser().GetPageAsync(Url("organisations"));

        Assert.Empty(page.QuerySelectorAll("details.faq-item"));
    }

    [Fact]
    public async Task A_search_with_no_match_says_so_and_offers_all_questions()
    {
        var page = await app.CreateBrowser().GetPageAsync(Url("бассейн"));

        Assert.Empty(page.QuerySelectorAll("details.faq-item"));
        var message = page.Text(".results-count");
        Assert.Contains("По запросу «бассейн» ничего не найдено", message, StringComparison.Ordinal);
        Assert.Equal("/faq", page.QuerySelector(".results-count a")?.GetAttribute("href"));
    }

    [Fact]
    public async Task The_section_is_linked_from_the_navigation_the_footer_and_the_home_page()
    {
        var browser = app.CreateBrowser();
        var home = await browser.GetPageAsync("/");
        Assert.NotNull(home.QuerySelector(".top-nav a[href='/faq']"));
        Assert.NotNull(home.QuerySelector(".site-footer a[href='/faq']"));
        Assert.Equal("Вопрос-ответ", home.QuerySelector(".cards a[href='/faq']")?.TextContent);

        var faq = await browser.GetPageAsync("/faq");
        Assert.Equal("page", faq.QuerySelector(".top-nav a[href='/faq']")?.GetAttribute("aria-current"));
    }

    [Fact]
    public async Task Only_regional_administrators_are_offered_the_editor()
    {
        var reader = await app.CreateBrowser().GetPageAsync("/faq");
        var parent = await (await app.SignedInAsync("demo.roditel")).GetPageAsync("/faq");
        var admin = await (await app.SignedInAsync("demo.region")).GetPageAsync("/faq");

        Assert.Null(reader.QuerySelector("main a[href='/admin/faq']"));
        Assert.Null(parent.QuerySelector("main a[href='/admin/faq']"));
        Assert.NotNull(admin.QuerySelector("main a[href='/admin/faq']"));
    }
}
