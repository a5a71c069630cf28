using Kabinet.Web.Common.Text;
using Kabinet.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Faq.Questions;

/// <summary>«Вопрос-ответ» for everyone: the published questions by section, and a search in questions and answers.</summary>
[AllowAnonymous]
public sealed class FaqModel(KabinetDbContext db, FaqMarkdown markdown) : PageModel
{
    public const int MaxQuery = 200;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    /// <summary>True when the query has words to look for; then only matches are shown, opened.</summary>
    public bool Searching { get; private set; }

    public int Found { get; private set; }

    public IReadOnlyList<Section> Sections { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        // A few dozen questions at most: read them all and search the folded text here, the same on every database.
        var entries = await db.FaqEntries.AsNoTracking()
            .Where(e => e.Published)
            .OrderBy(e => e.Order).ThenBy(e => e.Id)
            .ToListAsync(ct);

        var terms = SearchTextFolding.Terms(Query is { Length: > MaxQuery } ? Query[..MaxQuery] : Query);
        Searching = terms.Length > 0;
        if (Searching)
        {
            entries = entries
                .Where(e => SearchTextFolding.Fold(e.Question + " " + markdown.ToPlainText(e.AnswerMarkdown)) is var text
                            && terms.All(t => text.Contains(t, StringComparison.Ordinal)))
                .ToList();
        }

        Found = entries.Count;
        Sections = entries
            .GroupBy(e => e.Section)
            .Select((g, i) => new Section($"razdel-{i + 1}", g.Key, g.Select(e => new Entry(e.Id, e.Question, markdown.ToHtml(e.AnswerMarkdown))).ToList()))
            .ToList();
    }

    public sealed record Section(string Anchor, string Title, IReadOnlyList<Entry> Entries);

    public sealed record Entry(int Id, string Question, string AnswerHtml)
    {
        /// <summary>The anchor sits inside the answer, so following a link to it opens the question.</summary>
        public string Anchor => $"vopros-{Id}";
    }
}
