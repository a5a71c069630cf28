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

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var mine = AdminScope.MunicipalitiesOf(User);
        Municipalities = [.. (await institutions.MunicipalitiesAsync(ct)).Where(m => mine is null || mine.Contains(m.Id))];
        MunicipalityId ??= Municipalities.Count > 0 ? Municipalities[0].Id : null;
        if (MunicipalityId is not { } municipality)
            return Page();
        if (!AdminScope.Covers(User, municipality))
            return NotFound();
        Kindergartens = await institutions.KindergartensInAsync(municipality, ct);
        if (KindergartenId is not { } kindergarten)
            return Page();
        if (Kindergartens.All(k => k.Id != kindergarten))
            return NotFound();

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
        return Page();
    }
}
