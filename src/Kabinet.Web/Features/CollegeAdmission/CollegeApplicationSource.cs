using Kabinet.Web.Common.Applications;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Families;
using Kabinet.Web.Features.Institutions;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.CollegeAdmission;

/// <summary>College applications in «Заявления»: those the account filed and those of the account's own person.</summary>
internal sealed class CollegeApplicationSource(KabinetDbContext db, CollegeApplications applications, FamilyDirectory families, InstitutionDirectory institutions) : IApplicationSource
{
    public async Task<IReadOnlyList<ApplicationListItem>> OfAccountAsync(int accountId, int personId, CancellationToken ct)
    {
        var rows = await applications.VisibleTo(accountId, personId).AsNoTracking()
            .Join(db.Specialities, a => a.SpecialityId, s => s.Id, (a, s) => new { a.Id, a.EntrantPersonId, a.OrganisationId, a.RegisteredAt, a.Status, s.Code, s.Name })
            .OrderByDescending(a => a.RegisteredAt).ToListAsync(ct);
        if (rows.Count == 0)
            return [];
        var entrants = rows.Select(r => r.EntrantPersonId).Distinct().ToList();
        var names = await families.PersonNames().Where(p => entrants.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FullName, ct);
        var (organisations, _) = await institutions.NamesAsync(rows.Select(r => r.OrganisationId), [], ct);
        return [.. rows.Select(r => new ApplicationListItem($"Поступление в колледж: {r.Code} {r.Name}",
            r.EntrantPersonId == personId ? null : names.GetValueOrDefault(r.EntrantPersonId), organisations.GetValueOrDefault(r.OrganisationId),
            CollegeApplication.NumberOf(r.Id, r.RegisteredAt), r.RegisteredAt, r.Status.Title(), $"/college/applications/{r.Id}",
            r.Status is CollegeApplicationStatus.Enrolled or CollegeApplicationStatus.Refused or CollegeApplicationStatus.Withdrawn))];
    }
}
