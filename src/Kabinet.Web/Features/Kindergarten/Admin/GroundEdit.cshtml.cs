using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.Kindergarten.Queue;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Kindergarten.Admin;

/// <summary>
/// One legal ground: its wording and law may be corrected (a law is amended), it may be withdrawn or offered again.
/// Its kind stays: a different right is a different ground, so applications that named this one keep their meaning.
/// </summary>
[Authorize(Policy = KabinetPolicies.RegionalAdmin)]
public sealed class GroundEditModel(KabinetDbContext db) : PageModel
{
    public BenefitGround? Ground { get; private set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? LegalBasis { get; set; }

    [BindProperty]
    public bool Active { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await db.BenefitGrounds.AsNoTracking().FirstOrDefaultAsync(g => g.Id == id, ct) is not { } ground)
            return NotFound();
        Ground = ground;
        (Title, LegalBasis, Active) = (ground.Title, ground.LegalBasis, ground.Active);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await db.BenefitGrounds.FirstOrDefaultAsync(g => g.Id == id, ct) is not { } ground)
            return NotFound();
        Ground = ground;
        var (title, basis) = await GroundRules.CheckAsync(db, ModelState, Title, LegalBasis, ground.Kind, exceptId: id, ct);
        if (!ModelState.IsValid)
            return Page();

        (ground.Title, ground.LegalBasis, ground.Active) = (title!, basis!, Active);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = Active ? $"Основание «{ground.Title}» сохранено." : $"Основание «{ground.Title}» снято: в новых заявлениях его больше не выбрать, прежние заявления сохраняют его.";
        return Redirect("/admin/kindergarten/grounds");
    }
}
