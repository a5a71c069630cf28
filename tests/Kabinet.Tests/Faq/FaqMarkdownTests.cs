using AngleSharp.Dom;
using Kabinet.Tests.Infrastructure;
using Kabinet.Web.Features.Faq;

namespace Kabinet.Tests.Faq;

/// <summary>What an administrator writes in Markdown is what readers get, and nothing that runs in their browser.</summary>
public sealed class FaqMarkdownTests
{
    private static readonly FaqMarkdown Markdown = new();

    private static IElement Render(string markdown) => Html.Parse($"<div id=answer>{Markdown.ToHtml(markdown)}</div>").GetElementById("answer")!;

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("Текст <script>alert(1)</script> дальше")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("Смотрите <img src=x onerror=\"alert(1)\"> здесь")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<div onmouseover=alert(1)>наведите</div>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JavaScript:alert(1))")]
    [InlineData("[x]( javascript:alert(1) )")]
    [InlineData("[x](java&#x09;script:alert(1))")]
    [InlineData("[x](<java\tscript:alert(1)>)")]
    [InlineData("[x](vbscript:msgbox(1))")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("[x][ref]\n\n[ref]: javascript:alert(1)")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("![x](javascript:alert(1))")]
    [InlineData("![x](https://tracker.example/pixel.png)")]
    public void Hostile_markdown_leaves_nothing_that_runs_or_loads(string markdown)
    {
        var answer = Render(markdown);

        Assert.Empty(answer.QuerySelectorAll("script, iframe, img, object, embed, style"));
        Assert.DoesNotContain(answer.QuerySelectorAll("*"), e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.All(answer.QuerySelectorAll("a"), a =>
        {
            var href = a.GetAttribute("href") ?? "";
            Assert.True(href.StartsWith("http://", StringComparison.Ordinal) || href.StartsWith("https://", StringComparison.Ordinal)
                        || href.StartsWith("mailto:", StringComparison.Ordinal) || href.StartsWith('/'), $"unsafe link {a.OuterHtml}");
        });
    }

    [Fact]
    public void Raw_html_is_shown_as_the_text_that_was_typed()
    {
        var answer = Render("Не пишите <script>alert(1)</script> в ответах.");

        Assert.Contains("<script>alert(1)</script>", answer.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dangerous_link_keeps_its_text_without_the_link()
    {
        var answer = Render("Нажмите [сюда](javascript:alert(1)) и [туда][r].\n\n[r]: JAVASCRIPT:alert(2)");

        Assert.Empty(answer.QuerySelectorAll("a"));
        Assert.Equal("Нажмите сюда и туда.", answer.TextContent.Trim());
    }

    [Fact]
    public void Lists_emphasis_and_safe_links_come_out_as_written()
    {
        var answer = Render("""
            Нужны **паспорт** и *свидетельство*:

            - первый пункт;
            - второй пункт.

            1. раз
            2. два

            См. [Госуслуги](https://www.gosuslugi.ru), [реестр](/organisations), <help@kabinet.example> и https://kuzbass.example/page.
            """);

        Assert.Equal("паспорт", answer.Text("strong"));
        Assert.Equal("свидетельство", answer.Text("em"));
        Assert.Equal(["первый пункт;", "второй пункт."], answer.QuerySelectorAll("ul > li").Select(li => li.TextContent.Trim()));
        Assert.Equal(2, answer.QuerySelectorAll("ol > li").Length);
        var links = answer.QuerySelectorAll("a").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();
        Assert.Contains(("Госуслуги", "https://www.gosuslugi.ru"), links);
        Assert.Contains(("реестр", "/organisations"), links);
        Assert.Contains(("help@kabinet.example", "mailto:help@kabinet.example"), links);
        Assert.Contains(("https://kuzbass.example/page", "https://kuzbass.example/page"), links);
    }

    [Fact]
    public void Headings_in_an_answer_stay_below_the_page_s_own()
    {
        var answer = Render("# Главное\n\n## Подробнее\n\ntext");

        Assert.Empty(answer.QuerySelectorAll("h1, h2, h3"));
        Assert.Equal("Главное", answer.Text("h4"));
        Assert.Equal("Подробнее", answer.Text("h5"));
    }
}

internal static class ElementText
{
    public static string Text(this IElement element, string selector) =>
        element.QuerySelector(selector)?.TextContent.Trim() ?? throw new InvalidOperationException($"No element {selector}");
}
