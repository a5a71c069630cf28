using Kabinet.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Institutions.Map;

/// <summary>What the map shows: a municipality, the group focus and daily mode wanted, only kindergartens with free places.</summary>
public sealed record KindergartenMapFilter(int? MunicipalityId, GroupFocus? Focus, DailyMode? Mode, bool OnlyWithFreePlaces)
{
    /// <summary>Whether only some groups count (then a kindergarten without such groups is not shown).</summary>
    public bool ChoosesGroups => Focus is not null || Mode is not null;

    public bool Matches(GroupFocus focus, DailyMode mode) => (Focus is null || Focus == focus) && (Mode is null || Mode == mode);
}

/// <summary>A kindergarten on the map with the free places of its groups that match the filter.</summary>
public sealed record KindergartenOnMap(
    int Id, string ShortName, string Address, int MunicipalityId, string MunicipalityName, double Latitude, double Longitude, int FreePlaces);

/// <summary>The kindergartens matching a filter with their free places, counted in two grouped queries whatever the number of kindergartens.</summary>
public sealed class FindKindergartens(KabinetDbContext db)
{
    public async Task<IReadOnlyList<KindergartenOnMap>> HandleAsync(KindergartenMapFilter filter, CancellationToken ct)
    {
        var kindergartens = db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.Kindergarten);
        if (filter.MunicipalityId is { } municipalityId)
            kindergartens = kindergartens.Where(o => o.MunicipalityId == municipalityId);

        var groups = db.KindergartenGroups.AsNoTracking().Where(g => kindergartens.Any(o => o.Id == g.OrganisationId));
        if (filter.Focus is { } focus)
            groups = groups.Where(g => g.Focus == focus);
        if (filter.Mode is { } mode)
            groups = groups.Where(g => g.Mode == mode);

        // Free places of a group: max(0, capacity − children placed); an overfilled group takes nothing from the others.
        var freeByKindergarten = await groups
            .Select(g => new { g.OrganisationId, Free = Math.Max(0, g.Capacity - db.KindergartenPlacements.Count(p => p.KindergartenGroupId == g.Id)) })
            .GroupBy(x => x.OrganisationId)
            .Select(x => new { OrganisationId = x.Key, Free = x.Sum(y => y.Free) })
            .ToDictionaryAsync(x => x.OrganisationId, x => x.Free, ct);

        var rows = await kindergartens
            .OrderBy(o => o.Municipality!.SortOrder).ThenBy(o => o.MunicipalityId).ThenBy(o => o.SortName).ThenBy(o => o.Id)
            .Select(o => new KindergartenOnMap(o.Id, o.ShortName, o.Address, o.MunicipalityId, o.Municipality!.Name, o.Latitude, o.Longitude, 0))
            .ToListAsync(ct);

        var result = new List<KindergartenOnMap>(rows.Count);
        foreach (var row in rows)
        {
            var hasGroups = freeByKindergarten.TryGetValue(row.Id, out var free);
            if (filter.ChoosesGroups && !hasGroups)
                continue;
            if (filter.OnlyWithFreePlaces && free == 0)
                continue;
            result.Add(row with { FreePlaces = free });
        }

        return result;
    }
}
