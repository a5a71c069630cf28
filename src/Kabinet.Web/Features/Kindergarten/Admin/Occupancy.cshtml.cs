using Kabinet.Web.Common.Time;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Families;
using Kabinet.Web.Features.Institutions;
using Kabinet.Web.Features.Kindergarten.Allocation;
using Kabinet.Web.Features.Kindergarten.Queue;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Kindergarten.Admin;

/// <summary>One group's places: enrolled, held by referrals, free now, leaving for school and free on 1 September.</summary>
public sealed record GroupOccupancy(KindergartenGroupPlaces Group, int Referred, int Leaving)
{
    public int FreeNow => Math.Max(0, Group.Capacity - Group.Placed - Referred);

    /// <summary>Free on 1 September: today's free places plus those of children who leave for school by then.</summary>
    public int FreeOnSeptember => Math.Max(0, Group.Capacity - Group.Placed + Leaving - Referred);
}

/// <summary>
/// «Наполняемость»: for each group of a kindergarten — places, children enrolled, places held by open referrals
/// (waiting for an answer or accepted), free now, and the forecast for the coming 1 September, when children who
/// are seven by then leave for school.
/// </summary>
[Authorize(Roles = AdminScope.Roles)]
public sealed class OccupancyModel(KabinetDbContext db, FamilyDirectory families, InstitutionDirectory institutions, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "municipality")]
    public int? MunicipalityId { get; set; }

    [BindProperty(SupportsGet = true, Name = "kindergarten")]
    public int? KindergartenId { get; set; }

    public IReadOnlyList<NamedItem> Municipalities { get; private set; } = [];

    public IReadOnlyList<NamedItem> Kindergartens { get; private set; } = [];

    public IReadOnlyList<GroupOccupancy> Groups { get; private set; } = [];

    public DateOnly September { get; private set; }

    /// <summary>The age band starts and ends offered for a new group, in months.</summary>
    public static readonly IReadOnlyList<int> AgeSteps = [2, 12, 18, 24, 36, 48, 60, 72, 84, 96];

    public const int MaxCapacity = 60;

    [BindProperty]
    public string? GroupName { get; set; }

    [BindProperty]
    public int? AgeFrom { get; set; }

    [BindProperty]
    public int? AgeTo { get; set; }

    [BindProperty]
    public GroupFocus? Focus { get; set; }

    [BindProperty]
    public DailyMode? Mode { get; set; }

    [BindProperty]
    public int? Capacity { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    /// <summary>
    /// Changes a group's number of places. It may not go below the children enrolled plus the places held by
    /// referrals; the check and the change run under the municipality's allocation lock, so a confirmed allocation
    /// cannot slip a referral in between.
    /// </summary>
    public async Task<IActionResult> OnPostCapacityAsync(int group, int? capacity, CancellationToken ct)
    {
        if (!await LoadAsync(ct) || KindergartenId is not { } kindergarten || Groups.All(g => g.Group.GroupId != group))
            return NotFound();
        var key = $"capacity-{group}";
        ModelState.Clear();
        if (capacity is not (>= 0 and <= MaxCapacity))
        {
            ModelState.AddModelError(key, $"Число мест — от 0 до {MaxCapacity}.");
            return Page();
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await db.SerializeAsync($"allocation:{MunicipalityId}", ct);
            var taken = await TakenAsync(kindergarten, group, ct);
            if (capacity < taken)
            {
                ModelState.AddModelError(key, $"Мест не может быть меньше, чем детей в группе и действующих направлений: {taken}.");
                return Page();
            }

            await institutions.SetKindergartenGroupCapacityAsync(kindergarten, group, capacity.Value, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        TempData["Status"] = $"Число мест группы «{Groups.First(g => g.Group.GroupId == group).Group.Name}» — {capacity}.";
        return Redirect($"/operator/kindergarten/occupancy?municipality={MunicipalityId}&kindergarten={kindergarten}");
    }

    /// <summary>Opens a new group: its places go to the queue at the next allocation.</summary>
    public async Task<IActionResult> OnPostAddGroupAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct) || KindergartenId is not { } kindergarten)
            return NotFound();
        ModelState.Clear();
        var name = GroupName?.Trim() ?? "";
        if (name.Length is 0 or > 100)
            ModelState.AddModelError(nameof(GroupName), "Укажите название группы (до 100 знаков), например «Солнышко».");
        else if (Groups.Any(g => string.Equals(g.Group.Name, name, StringComparison.OrdinalIgnoreCase)))
            ModelState.AddModelError(nameof(GroupName), "Группа с таким названием в этом саду уже есть.");
        if (AgeFrom is not { } from || !AgeSteps.Contains(from))
            ModelState.AddModelError(nameof(AgeFrom), "Выберите возраст, с которого группа принимает детей.");
        if (AgeTo is not { } to || !AgeSteps.Contains(to))
            ModelState.AddModelError(nameof(AgeTo), "Выберите возраст, до которого группа принимает детей.");
        else if (AgeFrom is { } f && to <= f)
            ModelState.AddModelError(nameof(AgeTo), "Возраст «до» должен быть больше возраста «от».");
        if (Focus is not { } focus || !Enum.IsDefined(focus))
            ModelState.AddModelError(nameof(Focus), "Выберите направленность группы.");
        if (Mode is not { } mode || !Enum.IsDefined(mode))
            ModelState.AddModelError(nameof(Mode), "Выберите режим пребывания.");
        if (Capacity is not (>= 1 and <= MaxCapacity))
            ModelState.AddModelError(nameof(Capacity), $"Число мест — от 1 до {MaxCapacity}.");
        if (!ModelState.IsValid)
            return Page();

        await institutions.AddKindergartenGroupAsync(kindergarten, name, AgeFrom!.Value, AgeTo!.Value, Focus!.Value, Mode!.Value, Capacity!.Value, ct);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = $"Группа «{name}» открыта: {Capacity} мест. Они будут распределены при следующем комплектовании.";
        return Redirect($"/operator/kindergarten/occupancy?municipality={MunicipalityId}&kindergarten={kindergarten}");
    }

    private async Task<int> TakenAsync(int kindergarten, int group, CancellationToken ct)
    {
        var placed = (await institutions.KindergartenGroupsAsync([kindergarten], ct)).First(g => g.GroupId == group).Placed;
        return placed + await db.Referrals.CountAsync(r => r.KindergartenGroupId == group && (r.Status == ReferralStatus.Issued || r.Status == ReferralStatus.Accepted), ct);
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        (Municipalities, MunicipalityId, var allowed) = await AdminScope.ChooseMunicipalityAsync(User, institutions, MunicipalityId, ct);
        if (!allowed)
            return false;
        if (MunicipalityId is not { } municipality)
            return true;
        Kindergartens = await institutions.KindergartensInAsync(municipality, ct);
        if (KindergartenId is not { } kindergarten)
            return true;
        if (Kindergartens.All(k => k.Id != kindergarten))
            return false;

        var today = time.Today();
        September = new DateOnly(today.Month >= 9 ? today.Year + 1 : today.Year, 9, 1);
        var groups = await institutions.KindergartenGroupsAsync([kindergarten], ct);
        var referred = await db.Referrals.AsNoTracking()
            .Where(r => r.OrganisationId == kindergarten && (r.Status == ReferralStatus.Issued || r.Status == ReferralStatus.Accepted))
            .GroupBy(r => r.KindergartenGroupId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var placed = await institutions.PlacedInAsync(kindergarten, ct);
        var born = await families.BirthDatesAsync(placed.Select(p => p.PersonId), ct);
        var leaving = placed.Where(p => born.TryGetValue(p.PersonId, out var b) && QueueApplication.AgeOn(b, September) >= AgeLimitArchiver.AgeLimit)
            .GroupBy(p => p.GroupId).ToDictionary(g => g.Key, g => g.Count());
        Groups = [.. groups.Select(g => new GroupOccupancy(g, referred.GetValueOrDefault(g.GroupId), leaving.GetValueOrDefault(g.GroupId)))];
        return true;
    }

    /// <summary>The age steps as the form shows them.</summary>
    public static string AgeStepTitle(int months) => months switch
    {
        2 => "2 месяца",
        12 => "1 год",
        18 => "1,5 года",
        < 60 => $"{months / 12} года",
        _ => $"{months / 12} лет",
    };
}
