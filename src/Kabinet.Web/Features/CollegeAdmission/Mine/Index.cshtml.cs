using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.Families;
using Kabinet.Web.Features.Institutions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.CollegeAdmission.Mine;

/// <summary>One application as the applicant's list shows it, with the place in its ranking list.</summary>
public sealed record MyApplicationRow(CollegeApplication Application, Speciality Speciality, string College, string Entrant, (int Place, int Total)? Place);

/// <summary>«Мои заявления в колледж»: the applications the account filed or whose entrant is the account's person.</summary>
[Authorize]
public sealed class IndexModel(KabinetDbContext db, CollegeApplications applications, RankingList rankings, FamilyDirectory families, InstitutionDirectory institutions) : PageModel
{
    public IReadOnlyList<MyApplicationRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var mine = await applications.VisibleTo(KabinetClaims.AccountIdOf(User), KabinetClaims.PersonIdOf(User)).AsNoTracking()
            .Join(db.Specialities, a => a.SpecialityId, s => s.Id, (a, s) => new { Application = a, Speciality = s })
            .OrderByDescending(x => x.Application.RegisteredAt).ToListAsync(ct);
        var places = await rankings.PlacesAsync([.. mine.Select(m => m.Application)], ct);
        var entrants = mine.Select(m => m.Application.EntrantPersonId).Distinct().ToList();
        var names = await families.PersonNames().Where(p => entrants.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FullName, ct);
        var (colleges, _) = await institutions.NamesAsync(mine.Select(m => m.Application.OrganisationId), [], ct);
        Rows = [.. mine.Select(m => new MyApplicationRow(m.Application, m.Speciality, colleges.GetValueOrDefault(m.Application.OrganisationId, ""),
            names.GetValueOrDefault(m.Application.EntrantPersonId, ""), places.TryGetValue(m.Application.Id, out var p) ? p : null))];
    }
}
