using System.Net;
using Kabinet.Tests.Infrastructure;

namespace Kabinet.Tests.Platform;

/// <summary>What every public page promises: light, self-hosted, CSP-clean, accessible basics, Russian.</summary>
public sealed class PageQualityTests(DemoApp app)
{
    private const int BudgetBytes = 150 * 1024;

    public static TheoryData<string> PublicPages => ["/", "/organisations", "/organisations?q=%D1%88%D0%BA%D0%BE%D0%BB%D0%B0", "/organisations/1", "/docs/api", "/account/login", "/faq", "/faq?q=%D0%BB%D1%8C%D0%B3%D0%BE%D1%82", "/kindergarten/statistics", "/kindergarten/statistics?municipality=1", "/kindergarten/statistics?municipality=abc", "/no-such-page"];

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task A_page_with_its_styles_and_scripts_stays_under_150_KiB_and_loads_nothing_from_other_sites(string url)
    {
        var browser = app.CreateBrowser();
        var response = await browser.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        var page = Html.Parse(html);

        var assets = page.QuerySelectorAll("link[rel=stylesheet][href], script[src], img[src], link[rel=icon][href]")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!)
            .ToList();
        Assert.All(assets, a => Assert.True(a.StartsWith('/') && !a.StartsWith("//", StringComparison.Ordinal), $"{a} is not served by Kabinet itself"));

        long total = System.Text.Encoding.UTF8.GetByteCount(html);
        foreach (var asset in assets.Where(a => !a.Contains("/img/", StringComparison.Ordinal)))
        {
            var bytes = await browser.GetByteArrayAsync(asset);
            total += bytes.Length;
        }

        Assert.True(total < BudgetBytes, $"{url}: {total} bytes of HTML, CSS and JS");
    }

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task A_page_has_no_inline_script_or_style_so_the_strict_CSP_holds(string url)
    {
        var response = await app.CreateBrowser().GetAsync(url);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());

        Assert.Empty(page.QuerySelectorAll("script:not([src])"));
        Assert.Empty(page.QuerySelectorAll("style"));
        Assert.Empty(page.QuerySelectorAll("[style]"));
        Assert.DoesNotContain(page.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task A_page_has_the_basics_of_accessibility(string url)
    {
        var response = await app.CreateBrowser().GetAsync(url);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("ru", page.DocumentElement.GetAttribute("lang"));
        Assert.Single(page.QuerySelectorAll("h1"));
        Assert.NotNull(page.QuerySelector("main#main"));
        Assert.NotNull(page.QuerySelector("a.skip-link[href='#main']"));
        Assert.Contains("width=device-width", page.QuerySelector("meta[name=viewport]")?.GetAttribute("content"), StringComparison.Ordinal);
        foreach (var field in page.QuerySelectorAll("input:not([type=hidden]), select, textarea"))
        {
            var id = field.GetAttribute("id");
            Assert.True(id is not null && page.QuerySelector($"label[for='{id}']") is not null, $"{url}: field {field.OuterHtml} has no label");
        }

        Assert.All(page.QuerySelectorAll("img"), img => Assert.NotNull(img.GetAttribute("alt")));
    }

    [Fact]
    public async Task Responses_carry_the_security_headers()
    {
        var response = await app.CreateBrowser().GetAsync("/");

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task The_openapi_document_and_its_reference_page_describe_the_same_endpoints()
    {
        var browser = app.CreateBrowser();
        var document = await browser.GetStringAsync("/openapi/v1.json");
        var reference = await browser.GetPageAsync("/docs/api");

        var documented = reference.QuerySelectorAll(".api-op__path").Select(p => p.TextContent).ToList();
        Assert.Contains("/api/v1/organisations", documented);
        Assert.Contains("/api/v1/organisations/{id}", documented);
        Assert.Contains("/api/v1/municipalities", documented);
        Assert.All(documented, path => Assert.Contains($"\"{path}\"", document, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/openapi/v1.json")).StatusCode);
    }
}
