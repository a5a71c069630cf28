using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Institutions;

/// <summary>A school with its municipality, for school enrollment.</summary>
public sealed record SchoolOfMunicipality(int Id, string Name, int MunicipalityId);

public sealed partial class InstitutionDirectory
{
    /// <summary>The schools (general education) of a municipality, by name.</summary>
    public Task<List<NamedItem>> SchoolsInAsync(int municipalityId, CancellationToken ct) =>
        db.Organisations.AsNoTracking()
            .Where(o => o.MunicipalityId == municipalityId && o.Kind == OrganisationKind.School)
            .OrderBy(o => o.SortName)
            .Select(o => new NamedItem(o.Id, o.ShortName))
            .ToListAsync(ct);

    /// <summary>The school with its municipality; null when there is no such organisation or it is not a school.</summary>
    public Task<SchoolOfMunicipality?> SchoolAsync(int organisationId, CancellationToken ct) =>
        db.Organisations.AsNoTracking()
            .Where(o => o.Id == organisationId && o.Kind == OrganisationKind.School)
            .Select(o => new SchoolOfMunicipality(o.Id, o.ShortName, o.MunicipalityId))
            .FirstOrDefaultAsync(ct);
}
