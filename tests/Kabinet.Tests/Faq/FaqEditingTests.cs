using System.Net;
using AngleSharp.Html.Dom;
using Kabinet.Tests.Infrastructure;

namespace Kabinet.Tests.Faq;

/// <summary>A regional administrator writes, previews, changes, hides and deletes questions; readers see only what is published.</summary>
public sealed class FaqEditingTests(IsolatedApp app) : IClassFixture<IsolatedApp>
{
    private static Dictionary<string, string> Form(string question, string answer = "Ответ.", string section = "Документы", string order = "", bool published = true)
    {
        var form = new Dictionary<string, string>
        {
            ["Section"] = section,
            ["Question"] = question,
            ["Answer"] = answer,
            ["Order"] = order,
        };
        if (published)
            form["Published"] = "true";
        return form;
    }

    private static string Unique(string text) => $"{text} {Guid.NewGuid():N}";

    private async Task<IHtmlDocument> PublicPageAsync(string? query = null) =>
        await app.CreateBrowser().GetPageAsync(query is null ? "/faq" : "/faq?q=" + Uri.EscapeDataString(query));

    private static AngleSharp.Dom.IElement? Find(IHtmlDocument page, string question) =>
        page.QuerySelectorAll("details.faq-item").FirstOrDefault(d => d.QuerySelector("summary")?.TextContent == question);

    /// <summary>The edit address of a question, from the administrators' list.</summary>
    private static async Task<string> EditUrlAsync(HttpClient admin, string question)
    {
        var list = await admin.GetPageAsync("/admin/faq");
        return list.QuerySelectorAll("a.results__name").Single(a => a.TextContent == question).GetAttribute("href")!;
    }

    [Fact]
    public async Task A_new_question_appears_on_the_public_page_with_its_Markdown_rendered_and_changes_show_after_saving()
    {
        var admin = await app.SignedInAsync("demo.region");
        var question = Unique("Нужна ли справка о прививках?");
        var created = await admin.SubmitFormAsync("/admin/faq/new", Form(question, section: "льготы", answer: """
            Нужна **медицинская карта**. Принесите:

            - карту;
            - полис.

            Подробнее — на [Госуслугах](https://www.gosuslugi.ru) и в [реестре](/organisations).
            """));

        Assert.Equal("/admin/faq", created.Headers.Location?.OriginalString);
        var page = await PublicPageAsync();
        var item = Find(page, question);
        Assert.NotNull(item);
        // «льготы» typed in lower case joined the existing section «Льготы», at its end.
        Assert.Equal("Льготы", item.ParentElement!.QuerySelector("h2")!.TextContent);
        var inSection = item.ParentElement.QuerySelectorAll("details.faq-item");
        Assert.Same(item, inSection[inSection.Length - 1]);
        Assert.Equal("медицинская карта", item.QuerySelector(".faq-answer strong")?.TextContent);
        Assert.Equal(["карту;", "полис."], item.QuerySelectorAll(".faq-answer ul li").Select(li => li.TextContent.Trim()));
        Assert.Equal("https://www.gosuslugi.ru", item.QuerySelectorAll(".faq-answer a").Single(a => a.TextContent == "Госуслугах").GetAttribute("href"));
        Assert.Equal("/organisations", item.QuerySelectorAll(".faq-answer a").Single(a => a.TextContent == "реестре").GetAttribute("href"));

        var edit = await EditUrlAsync(admin, question);
        var form = await admin.GetPageAsync(edit);
        Assert.Equal(question, form.QuerySelector("input#Question")?.GetAttribute("value"));
        Assert.Contains("**медицинская карта**", form.Text("textarea#Answer"), StringComparison.Ordinal);
        var changed = question + " (уточнено)";
        var saved = await admin.SubmitFormAsync(edit, Form(changed, answer: "Теперь *только* полис.", section: "Льготы", order: "5")
            .Append(new("Version", form.QuerySelector("input[name=Version]")!.GetAttribute("value")!)).ToDictionary());

        Assert.Equal("/admin/faq", saved.Headers.Location?.OriginalString);
        page = await PublicPageAsync();
        Assert.Null(Find(page, question));
        item = Find(page, changed);
        Assert.NotNull(item);
        Assert.Equal("только", item.QuerySelector(".faq-answer em")?.TextContent);
        // Order 5 puts it first in its section.
        Assert.Same(item, item.ParentElement!.QuerySelector("details.faq-item"));
    }

    [Fact]
    public async Task Hostile_Markdown_reaches_readers_as_harmless_text()
    {
        var admin = await app.SignedInAsync("demo.region");
        var question = Unique("Опасный ответ");
        await admin.SubmitFormAsync("/admin/faq/new", Form(question, answer: """
            <script>alert('xss')</script>

            <img src=x onerror=alert(1)>

            [Нажмите](javascript:alert(1)) или [сюда](JaVaScRiPt:alert(2)).
            """));

        var item = Find(await PublicPageAsync(), question);
        Assert.NotNull(item);
        var answer = item.QuerySelector(".faq-answer")!;
        Assert.Empty(answer.QuerySelectorAll("script, img"));
        Assert.DoesNotContain(answer.QuerySelectorAll("*"), e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
        Assert.All(answer.QuerySelectorAll("a"), a => Assert.StartsWith("/faq#", a.GetAttribute("href"), StringComparison.Ordinal));
        Assert.Contains("<script>alert('xss')</script>", answer.TextContent, StringComparison.Ordinal);
        Assert.Contains("Нажмите или сюда.", answer.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_shows_the_rendered_answer_without_saving_it()
    {
        var admin = await app.SignedInAsync("demo.region");
        var question = Unique("Вопрос для предпросмотра");

        var response = await admin.SubmitFormAsync("/admin/faq/new", Form(question, answer: "Это **важно**.\n\n[плохая](javascript:alert(1))"), handler: "Preview");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(question, page.Text(".faq-preview summary"));
        Assert.Equal("важно", page.Text(".faq-preview .faq-answer strong"));
        Assert.Empty(page.QuerySelectorAll(".faq-preview a"));
        // What was typed stays in the form, to be saved or changed.
        Assert.Equal(question, page.QuerySelector("input#Question")?.GetAttribute("value"));
        Assert.Contains("Это **важно**.", page.Text("textarea#Answer"), StringComparison.Ordinal);
        Assert.Null(Find(await PublicPageAsync(), question));
    }

    [Fact]
    public async Task A_hidden_question_is_neither_listed_nor_found_but_stays_with_the_administrators()
    {
        var admin = await app.SignedInAsync("demo.region");
        var question = Unique("Черновик про питание в детском саду");
        await admin.SubmitFormAsync("/admin/faq/new", Form(question, answer: "Меню утверждает детский сад.", published: false));

        Assert.Null(Find(await PublicPageAsync(), question));
        Assert.Null(Find(await PublicPageAsync("питание"), question));
        var list = await admin.GetPageAsync("/admin/faq");
        var row = list.QuerySelectorAll(".results li").Single(li => li.QuerySelector("a.results__name")?.TextContent == question);
        Assert.Equal("скрыт", row.QuerySelector(".tag")?.TextContent);
    }

    [Fact]
    public async Task Unpublishing_and_deleting_ask_first_then_take_the_question_off_the_public_page()
    {
        var admin = await app.SignedInAsync("demo.region");
        var question = Unique("Вопрос, который уберут");
        await admin.SubmitFormAsync("/admin/faq/new", Form(question, answer: "Временный ответ."));
        Assert.NotNull(Find(await PublicPageAsync(), question));
        var remove = await EditUrlAsync(admin, question) + "/remove";

        var confirm = await admin.GetPageAsync(remove);
        Assert.Equal(question, confirm.Text("main .letter"));
        Assert.Equal(["Снять с публикации", "Удалить вопрос"], confirm.QuerySelectorAll("main form button").Select(b => b.TextContent.Trim()));
        Assert.NotNull(Find(await PublicPageAsync(), question)); // opening the page changes nothing

        var unpublished = await admin.SubmitFormAsync(remove, new Dictionary<string, string>(), handler: "Unpublish");
        Assert.Equal("/admin/faq", unpublished.Headers.Location?.OriginalString);
        Assert.Null(Find(await PublicPageAsync(), question));
        var list = await admin.GetPageAsync("/admin/faq");
        Assert.Contains(list.QuerySelectorAll("a.results__name"), a => a.TextContent == question);
        Assert.Contains($"«{question}» снят с публикации", list.Text(".notice"), StringComparison.Ordinal);

        var deleted = await admin.SubmitFormAsync(remove, new Dictionary<string, string>(), handler: "Delete");
        Assert.Equal("/admin/faq", deleted.Headers.Location?.OriginalString);
        list = await admin.GetPageAsync("/admin/faq");
        Assert.DoesNotContain(list.QuerySelectorAll("a.results__name"), a => a.TextContent == question);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(remove)).StatusCode);
    }

    public static TheoryData<string, string, string, string, string, string> BadInput => new()
    {
        // field with the error, message, then section, question, answer, order as typed
        { "Question", "Напишите вопрос.", "Документы", "   ", "Ответ есть.", "" },
        { "Question", "Вопрос — не длиннее 300 символов (сейчас 301).", "Документы", new string('в', 301), "Ответ есть.", "" },
        { "Answer", "Напишите ответ.", "Документы", "Вопрос есть?", "", "" },
        { "Answer", "Ответ — не длиннее 20000 символов (сейчас 20001).", "Документы", "Вопрос есть?", new string('о', 20_001), "" },
        { "Section", "Укажите раздел", "", "Вопрос есть?", "Ответ есть.", "" },
        { "Section", "Название раздела — не длиннее 100 символов", new string('р', 101), "Вопрос есть?", "Ответ есть.", "" },
        { "Order", "Порядок — целое число от 0 до 9999", "Документы", "Вопрос есть?", "Ответ есть.", "пятый" },
        { "Order", "Порядок — целое число от 0 до 9999", "Документы", "Вопрос есть?", "Ответ есть.", "100000" },
        { "Order", "Порядок — целое число от 0 до 9999", "Документы", "Вопрос есть?", "Ответ есть.", "-1" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task A_bad_form_comes_back_with_the_message_next_to_the_field_and_what_was_typed(string field, string message, string section, string question, string answer, string order)
    {
        var admin = await app.SignedInAsync("demo.region");
        var before = (await admin.GetPageAsync("/admin/faq")).QuerySelectorAll("a.results__name").Length;

        var response = await admin.SubmitFormAsync("/admin/faq/new", Form(question, answer, section, order));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, page.Text($"#{field}-error"), StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector($"#{field}")?.GetAttribute("aria-invalid"));
        Assert.Contains($"{field}-error", page.QuerySelector($"#{field}")?.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Contains(message, page.Text(".error-summary"), StringComparison.Ordinal);
        // Everything typed comes back (tidied of outer spaces), so nothing has to be typed again.
        if (field != "Section")
            Assert.Equal(section, page.QuerySelector("input#Section")?.GetAttribute("value"));
        if (field != "Question")
            Assert.Equal(question, page.QuerySelector("input#Question")?.GetAttribute("value"));
        if (field != "Answer")
            Assert.Equal(answer, page.QuerySelector("textarea#Answer")?.TextContent.Trim());
        if (field == "Order")
            Assert.Equal(order, page.QuerySelector("input#Order")?.GetAttribute("value"));
        Assert.Equal(before, (await admin.GetPageAsync("/admin/faq")).QuerySelectorAll("a.results__name").Length);
    }

    [Fact]
    public async Task A_long_answer_typed_in_a_browser_counts_each_line_break_once()
    {
        var admin = await app.SignedInAsync("demo.region");
        var question = Unique("Длинный ответ");
        // 10,000 lines of one letter: 19,999 characters as typed, but the browser sends CR LF, 29,998 bytes.
        var answer = string.Join("\r\n", Enumerable.Repeat("а", 10_000));

        var response = await admin.SubmitFormAsync("/admin/faq/new", Form(question, answer));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task A_save_over_another_administrator_s_change_is_refused_with_the_typed_text_kept()
    {
        var first = await app.SignedInAsync("demo.region");
        var second = await app.SignedInAsync("demo.region");
        var question = Unique("Вопрос двух администраторов");
        await first.SubmitFormAsync("/admin/faq/new", Form(question, answer: "Исходный ответ."));
        var edit = await EditUrlAsync(first, question);
        var version = (await second.GetPageAsync(edit)).QuerySelector("input[name=Version]")!.GetAttribute("value")!;

        var firstSave = await first.SubmitFormAsync(edit, Form(question, answer: "Ответ первого.")
            .Append(new("Version", version)).ToDictionary());
        Assert.Equal(HttpStatusCode.Redirect, firstSave.StatusCode);

        var secondSave = await second.SubmitFormAsync(edit, Form(question, answer: "Ответ второго.")
            .Append(new("Version", version)).ToDictionary());
        Assert.Equal(HttpStatusCode.OK, secondSave.StatusCode);
        var page = Html.Parse(await secondSave.Content.ReadAsStringAsync());
        Assert.Contains("сохранил другой администратор", page.Text(".error-summary"), StringComparison.Ordinal);
        Assert.Equal("Ответ второго.", page.Text("textarea#Answer"));
        Assert.Contains("Ответ первого.", Find(await PublicPageAsync(), question)!.TextContent, StringComparison.Ordinal);

        // Saving again, having seen the message, replaces the first administrator's answer.
        var again = await second.SubmitFormAsync(edit, Form(question, answer: "Ответ второго.")
            .Append(new("Version", page.QuerySelector("input[name=Version]")!.GetAttribute("value")!)).ToDictionary());
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Contains("Ответ второго.", Find(await PublicPageAsync(), question)!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("demo.roditel")]
    [InlineData("demo.admin")]
    [InlineData("demo.operator")]
    public async Task Only_regional_administrators_may_add_questions(string login)
    {
        var browser = await app.SignedInAsync(login);
        var question = Unique("Чужой вопрос");

        var response = await browser.SubmitFormAsync("/admin/faq/new", Form(question), tokenFrom: "/account/sessions");

        Assert.Contains("/error/403", response.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Null(Find(await PublicPageAsync(), question));
    }
}
