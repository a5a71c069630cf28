using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Institutions;

public sealed partial class InstitutionDirectory
{
    /// <summary>The municipality's organisations of these kinds, kindergartens first, by name.</summary>
    public Task<List<NamedItem>> OrganisationsInAsync(int municipalityId, IReadOnlyCollection<OrganisationKind> kinds, CancellationToken ct) =>
        db.Organisations.AsNoTracking()
            .Where(o => o.MunicipalityId == municipalityId && kinds.Contains(o.Kind))
            .OrderBy(o => o.Kind == OrganisationKind.Kindergarten ? 0 : o.Kind == OrganisationKind.School ? 1 : o.Kind == OrganisationKind.College ? 2 : 3)
            .ThenBy(o => o.SortName)
            .Select(o => new NamedItem(o.Id, o.ShortName))
            .ToListAsync(ct);
}
