using System.Globalization;
using Kabinet.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Faq.Admin;

/// <summary>
/// The question form that «Добавить» and «Изменить» share: the fields, their checks with Russian messages
/// next to each field, and the preview of the answer as readers will see it.
/// </summary>
public abstract class EntryFormPage(KabinetDbContext db, FaqMarkdown markdown) : PageModel
{
    // Nullable so that MVC adds no implicit (English) "required" check: Validate() says it in Russian.
    [BindProperty]
    public string? Section { get; set; }

    [BindProperty]
    public string? Question { get; set; }

    [BindProperty]
    public string? Answer { get; set; }

    /// <summary>Kept as typed, so a wrong value comes back in the field with the message.</summary>
    [BindProperty]
    public string? Order { get; set; }

    [BindProperty]
    public bool Published { get; set; }

    /// <summary>The answer rendered for «Предпросмотр»; null when no preview was asked for.</summary>
    public string? PreviewHtml { get; private set; }

    public IReadOnlyList<string> ExistingSections { get; private set; } = [];

    protected KabinetDbContext Db => db;

    protected async Task LoadSectionsAsync(CancellationToken ct) =>
        ExistingSections = (await db.FaqEntries.AsNoTracking().Select(e => e.Section).Distinct().ToListAsync(ct))
            .Order(StringComparer.Create(CultureInfo.GetCultureInfo("ru-RU"), ignoreCase: true))
            .ToList();

    protected void Fill(FaqEntry entry)
    {
        Section = entry.Section;
        Question = entry.Question;
        Answer = entry.AnswerMarkdown;
        Order = entry.Order.ToString(CultureInfo.InvariantCulture);
        Published = entry.Published;
    }

    /// <summary>Tidies what was typed and checks it; errors go next to their fields. Returns the order, if one was given.</summary>
    protected int? Validate()
    {
        Section = string.Join(' ', (Section ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        Question = string.Join(' ', (Question ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        // Browsers send line breaks as CR LF; one break is one character, as the text field counted it.
        Answer = (Answer ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        Order = Order?.Trim();

        // The same section however it was typed: «льготы» joins «Льготы».
        if (ExistingSections.FirstOrDefault(s => string.Equals(s, Section, StringComparison.CurrentCultureIgnoreCase)) is { } known)
            Section = known;

        if (Section.Length == 0)
            ModelState.AddModelError(nameof(Section), "Укажите раздел, например «Документы».");
        else if (Section.Length > FaqEntry.MaxSection)
            ModelState.AddModelError(nameof(Section), $"Название раздела — не длиннее {FaqEntry.MaxSection} символов (сейчас {Section.Length}).");

        if (Question.Length == 0)
            ModelState.AddModelError(nameof(Question), "Напишите вопрос.");
        else if (Question.Length > FaqEntry.MaxQuestion)
            ModelState.AddModelError(nameof(Question), $"Вопрос — не длиннее {FaqEntry.MaxQuestion} символов (сейчас {Question.Length}).");

        if (Answer.Length == 0)
            ModelState.AddModelError(nameof(Answer), "Напишите ответ.");
        else if (Answer.Length > FaqEntry.MaxAnswer)
            ModelState.AddModelError(nameof(Answer), $"Ответ — не длиннее {FaqEntry.MaxAnswer} символов (сейчас {Answer.Length}).");

        if (string.IsNullOrEmpty(Order))
            return null;
        if (int.TryParse(Order, NumberStyles.Integer, CultureInfo.InvariantCulture, out var order) && order is >= 0 and <= FaqEntry.MaxOrder)
            return order;
        ModelState.AddModelError(nameof(Order), $"Порядок — целое число от 0 до {FaqEntry.MaxOrder}, или оставьте поле пустым.");
        return null;
    }

    /// <summary>Shows the answer as readers will see it, without saving anything.</summary>
    protected void Preview()
    {
        Validate();
        if (ModelState[nameof(Answer)]?.Errors.Count is null or 0)
            PreviewHtml = markdown.ToHtml(Answer!);
    }

    /// <summary>An order that puts the question after the others of its section; a new section goes after all the others.</summary>
    protected async Task<int> NextOrderAsync(string section, int? exceptId, CancellationToken ct)
    {
        var others = db.FaqEntries.Where(e => e.Id != exceptId);
        var last = await others.Where(e => e.Section == section).MaxAsync(e => (int?)e.Order, ct)
            ?? await others.MaxAsync(e => (int?)e.Order, ct);
        return Math.Min(FaqEntry.MaxOrder, (last ?? 0) + 10);
    }
}
