using Kabinet.Web.Data;
using Kabinet.Web.Features.Families;
using Kabinet.Web.Features.Institutions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.CollegeAdmission.Admissions;

/// <summary>One application in the admissions office's list.</summary>
public sealed record AdmissionRow(int Id, string Number, string Entrant, string Speciality, int AverageHundredths, bool PriorityRight, bool OriginalSubmitted,
    CollegeApplicationStatus Status, DateTime RegisteredAt);

/// <summary>The applications to the college, filtered by speciality and status; each opens for review.</summary>
[Authorize(Roles = AdmissionsScope.Role)]
public sealed class ApplicationsModel(KabinetDbContext db, FamilyDirectory families, InstitutionDirectory institutions, TimeProvider time) : PageModel
{
    public const int Limit = 500;

    [BindProperty(SupportsGet = true, Name = "speciality")]
    public int? SpecialityId { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public CollegeApplicationStatus? Status { get; set; }

    public int OrganisationId { get; private set; }

    public string College { get; private set; } = "";

    public IReadOnlyList<Speciality> Specialities { get; private set; } = [];

    public IReadOnlyList<AdmissionRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int orgId, CancellationToken ct)
    {
        if (await AdmissionsScope.MunicipalityAsync(User, orgId, institutions, ct) is null)
            return NotFound();
        OrganisationId = orgId;
        College = (await institutions.NamesAsync([orgId], [], ct)).Organisations.GetValueOrDefault(orgId, "");
        var year = Speciality.AdmissionYearOn(Common.Time.RegionTime.Today(time));
        Specialities = await db.Specialities.AsNoTracking().Where(s => s.OrganisationId == orgId && s.AdmissionYear >= year - 1)
            .OrderByDescending(s => s.AdmissionYear).ThenBy(s => s.Code).ToListAsync(ct);
        var query = db.CollegeApplications.AsNoTracking().Where(a => a.OrganisationId == orgId);
        if (SpecialityId is { } speciality)
            query = query.Where(a => a.SpecialityId == speciality);
        if (Status is { } status)
            query = query.Where(a => a.Status == status);
        var rows = await query.Join(db.Specialities, a => a.SpecialityId, s => s.Id, (a, s) => new { a, s.Code, s.Name })
            .Join(families.PersonNames(), x => x.a.EntrantPersonId, p => p.Id, (x, p) => new { x.a, x.Code, x.Name, p.LastName, p.FirstName, p.MiddleName })
            .OrderByDescending(x => x.a.RegisteredAt).Take(Limit).ToListAsync(ct);
        Rows = [.. rows.Select(x => new AdmissionRow(x.a.Id, x.a.Number, $"{x.LastName} {x.FirstName} {x.MiddleName}".TrimEnd(), $"{x.Code} {x.Name}",
            x.a.AverageHundredths, x.a.PriorityRight, x.a.OriginalSubmitted, x.a.Status, x.a.RegisteredAt))];
        return Page();
    }
}
