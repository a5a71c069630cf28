using Kabinet.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Institutions;

public sealed record RegionSummary(int Municipalities, IReadOnlyDictionary<OrganisationKind, int> OrganisationsByKind);

/// <summary>What other modules may ask about the region's organisations.</summary>
public sealed class InstitutionDirectory(KabinetDbContext db)
{
    public async Task<RegionSummary> SummaryAsync(CancellationToken ct)
    {
        var municipalities = await db.Municipalities.CountAsync(ct);
        var byKind = await db.Organisations.GroupBy(o => o.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return new RegionSummary(municipalities, byKind.ToDictionary(x => x.Key, x => x.Count));
    }
}
