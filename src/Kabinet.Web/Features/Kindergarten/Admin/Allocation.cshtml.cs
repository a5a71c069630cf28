using Kabinet.Web.Common.Time;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.Families;
using Kabinet.Web.Features.Institutions;
using Kabinet.Web.Features.Kindergarten.Allocation;
using Kabinet.Web.Features.Kindergarten.Queue;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kabinet.Web.Features.Kindergarten.Admin;

public sealed record AllocationKindergartenLine(int OrganisationId, string Name, int Free, int Given);

public sealed record AllocationChildLine(int ApplicationId, string Child, string Kindergarten, string Group, int Priority);

/// <summary>
/// Комплектование: the operator picks an admission year, sees the preliminary result (places per kindergarten,
/// who gets which group, who is left without a place) and confirms it; the confirm refuses when the result is no
/// longer the one shown.
/// </summary>
[Authorize(Roles = AdminScope.Roles)]
public sealed class AllocationModel(AllocationService allocation, InstitutionDirectory institutions, FamilyDirectory families, TimeProvider time) : PageModel
{
    /// <summary>The lists stay readable and the page light; the counts are always complete.</summary>
    public const int MaxLines = 300;

    [BindProperty(SupportsGet = true, Name = "municipality")]
    public int? MunicipalityId { get; set; }

    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    /// <summary>The hash of the preview the operator saw.</summary>
    [BindProperty]
    public string? Hash { get; set; }

    public IReadOnlyList<NamedItem> Municipalities { get; private set; } = [];

    public IReadOnlyList<int> Years { get; private set; } = [];

    public AllocationPreview? Preview { get; private set; }

    public IReadOnlyList<AllocationKindergartenLine> Kindergartens { get; private set; } = [];

    public IReadOnlyList<AllocationChildLine> Given { get; private set; } = [];

    public IReadOnlyList<(int ApplicationId, string Child)> Left { get; private set; } = [];

    /// <summary>The municipality's yearly main allocation period.</summary>
    public AllocationPeriod Period { get; private set; } = AllocationPeriod.Default;

    /// <summary>The main allocation period running today or the next one.</summary>
    public (DateOnly Start, DateOnly End) PeriodDates { get; private set; }

    public bool InPeriod { get; private set; }

    public IReadOnlyList<AllocationRun> Runs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await ScopeAsync(ct))
            return NotFound();
        if (Year is { } year && MunicipalityId is { } municipality)
        {
            if (!Years.Contains(year))
                ModelState.AddModelError("year", "В очереди нет детей на этот учебный год.");
            else
                await ShowAsync(await allocation.PreviewAsync(municipality, year, ct), ct);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        if (!await ScopeAsync(ct))
            return NotFound();
        if (MunicipalityId is not { } municipality || Year is not { } year || string.IsNullOrEmpty(Hash))
        {
            ModelState.AddModelError("year", "Сначала выполните предварительный расчёт.");
            return Page();
        }

        var result = await allocation.ConfirmAsync(municipality, year, Hash, KabinetClaims.AccountIdOf(User), ct);
        switch (result.Outcome)
        {
            case ConfirmOutcome.Confirmed:
                TempData["Status"] = $"Комплектование утверждено: выдано направлений — {result.Referrals}. Семьи получили уведомления.";
                return Redirect($"/operator/kindergarten/allocation?municipality={municipality}&year={year}");
            case ConfirmOutcome.Nothing:
                ModelState.AddModelError("confirm", "Свободных мест для детей из очереди нет — утверждать нечего.");
                break;
            default:
                ModelState.AddModelError("confirm",
                    "Расчёт уже утверждён или изменился (другой оператор утвердил комплектование, изменились очередь или места). Ничего не сохранено. Проверьте новый предварительный расчёт и утвердите его.");
                break;
        }

        await ShowAsync(await allocation.PreviewAsync(municipality, year, ct), ct);
        return Page();
    }

    private async Task<bool> ScopeAsync(CancellationToken ct)
    {
        (Municipalities, MunicipalityId, var allowed) = await AdminScope.ChooseMunicipalityAsync(User, institutions, MunicipalityId, ct);
        if (!allowed)
            return false;
        if (MunicipalityId is not { } municipality)
            return true;
        Years = await allocation.YearsInQueueAsync(municipality, ct);
        Period = (await allocation.SettingsAsync(municipality, ct)).MainAllocation;
        PeriodDates = Period.CurrentOrNext(time.Today());
        InPeriod = Period.Contains(time.Today());
        Runs = await allocation.RecentRunsAsync(municipality, 10, ct);
        Year ??= Years.Where(y => y >= QueueApplication.SchoolYearOf(time.Today())).Cast<int?>().FirstOrDefault();
        return true;
    }

    private async Task ShowAsync(AllocationPreview preview, CancellationToken ct)
    {
        Preview = preview;
        Hash = preview.Result.Hash;
        ModelState.Remove(nameof(Hash));
        var organisations = preview.Groups.Values.Select(g => g.OrganisationId).Distinct().ToList();
        var (names, _) = await institutions.NamesAsync(organisations, [], ct);
        var given = preview.Result.Placements.GroupBy(p => p.OrganisationId).ToDictionary(g => g.Key, g => g.Count());
        Kindergartens = [.. organisations
            .Select(o => new AllocationKindergartenLine(o, names.GetValueOrDefault(o, ""), preview.Groups.Values.Where(g => g.OrganisationId == o).Sum(g => preview.FreeByGroup[g.GroupId]), given.GetValueOrDefault(o)))
            .Where(l => l.Free > 0 || l.Given > 0)
            .OrderBy(l => l.Name, StringComparer.CurrentCulture)];
        var shown = preview.Result.Placements.Take(MaxLines).ToList();
        var left = preview.Result.Unplaced.Take(MaxLines).ToList();
        var people = await families.NamesAsync(shown.Select(p => preview.ChildOf[p.ApplicationId]).Concat(left.Select(id => preview.ChildOf[id])), ct);
        Given = [.. shown.Select(p => new AllocationChildLine(p.ApplicationId, people.GetValueOrDefault(preview.ChildOf[p.ApplicationId], ""), names.GetValueOrDefault(p.OrganisationId, ""),
            $"{preview.Groups[p.GroupId].Name} ({preview.Groups[p.GroupId].AgeBandTitle})", p.Priority))];
        Left = [.. left.Select(id => (id, people.GetValueOrDefault(preview.ChildOf[id], "")))];
    }

    public static string When(DateTime utc) => RegionTime.Display(utc);
}
