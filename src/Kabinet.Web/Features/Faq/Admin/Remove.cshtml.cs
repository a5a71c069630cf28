using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Faq.Admin;

/// <summary>Asks before a question leaves the public page: hide it (it can come back) or delete it for good.</summary>
[Authorize(Policy = KabinetPolicies.RegionalAdmin)]
public sealed class RemoveModel(KabinetDbContext db, TimeProvider time) : PageModel
{
    public FaqEntry Item { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await db.FaqEntries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct) is not { } entry)
            return NotFound();
        Item = entry;
        return Page();
    }

    public async Task<IActionResult> OnPostUnpublishAsync(int id, CancellationToken ct)
    {
        if (await db.FaqEntries.FirstOrDefaultAsync(e => e.Id == id, ct) is not { } entry)
            return NotFound();
        if (entry.Published)
        {
            entry.Unpublish(KabinetClaims.AccountIdOf(User), time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
        }

        TempData["Status"] = $"Вопрос «{entry.Question}» снят с публикации. Вернуть его можно, отметив «Опубликован» в вопросе.";
        return Redirect("/admin/faq");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        // Already gone (another administrator, a second click): the result is the same.
        var question = await db.FaqEntries.Where(e => e.Id == id).Select(e => e.Question).FirstOrDefaultAsync(ct);
        await db.FaqEntries.Where(e => e.Id == id).ExecuteDeleteAsync(ct);
        TempData["Status"] = question is null ? "Этого вопроса уже нет." : $"Вопрос «{question}» удалён.";
        return Redirect("/admin/faq");
    }
}
