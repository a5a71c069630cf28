using Kabinet.Web.Common.Time;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Families;
using Kabinet.Web.Features.Institutions;
using Kabinet.Web.Features.Kindergarten.Queue;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Kindergarten.Admin;

public sealed record QueueLine(int Place, int ApplicationId, string Child, int Rank, DateTime RegisteredAt, int Priority);

public sealed record QueueGroup(int AdmissionYear, int AgeGroup, int Count);

/// <summary>The queue of one kindergarten for each admission year and age group, in the order places are given.</summary>
[Authorize(Roles = AdminScope.Roles)]
public sealed class QueueModel(KabinetDbContext db, FamilyDirectory families, InstitutionDirectory institutions, QueuePositions positions, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "municipality")]
    public int? MunicipalityId { get; set; }

    [BindProperty(SupportsGet = true, Name = "kindergarten")]
    public int? KindergartenId { get; set; }

    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "age")]
    public int? Age { get; set; }

    public IReadOnlyList<NamedItem> Municipalities { get; private set; } = [];

    public IReadOnlyList<NamedItem> Kindergartens { get; private set; } = [];

    public IReadOnlyList<QueueGroup> Groups { get; private set; } = [];

    public IReadOnlyList<QueueLine> Lines { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        (Municipalities, MunicipalityId, var allowed) = await AdminScope.ChooseMunicipalityAsync(User, institutions, MunicipalityId, ct);
        if (!allowed)
            return NotFound();
        if (MunicipalityId is not { } municipality)
            return Page();
        Kindergartens = await institutions.KindergartensInAsync(municipality, ct);
        if (KindergartenId is not { } kindergarten)
            return Page();
        if (Kindergartens.All(k => k.Id != kindergarten))
            return NotFound();

        Groups = await (
            from c in db.ApplicationChoices.AsNoTracking()
            where c.OrganisationId == kindergarten
            join a in db.QueueApplications.AsNoTracking() on c.ApplicationId equals a.Id
            where a.Status == ApplicationStatus.Waiting || a.Status == ApplicationStatus.WantsChange
            group a by new { a.AdmissionYear, a.AgeGroup } into g
            orderby g.Key.AdmissionYear, g.Key.AgeGroup
            select new QueueGroup(g.Key.AdmissionYear, g.Key.AgeGroup, g.Count()))
            .ToListAsync(ct);
        var current = QueueApplication.SchoolYearOf(time.Today());
        var chosen = Groups.FirstOrDefault(g => g.AdmissionYear == Year && g.AgeGroup == Age) ?? Groups.FirstOrDefault(g => g.AdmissionYear >= current) ?? (Groups.Count > 0 ? Groups[0] : null);
        if (chosen is null)
            return Page();
        (Year, Age) = (chosen.AdmissionYear, chosen.AgeGroup);

        var order = (await positions.LoadAsync(kindergarten, chosen.AdmissionYear, chosen.AgeGroup, withHistory: false, ct)).OrderOn(null);
        var ids = order.Select(e => e.ApplicationId).ToList();
        var applications = await db.QueueApplications.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.ChildPersonId, Priority = a.Choices.Where(c => c.OrganisationId == kindergarten).Select(c => c.Priority).First() })
            .ToDictionaryAsync(a => a.Id, ct);
        var names = await families.NamesAsync(applications.Values.Select(a => a.ChildPersonId), ct);
        Lines = [.. order.Select((e, i) => new QueueLine(i + 1, e.ApplicationId, names.GetValueOrDefault(applications[e.ApplicationId].ChildPersonId, ""), e.Rank, e.RegisteredAt,
            applications[e.ApplicationId].Priority))];
        return Page();
    }

    public static string When(DateTime utc) => RegionTime.Display(utc);
}
