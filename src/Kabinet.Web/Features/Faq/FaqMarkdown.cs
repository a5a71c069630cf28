using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Kabinet.Web.Features.Faq;

/// <summary>
/// Turns an answer's Markdown into HTML that is safe to put on a public page: raw HTML is shown as text,
/// links go only to http, https, mailto or addresses on this site, images become their text, and headings
/// start below the page's own so the page keeps one outline. One instance serves the app (the pipeline is thread-safe).
/// </summary>
public sealed class FaqMarkdown
{
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .Build();

    private static readonly string[] AllowedSchemes = ["http", "https", "mailto"];

    public string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown, _pipeline);
        Neutralise(document);
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        _pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>The words a reader sees, without markup or link addresses: what search looks in.</summary>
    public string ToPlainText(string markdown) => Markdown.ToPlainText(markdown, _pipeline);

    /// <summary>
    /// True for http, https and mailto addresses and for addresses without a scheme (on this site).
    /// Anything that looks like another scheme — javascript:, data:, vbscript:, even spelt with tabs
    /// or odd case — is refused.
    /// </summary>
    public static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
            return false;
        var trimmed = url.Trim();
        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        var pathStart = trimmed.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (pathStart >= 0 && pathStart < colon))
            return !trimmed.Any(char.IsControl);
        var scheme = trimmed[..colon];
        return AllowedSchemes.Any(s => string.Equals(s, scheme, StringComparison.OrdinalIgnoreCase));
    }

    private static void Neutralise(MarkdownDocument document)
    {
        foreach (var heading in document.Descendants<HeadingBlock>())
            heading.Level = Math.Clamp(heading.Level + 3, 4, 6);

        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            link.GetDynamicUrl = null;
            if (link.IsImage || !IsSafeUrl(link.Url))
                Unwrap(link);
        }

        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (!autolink.IsEmail && !IsSafeUrl(autolink.Url))
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
        }
    }

    /// <summary>Keeps a link's text (or an image's description) and drops the link itself.</summary>
    private static void Unwrap(LinkInline link)
    {
        var child = link.FirstChild;
        while (child is not null)
        {
            var next = child.NextSibling;
            child.Remove();
            link.InsertBefore(child);
            child = next;
        }

        link.Remove();
    }
}
