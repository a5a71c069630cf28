using Kabinet.Web.Common.Applications;
using Kabinet.Web.Data;
using Kabinet.Web.Features.AdditionalEducation.Certificates;
using Kabinet.Web.Features.AdditionalEducation.Enrolments;
using Kabinet.Web.Features.Families;
using Kabinet.Web.Features.Institutions;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.AdditionalEducation;

/// <summary>«Заявления»: the certificate applications and programme enrolments of the person's children (and their own).</summary>
internal sealed class PfdoApplicationSource(KabinetDbContext db, FamilyDirectory families, InstitutionDirectory institutions) : IApplicationSource
{
    public async Task<IReadOnlyList<ApplicationListItem>> OfAccountAsync(int accountId, int personId, CancellationToken ct)
    {
        // The family's few ids first: an OR with a subquery would scan the table on PostgreSQL.
        List<int> children = [personId, .. await families.ChildIdsOf(personId).ToListAsync(ct)];
        var applications = await db.CertificateApplications.AsNoTracking()
            .Where(a => children.Contains(a.ChildPersonId))
            .Select(a => new { a.Id, a.ChildPersonId, a.MunicipalityId, a.SubmittedAt, a.Status })
            .ToListAsync(ct);
        var enrolments = await db.ProgrammeEnrolments.AsNoTracking()
            .Where(e => children.Contains(e.ChildPersonId))
            .Join(db.Programmes, e => e.ProgrammeId, p => p.Id, (e, p) => new { e.Id, e.ChildPersonId, e.OrganisationId, e.SubmittedAt, e.Status, p.Name })
            .ToListAsync(ct);
        if (applications.Count == 0 && enrolments.Count == 0)
            return [];

        var childIds = applications.Select(a => a.ChildPersonId).Concat(enrolments.Select(e => e.ChildPersonId)).Distinct().ToList();
        var names = await families.PersonNames().Where(p => childIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FullName, ct);
        var (organisations, municipalities) = await institutions.NamesAsync(enrolments.Select(e => e.OrganisationId), applications.Select(a => a.MunicipalityId), ct);
        List<ApplicationListItem> items =
        [
            .. applications.Select(a => new ApplicationListItem("Сертификат дополнительного образования", names.GetValueOrDefault(a.ChildPersonId),
                municipalities.GetValueOrDefault(a.MunicipalityId), $"ПФДО-{a.Id:000000}", a.SubmittedAt, a.Status.Title(), $"/pfdo/applications/{a.Id}", a.Status.IsFinal())),
            .. enrolments.Select(e => new ApplicationListItem($"Запись на программу «{e.Name}»", names.GetValueOrDefault(e.ChildPersonId),
                organisations.GetValueOrDefault(e.OrganisationId), $"ДО-{e.Id:000000}", e.SubmittedAt, e.Status.Title(), "/pfdo", !e.Status.IsActive())),
        ];
        return [.. items.OrderByDescending(i => i.SubmittedAt)];
    }
}
