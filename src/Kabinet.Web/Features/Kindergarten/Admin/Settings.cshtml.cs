using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.Institutions;
using Kabinet.Web.Features.Kindergarten.Allocation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Kindergarten.Admin;

/// <summary>A municipality's queue settings: how long a referral is valid, the review time, what an expired referral does.</summary>
[Authorize(Roles = AdminScope.Roles)]
public sealed class SettingsModel(KabinetDbContext db, InstitutionDirectory institutions, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "municipality")]
    public int? MunicipalityId { get; set; }

    [BindProperty]
    public int? ReferralValidDays { get; set; }

    [BindProperty]
    public int? ReviewDays { get; set; }

    [BindProperty]
    public ExpiredReferralOutcome? ExpiredReferral { get; set; }

    /// <summary>The first day of the main allocation period, «дд.мм».</summary>
    [BindProperty]
    public string? AllocationFrom { get; set; }

    /// <summary>The last day of the main allocation period, «дд.мм».</summary>
    [BindProperty]
    public string? AllocationTo { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public IReadOnlyList<NamedItem> Municipalities { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await ScopeAsync(ct))
            return NotFound();
        if (MunicipalityId is { } municipality)
        {
            var settings = await AllocationService.SettingsAsync(db, municipality, ct);
            (ReferralValidDays, ReviewDays, ExpiredReferral, Version) = (settings.ReferralValidDays, settings.ReviewDays, settings.ExpiredReferral, settings.Version);
            (AllocationFrom, AllocationTo) = (AllocationPeriod.Numeric(settings.MainAllocationFrom), AllocationPeriod.Numeric(settings.MainAllocationTo));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await ScopeAsync(ct) || MunicipalityId is not { } municipality)
            return NotFound();
        ModelState.Clear();
        if (ReferralValidDays is not (>= 1 and <= 180))
            ModelState.AddModelError(nameof(ReferralValidDays), "Срок действия направления — от 1 до 180 дней.");
        if (ReviewDays is not (>= 1 and <= 60))
            ModelState.AddModelError(nameof(ReviewDays), "Срок рассмотрения заявления — от 1 до 60 дней.");
        if (ExpiredReferral is null || !Enum.IsDefined(ExpiredReferral.Value))
            ModelState.AddModelError(nameof(ExpiredReferral), "Выберите, что происходит с заявлением после истечения направления.");
        if (!AllocationPeriod.TryParseDay(AllocationFrom, out var from))
            ModelState.AddModelError(nameof(AllocationFrom), "Укажите день начала в виде дд.мм, например 01.04 (29.02 нельзя: период повторяется каждый год).");
        if (!AllocationPeriod.TryParseDay(AllocationTo, out var to))
            ModelState.AddModelError(nameof(AllocationTo), "Укажите последний день в виде дд.мм, например 31.05 (29.02 нельзя: период повторяется каждый год).");
        else if (from != 0 && from == to)
            ModelState.AddModelError(nameof(AllocationTo), "Период должен длиться больше одного дня.");
        if (!ModelState.IsValid)
            return Page();

        var settings = await db.MunicipalQueueSettings.FirstOrDefaultAsync(s => s.MunicipalityId == municipality, ct);
        if (settings is null)
            db.MunicipalQueueSettings.Add(settings = MunicipalQueueSettings.DefaultsFor(municipality));
        else if (settings.Version != Version)
            return Changed(municipality);
        settings.ReferralValidDays = ReferralValidDays!.Value;
        settings.ReviewDays = ReviewDays!.Value;
        settings.ExpiredReferral = ExpiredReferral!.Value;
        (settings.MainAllocationFrom, settings.MainAllocationTo) = (from, to);
        settings.UpdatedAt = time.GetUtcNow().UtcDateTime;
        settings.UpdatedByAccountId = KabinetClaims.AccountIdOf(User);
        settings.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is DbUpdateConcurrencyException or DbUpdateException)
        {
            return Changed(municipality); // someone saved first (a concurrent first save collides on the key)
        }

        TempData["Status"] = "Настройки сохранены. Новый срок действует для направлений, выданных после этого; период комплектования — со следующего утверждённого расчёта.";
        return Redirect($"/operator/kindergarten/settings?municipality={municipality}");
    }

    private RedirectResult Changed(int municipality)
    {
        TempData["Status"] = "Пока вы смотрели, настройки изменил другой оператор. Проверьте их и повторите.";
        return Redirect($"/operator/kindergarten/settings?municipality={municipality}");
    }

    private async Task<bool> ScopeAsync(CancellationToken ct)
    {
        (Municipalities, MunicipalityId, var allowed) = await AdminScope.ChooseMunicipalityAsync(User, institutions, MunicipalityId, ct);
        return allowed;
    }
}
