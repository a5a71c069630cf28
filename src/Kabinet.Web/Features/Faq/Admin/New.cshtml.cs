using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Kabinet.Web.Features.Faq.Admin;

/// <summary>«Добавить вопрос».</summary>
[Authorize(Policy = KabinetPolicies.RegionalAdmin)]
public sealed class NewModel(KabinetDbContext db, FaqMarkdown markdown, TimeProvider time) : EntryFormPage(db, markdown)
{
    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadSectionsAsync(ct);
        Published = true;
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        await LoadSectionsAsync(ct);
        Preview();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadSectionsAsync(ct);
        var order = Validate();
        if (!ModelState.IsValid)
            return Page();

        var entry = FaqEntry.Create(Section!, Question!, Answer!, order ?? await NextOrderAsync(Section!, null, ct), Published,
            KabinetClaims.AccountIdOf(User), time.GetUtcNow().UtcDateTime);
        Db.FaqEntries.Add(entry);
        await Db.SaveChangesAsync(ct);
        TempData["Status"] = entry.Published ? $"Вопрос «{entry.Question}» добавлен и виден на странице «Вопрос-ответ»." : $"Вопрос «{entry.Question}» добавлен; он скрыт, пока его не опубликуют.";
        return Redirect("/admin/faq");
    }
}
