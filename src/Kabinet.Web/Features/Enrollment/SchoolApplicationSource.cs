using Kabinet.Web.Common.Applications;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Enrollment.Submit;
using Kabinet.Web.Features.Families;
using Kabinet.Web.Features.Institutions;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Enrollment;

/// <summary>School applications in «Заявления»: those the account submitted and those for the person's children.</summary>
public sealed class SchoolApplicationSource(KabinetDbContext db, FamilyDirectory families, InstitutionDirectory institutions) : IApplicationSource
{
    public async Task<IReadOnlyList<ApplicationListItem>> OfAccountAsync(int accountId, int personId, CancellationToken ct)
    {
        var children = families.ChildIdsOf(personId);
        var rows = await db.Set<SchoolApplication>().AsNoTracking()
            .Where(a => a.SubmittedByAccountId == accountId || children.Contains(a.ChildPersonId))
            .OrderByDescending(a => a.RegisteredAt)
            .Select(a => new { a.Id, a.Kind, a.Grade, a.ChildPersonId, a.SchoolId, a.Number, a.RegisteredAt, a.Status })
            .ToListAsync(ct);
        if (rows.Count == 0)
            return [];
        var names = await families.NamesAsync(rows.Select(r => r.ChildPersonId).Distinct(), ct);
        var schools = (await institutions.NamesAsync(rows.Select(r => r.SchoolId).Distinct(), [], ct)).Organisations;
        return [.. rows.Select(r => new ApplicationListItem(
            r.Kind == SchoolApplicationKind.Transfer ? $"Перевод в {r.Grade} класс" : r.Kind.Title(),
            names.GetValueOrDefault(r.ChildPersonId), schools.GetValueOrDefault(r.SchoolId), r.Number, r.RegisteredAt, r.Status.Title(),
            EnrollmentSubmissions.Link(r.Id), r.Status is not (SchoolApplicationStatus.Registered or SchoolApplicationStatus.UnderReview)))];
    }
}
