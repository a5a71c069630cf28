using Kabinet.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Kabinet.Web.Features.Institutions;

public sealed record RegionSummary(int Municipalities, IReadOnlyDictionary<OrganisationKind, int> OrganisationsByKind);

/// <summary>A name to show for an organisation or a municipality.</summary>
public sealed record NamedItem(int Id, string Name);

/// <summary>Where a person studies: a class or college group, or a kindergarten group.</summary>
public sealed record StudyPlace(int PersonId, int OrganisationId, string OrganisationName, OrganisationKind Kind, string GroupName);

/// <summary>What other modules may ask about the region's organisations.</summary>
public sealed partial class InstitutionDirectory(KabinetDbContext db, IMemoryCache cache)
{
    /// <summary>Names of organisations and municipalities change a few times a year (by import): a minute's staleness is harmless.</summary>
    private static readonly TimeSpan NamesCacheFor = TimeSpan.FromMinutes(1);

    public async Task<RegionSummary> SummaryAsync(CancellationToken ct)
    {
        var municipalities = await db.Municipalities.CountAsync(ct);
        var byKind = await db.Organisations.GroupBy(o => o.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return new RegionSummary(municipalities, byKind.ToDictionary(x => x.Key, x => x.Count));
    }

    /// <summary>The organisations and classes or groups the people study in (a person may have none).</summary>
    public async Task<IReadOnlyList<StudyPlace>> PlacesOfAsync(IReadOnlyCollection<int> personIds, CancellationToken ct)
    {
        var ids = personIds.Distinct().ToList();
        var classes = await db.ClassMemberships.AsNoTracking()
            .Where(m => ids.Contains(m.PersonId))
            .Join(db.ClassGroups, m => m.ClassGroupId, c => c.Id, (m, c) => new { m.PersonId, c.OrganisationId, c.Name })
            .Join(db.Organisations, x => x.OrganisationId, o => o.Id, (x, o) => new StudyPlace(x.PersonId, o.Id, o.ShortName, o.Kind, x.Name))
            .ToListAsync(ct);
        var groups = await db.KindergartenPlacements.AsNoTracking()
            .Where(p => ids.Contains(p.PersonId))
            .Join(db.KindergartenGroups, p => p.KindergartenGroupId, g => g.Id, (p, g) => new { p.PersonId, g.OrganisationId, g.Name })
            .Join(db.Organisations, x => x.OrganisationId, o => o.Id, (x, o) => new StudyPlace(x.PersonId, o.Id, o.ShortName, o.Kind, x.Name))
            .ToListAsync(ct);
        return [.. classes, .. groups];
    }

    public Task<List<NamedItem>> MunicipalitiesAsync(CancellationToken ct) =>
        db.Municipalities.AsNoTracking().OrderBy(m => m.SortOrder).Select(m => new NamedItem(m.Id, m.Name)).ToListAsync(ct);

    public Task<List<NamedItem>> OrganisationsInAsync(int municipalityId, CancellationToken ct) =>
        db.Organisations.AsNoTracking()
            .Where(o => o.MunicipalityId == municipalityId)
            .OrderBy(o => o.Kind == OrganisationKind.Kindergarten ? 0 : o.Kind == OrganisationKind.School ? 1 : o.Kind == OrganisationKind.College ? 2 : 3)
            .ThenBy(o => o.SortName)
            .Select(o => new NamedItem(o.Id, o.ShortName))
            .ToListAsync(ct);

    /// <summary>Names of organisations and municipalities by id, for lists that store only ids.</summary>
    public async Task<(IReadOnlyDictionary<int, string> Organisations, IReadOnlyDictionary<int, string> Municipalities)> NamesAsync(
        IEnumerable<int> organisationIds, IEnumerable<int> municipalityIds, CancellationToken ct)
    {
        var organisations = await CachedNamesAsync("organisation-name", organisationIds,
            ids => db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.ShortName, ct));
        var municipalities = await CachedNamesAsync("municipality-name", municipalityIds,
            ids => db.Municipalities.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, ct));
        return (organisations, municipalities);
    }

    /// <summary>Names from the cache; those not there are read in one query and cached for <see cref="NamesCacheFor"/>.</summary>
    private async Task<IReadOnlyDictionary<int, string>> CachedNamesAsync(string kind, IEnumerable<int> ids, Func<List<int>, Task<Dictionary<int, string>>> load)
    {
        var names = new Dictionary<int, string>();
        var missing = new List<int>();
        foreach (var id in ids.Distinct())
        {
            if (cache.TryGetValue((kind, id), out string? name) && name is not null)
                names[id] = name;
            else
                missing.Add(id);
        }

        if (missing.Count == 0)
            return names;
        foreach (var (id, name) in await load(missing))
        {
            names[id] = name;
            cache.Set((kind, id), name, NamesCacheFor);
        }

        return names;
    }

    /// <summary>This academic year's classes and groups of an organisation, in grade order.</summary>
    public async Task<List<NamedItem>> ClassesOfAsync(int organisationId, CancellationToken ct)
    {
        var classes = await db.ClassGroups.AsNoTracking()
            .Where(c => c.OrganisationId == organisationId)
            .OrderBy(c => c.Grade).ThenBy(c => c.Name)
            .Select(c => new NamedItem(c.Id, c.Name))
            .ToListAsync(ct);
        var groups = await db.KindergartenGroups.AsNoTracking()
            .Where(g => g.OrganisationId == organisationId)
            .OrderBy(g => g.AgeFromMonths).ThenBy(g => g.Name)
            .Select(g => new NamedItem(-g.Id, "группа «" + g.Name + "»"))
            .ToListAsync(ct);
        return [.. classes, .. groups];
    }

    /// <summary>The people in a class (positive id) or a kindergarten group (negative id) of the organisation.</summary>
    public Task<List<int>> MembersOfAsync(int organisationId, int classOrGroupId, CancellationToken ct) => classOrGroupId > 0
        ? db.ClassMemberships.AsNoTracking()
            .Where(m => m.ClassGroupId == classOrGroupId && db.ClassGroups.Any(c => c.Id == classOrGroupId && c.OrganisationId == organisationId))
            .Select(m => m.PersonId).ToListAsync(ct)
        : db.KindergartenPlacements.AsNoTracking()
            .Where(p => p.KindergartenGroupId == -classOrGroupId && db.KindergartenGroups.Any(g => g.Id == -classOrGroupId && g.OrganisationId == organisationId))
            .Select(p => p.PersonId).ToListAsync(ct);
}
