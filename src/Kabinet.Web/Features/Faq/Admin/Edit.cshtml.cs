using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Faq.Admin;

/// <summary>«Изменить вопрос»; a save made while another administrator saved first is refused, the typed text kept.</summary>
[Authorize(Policy = KabinetPolicies.RegionalAdmin)]
public sealed class EditModel(KabinetDbContext db, FaqMarkdown markdown, TimeProvider time) : EntryFormPage(db, markdown)
{
    /// <summary>The version the form was opened on.</summary>
    [BindProperty]
    public int Version { get; set; }

    public int Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await Db.FaqEntries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct) is not { } entry)
            return NotFound();
        await LoadSectionsAsync(ct);
        Id = id;
        Fill(entry);
        Version = entry.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(int id, CancellationToken ct)
    {
        if (!await Db.FaqEntries.AnyAsync(e => e.Id == id, ct))
            return NotFound();
        await LoadSectionsAsync(ct);
        Id = id;
        Preview();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await Db.FaqEntries.FirstOrDefaultAsync(e => e.Id == id, ct) is not { } entry)
            return NotFound();
        await LoadSectionsAsync(ct);
        Id = id;
        var order = Validate();
        if (!ModelState.IsValid)
            return Page();

        // The update only applies to the version the form was opened on.
        Db.Entry(entry).Property(e => e.Version).OriginalValue = Version;
        entry.Change(Section!, Question!, Answer!, order ?? await NextOrderAsync(Section!, id, ct), Published,
            KabinetClaims.AccountIdOf(User), time.GetUtcNow().UtcDateTime);
        try
        {
            await Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            Db.ChangeTracker.Clear();
            if (await Db.FaqEntries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct) is not { } current)
            {
                TempData["Status"] = "Пока вы редактировали, этот вопрос удалили.";
                return Redirect("/admin/faq");
            }

            // Next «Сохранить» knowingly replaces the other administrator's text.
            Version = current.Version;
            ModelState.Remove(nameof(Version));
            ModelState.AddModelError(string.Empty, "Пока вы редактировали, этот вопрос сохранил другой администратор. Ваш текст остался в форме: сравните его с опубликованным и нажмите «Сохранить» ещё раз, чтобы заменить.");
            return Page();
        }

        TempData["Status"] = $"Вопрос «{entry.Question}» сохранён.";
        return Redirect("/admin/faq");
    }
}
