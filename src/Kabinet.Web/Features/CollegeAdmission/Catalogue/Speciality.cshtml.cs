using Kabinet.Web.Data;
using Kabinet.Web.Features.Institutions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.CollegeAdmission.Catalogue;

/// <summary>A speciality and its public ranking list: application numbers only, no names (152-ФЗ).</summary>
[AllowAnonymous]
public sealed class SpecialityModel(KabinetDbContext db, RankingList rankings, CollegeApplications applications, InstitutionDirectory institutions) : PageModel
{
    public Speciality Speciality { get; private set; } = null!;

    public string College { get; private set; } = "";

    public Ranking Ranking { get; private set; } = null!;

    public bool Open { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await db.Specialities.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) is not { } speciality)
            return NotFound();
        Speciality = speciality;
        College = (await institutions.NamesAsync([speciality.OrganisationId], [], ct)).Organisations.GetValueOrDefault(speciality.OrganisationId, "");
        Ranking = await rankings.OfAsync(id, speciality.BudgetPlaces, ct);
        Open = await applications.IsOpenAsync(speciality, ct);
        return Page();
    }
}
