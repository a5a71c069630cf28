using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Institutions;

public sealed partial class InstitutionDirectory
{
    /// <summary>The colleges of a municipality (or of the region when null), by name.</summary>
    public Task<List<NamedItem>> CollegesInAsync(int? municipalityId, CancellationToken ct) =>
        db.Organisations.AsNoTracking()
            .Where(o => o.Kind == OrganisationKind.College && (municipalityId == null || o.MunicipalityId == municipalityId))
            .OrderBy(o => o.SortName)
            .Select(o => new NamedItem(o.Id, o.ShortName))
            .ToListAsync(ct);

    /// <summary>The municipality of a college; null when there is no such college.</summary>
    public async Task<int?> CollegeMunicipalityAsync(int organisationId, CancellationToken ct) =>
        await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId && o.Kind == OrganisationKind.College)
            .Select(o => (int?)o.MunicipalityId).FirstOrDefaultAsync(ct);
}
