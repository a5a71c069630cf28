using Kabinet.Web.Common.Applications;
using Kabinet.Web.Features.Families;
using Kabinet.Web.Features.Institutions;
using Kabinet.Web.Features.Kindergarten.Queue;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Kindergarten.Mine;

/// <summary>The family's kindergarten applications for «Заявления»: one query, organisation names from the directory's cache.</summary>
internal sealed class KindergartenApplicationSource(ParentApplications applications, FamilyDirectory families, InstitutionDirectory institutions) : IApplicationSource
{
    public const string TypeTitle = "Постановка на учёт в детский сад";

    public async Task<IReadOnlyList<ApplicationListItem>> OfAccountAsync(int accountId, int personId, CancellationToken ct)
    {
        var rows = await applications.VisibleTo(personId).AsNoTracking()
            .Join(families.PersonNames(), a => a.ChildPersonId, p => p.Id, (a, p) => new
            {
                a.Id, a.RegisteredAt, a.Status, p.LastName, p.FirstName, p.MiddleName,
                First = a.Choices.OrderBy(c => c.Priority).Select(c => (int?)c.OrganisationId).FirstOrDefault(),
            })
            .OrderByDescending(a => a.RegisteredAt)
            .ToListAsync(ct);
        var (organisations, _) = await institutions.NamesAsync(rows.Where(r => r.First is not null).Select(r => r.First!.Value), [], ct);
        return [.. rows.Select(r => new ApplicationListItem(TypeTitle, new PersonName { LastName = r.LastName, FirstName = r.FirstName, MiddleName = r.MiddleName }.FullName,
            r.First is { } first ? organisations.GetValueOrDefault(first) : null, r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            r.RegisteredAt, r.Status.Title(), $"/kindergarten/{r.Id}", ApplicationStatuses.Final.Contains(r.Status) || r.Status == ApplicationStatus.Enrolled))];
    }
}
