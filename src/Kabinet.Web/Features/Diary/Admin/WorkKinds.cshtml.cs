using System.Globalization;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Institutions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Diary.Admin;

/// <summary>The kinds of work marks are given for and their weights; a school gets the usual kinds on first use.</summary>
public sealed class WorkKindsModel(KabinetDbContext db, SchoolStructure structure, InstitutionDirectory institutions, TimeProvider time)
    : SchoolAdminPage(institutions, time)
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public int? Weight { get; set; }

    public IReadOnlyList<WorkKind> Kinds { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int organisationId, CancellationToken ct)
    {
        if (!await OpenAsync(organisationId, ct))
            return NotFound();
        Kinds = await structure.WorkKindsAsync(organisationId, ct);
        return Page();
    }

    /// <summary>Saves every weight at once, or none when one is wrong.</summary>
    public async Task<IActionResult> OnPostWeightsAsync(int organisationId, CancellationToken ct)
    {
        if (!await OpenAsync(organisationId, ct))
            return NotFound();
        ModelState.Clear();
        var kinds = await structure.WorkKindsAsync(organisationId, ct);
        Kinds = kinds;
        var weights = new Dictionary<WorkKind, int>();
        foreach (var kind in kinds)
        {
            var key = $"weight-{kind.Id}";
            var text = Request.Form[key].ToString().Trim();
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var weight) || WorkKind.WeightProblem(weight) is not null)
                ModelState.AddModelError(key, $"«{kind.Name}»: {WorkKind.WeightProblem(null)}");
            else
                weights[kind] = weight;
        }

        if (!ModelState.IsValid)
            return Page();
        foreach (var (kind, weight) in weights)
            kind.SetWeight(weight);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = "Веса сохранены.";
        return Redirect($"{Base}/work-kinds");
    }

    public async Task<IActionResult> OnPostAddAsync(int organisationId, CancellationToken ct)
    {
        if (!await OpenAsync(organisationId, ct))
            return NotFound();
        ModelState.Clear();
        var kinds = await structure.WorkKindsAsync(organisationId, ct);
        Kinds = kinds;
        if (WorkKind.NameProblem(Name) is { } nameProblem)
            ModelState.AddModelError(nameof(Name), nameProblem);
        else if (kinds.Any(k => Subject.Key(k.Name) == Subject.Key(Name!)))
            ModelState.AddModelError(nameof(Name), "Такой вид работы уже есть.");
        if (WorkKind.WeightProblem(Weight) is { } weightProblem)
            ModelState.AddModelError(nameof(Weight), weightProblem);
        if (!ModelState.IsValid)
            return Page();

        db.WorkKinds.Add(WorkKind.Create(organisationId, Name!, Weight!.Value, kinds.Count == 0 ? 1 : kinds.Max(k => k.SortOrder) + 1));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            ModelState.AddModelError(nameof(Name), "Такой вид работы уже есть.");
            return Page();
        }

        TempData["Status"] = $"Вид работы «{Name!.Trim()}» добавлен.";
        return Redirect($"{Base}/work-kinds");
    }
}
