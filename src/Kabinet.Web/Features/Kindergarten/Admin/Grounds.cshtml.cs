using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.Kindergarten.Queue;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Kindergarten.Admin;

/// <summary>
/// «Правовые основания льгот»: the reference list parents choose a benefit's ground from, kept by regional
/// administrators. A ground is never deleted (applications refer to it): it is withdrawn and no longer offered.
/// </summary>
[Authorize(Policy = KabinetPolicies.RegionalAdmin)]
public sealed class GroundsModel(KabinetDbContext db) : PageModel
{
    public IReadOnlyList<BenefitGround> Grounds { get; private set; } = [];

    /// <summary>How many applications name each ground.</summary>
    public IReadOnlyDictionary<int, int> Uses { get; private set; } = new Dictionary<int, int>();

    [BindProperty]
    public BenefitKind Kind { get; set; } = BenefitKind.FirstPriority;

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? LegalBasis { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Kind is not (BenefitKind.OutOfTurn or BenefitKind.FirstPriority or BenefitKind.Preferential))
            ModelState.AddModelError(nameof(Kind), "Выберите вид льготы: внеочередное, первоочередное или преимущественное право.");
        var (title, basis) = await GroundRules.CheckAsync(db, ModelState, Title, LegalBasis, Kind, exceptId: null, ct);
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        var ground = new BenefitGround { Kind = Kind, Title = title!, LegalBasis = basis! };
        db.BenefitGrounds.Add(ground);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = $"Основание «{ground.Title}» добавлено: родители могут выбрать его в заявлении.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Grounds = await db.BenefitGrounds.AsNoTracking().OrderByDescending(g => g.Active).ThenBy(g => g.Kind).ThenBy(g => g.Id).ToListAsync(ct);
        Uses = await db.QueueApplications.Where(a => a.BenefitGroundId != null)
            .GroupBy(a => a.BenefitGroundId!.Value).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
    }
}

/// <summary>What a ground's title and legal basis must be, for adding and editing alike.</summary>
internal static class GroundRules
{
    public const int MaxTitle = 300;
    public const int MaxBasis = 500;

    /// <summary>The trimmed title and basis; problems go into the model state next to their fields.</summary>
    public static async Task<(string? Title, string? Basis)> CheckAsync(
        KabinetDbContext db, ModelStateDictionary state, string? title, string? basis, BenefitKind kind, int? exceptId, CancellationToken ct)
    {
        title = title?.Trim();
        basis = basis?.Trim();
        if (string.IsNullOrEmpty(title) || title.Length < 5)
            state.AddModelError("Title", "Укажите, кому положена льгота, например «Дети судей».");
        else if (title.Length > MaxTitle)
            state.AddModelError("Title", $"Не длиннее {MaxTitle} символов.");
        else if ((await db.BenefitGrounds.AsNoTracking().Where(g => g.Active && g.Kind == kind && g.Id != exceptId).Select(g => g.Title).ToListAsync(ct))
                 .Exists(t => string.Equals(t, title, StringComparison.OrdinalIgnoreCase)))
            state.AddModelError("Title", "Такое основание этого вида уже есть в списке.");

        if (string.IsNullOrEmpty(basis) || basis.Length < 5)
            state.AddModelError("LegalBasis", "Укажите норму закона, например «п. 3 ст. 19 Закона РФ от 26.06.1992 № 3132-1».");
        else if (basis.Length > MaxBasis)
            state.AddModelError("LegalBasis", $"Не длиннее {MaxBasis} символов.");
        return (title, basis);
    }
}
