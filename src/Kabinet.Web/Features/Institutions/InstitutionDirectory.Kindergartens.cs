using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Institutions;

/// <summary>A kindergarten group as the queue sees it: its age band, focus, mode, places and how many are taken.</summary>
public sealed record KindergartenGroupPlaces(int OrganisationId, int GroupId, string Name, int AgeFromMonths, int AgeToMonths, GroupFocus Focus, DailyMode Mode, int Capacity, int Placed)
{
    public bool Takes(int ageMonths) => AgeFromMonths <= ageMonths && ageMonths < AgeToMonths;

    /// <summary>«от 1,5 до 2 лет», as on the organisation's card.</summary>
    public string AgeBandTitle => KindergartenGroup.AgeBand(AgeFromMonths, AgeToMonths);
}

/// <summary>Free places of a kindergarten's groups with one age band start: max(0, capacity − children placed) summed over those groups.</summary>
public sealed record KindergartenFreePlaces(int OrganisationId, int MunicipalityId, int AgeFromMonths, int FreePlaces);

public sealed partial class InstitutionDirectory
{
    /// <summary>The kindergartens of a municipality, by name.</summary>
    public Task<List<NamedItem>> KindergartensInAsync(int municipalityId, CancellationToken ct) =>
        db.Organisations.AsNoTracking()
            .Where(o => o.MunicipalityId == municipalityId && o.Kind == OrganisationKind.Kindergarten)
            .OrderBy(o => o.SortName)
            .Select(o => new NamedItem(o.Id, o.ShortName))
            .ToListAsync(ct);

    /// <summary>The municipality of each of these organisations that is a kindergarten.</summary>
    public async Task<IReadOnlyDictionary<int, int>> KindergartenMunicipalitiesAsync(IEnumerable<int> organisationIds, CancellationToken ct)
    {
        var ids = organisationIds.Distinct().ToList();
        return await db.Organisations.AsNoTracking()
            .Where(o => ids.Contains(o.Id) && o.Kind == OrganisationKind.Kindergarten)
            .ToDictionaryAsync(o => o.Id, o => o.MunicipalityId, ct);
    }

    /// <summary>The groups of these kindergartens with the number of children placed in each.</summary>
    public async Task<IReadOnlyList<KindergartenGroupPlaces>> KindergartenGroupsAsync(IEnumerable<int> organisationIds, CancellationToken ct)
    {
        var ids = organisationIds.Distinct().ToList();
        return await db.KindergartenGroups.AsNoTracking()
            .Where(g => ids.Contains(g.OrganisationId))
            .OrderBy(g => g.OrganisationId).ThenBy(g => g.AgeFromMonths).ThenBy(g => g.Name)
            .Select(g => new KindergartenGroupPlaces(g.OrganisationId, g.Id, g.Name, g.AgeFromMonths, g.AgeToMonths, g.Focus, g.Mode, g.Capacity,
                db.KindergartenPlacements.Count(p => p.KindergartenGroupId == g.Id)))
            .ToListAsync(ct);
    }
    /// <summary>The groups of every kindergarten of a municipality with the number of children placed in each.</summary>
    public async Task<IReadOnlyList<KindergartenGroupPlaces>> KindergartenGroupsInAsync(int municipalityId, CancellationToken ct)
    {
        var placed = await (
            from p in db.KindergartenPlacements.AsNoTracking()
            join g in db.KindergartenGroups on p.KindergartenGroupId equals g.Id
            join o in db.Organisations on g.OrganisationId equals o.Id
            where o.MunicipalityId == municipalityId
            group p by p.KindergartenGroupId into x
            select new { GroupId = x.Key, Count = x.Count() })
            .ToDictionaryAsync(x => x.GroupId, x => x.Count, ct);
        var groups = await (
            from g in db.KindergartenGroups.AsNoTracking()
            join o in db.Organisations on g.OrganisationId equals o.Id
            where o.MunicipalityId == municipalityId && o.Kind == OrganisationKind.Kindergarten
            orderby g.OrganisationId, g.Id
            select new { g.OrganisationId, g.Id, g.Name, g.AgeFromMonths, g.AgeToMonths, g.Focus, g.Mode, g.Capacity })
            .ToListAsync(ct);
        return [.. groups.Select(g => new KindergartenGroupPlaces(g.OrganisationId, g.Id, g.Name, g.AgeFromMonths, g.AgeToMonths, g.Focus, g.Mode, g.Capacity,
            placed.GetValueOrDefault(g.Id)))];
    }

    /// <summary>Opens a new group in a kindergarten as part of the caller's unit of work (the caller saves); false when the organisation is not a kindergarten.</summary>
    public async Task<bool> AddKindergartenGroupAsync(int organisationId, string name, int ageFromMonths, int ageToMonths, GroupFocus focus, DailyMode mode, int capacity, CancellationToken ct)
    {
        if (!await db.Organisations.AnyAsync(o => o.Id == organisationId && o.Kind == OrganisationKind.Kindergarten, ct))
            return false;
        db.KindergartenGroups.Add(new KindergartenGroup { OrganisationId = organisationId, Name = name, AgeFromMonths = ageFromMonths, AgeToMonths = ageToMonths, Focus = focus, Mode = mode, Capacity = capacity });
        return true;
    }

    /// <summary>Sets the number of places of a kindergarten's group as part of the caller's unit of work (the caller saves); false when there is no such group.</summary>
    public async Task<bool> SetKindergartenGroupCapacityAsync(int organisationId, int groupId, int capacity, CancellationToken ct)
    {
        var group = await db.KindergartenGroups.FirstOrDefaultAsync(g => g.Id == groupId && g.OrganisationId == organisationId, ct);
        if (group is null)
            return false;
        group.Capacity = capacity;
        return true;
    }

    /// <summary>Places a child in a group as part of the caller's unit of work (the caller saves); false when the child is already there.</summary>
    public async Task<bool> PlaceChildAsync(int groupId, int personId, DateOnly since, CancellationToken ct)
    {
        if (await db.KindergartenPlacements.AnyAsync(p => p.KindergartenGroupId == groupId && p.PersonId == personId, ct))
            return false;
        db.KindergartenPlacements.Add(new KindergartenPlacement { KindergartenGroupId = groupId, PersonId = personId, Since = since });
        return true;
    }

    /// <summary>The groups these children are placed in: (person, kindergarten, group).</summary>
    public async Task<IReadOnlyList<(int PersonId, int OrganisationId, int GroupId)>> PlacementsOfAsync(IEnumerable<int> personIds, CancellationToken ct)
    {
        var ids = personIds.Distinct().ToList();
        var placed = await (
            from p in db.KindergartenPlacements.AsNoTracking()
            join g in db.KindergartenGroups on p.KindergartenGroupId equals g.Id
            where ids.Contains(p.PersonId)
            orderby p.Id
            select new { p.PersonId, g.OrganisationId, p.KindergartenGroupId })
            .ToListAsync(ct);
        return [.. placed.Select(p => (p.PersonId, p.OrganisationId, p.KindergartenGroupId))];
    }

    /// <summary>
    /// Moves a child's placement to another group as part of the caller's unit of work (the caller saves), as an
    /// exchange of places does; false when the child is not placed in <paramref name="fromGroupId"/>.
    /// </summary>
    public async Task<bool> MovePlacementAsync(int personId, int fromGroupId, int toGroupId, DateOnly since, CancellationToken ct)
    {
        var placement = await db.KindergartenPlacements.FirstOrDefaultAsync(p => p.PersonId == personId && p.KindergartenGroupId == fromGroupId, ct);
        if (placement is null)
            return false;
        placement.KindergartenGroupId = toGroupId;
        placement.Since = since;
        return true;
    }

    /// <summary>
    /// Free places of every kindergarten (of one municipality, or of the region) per age band start, in one grouped
    /// query: a group's free places are max(0, capacity − placed), so an overfilled group takes nothing from the others.
    /// </summary>
    public async Task<IReadOnlyList<KindergartenFreePlaces>> KindergartenFreePlacesAsync(int? municipalityId, CancellationToken ct)
    {
        var kindergartens = db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.Kindergarten);
        if (municipalityId is { } id)
            kindergartens = kindergartens.Where(o => o.MunicipalityId == id);
        return await (
            from g in db.KindergartenGroups.AsNoTracking()
            join o in kindergartens on g.OrganisationId equals o.Id
            select new { g.OrganisationId, o.MunicipalityId, g.AgeFromMonths, Free = Math.Max(0, g.Capacity - db.KindergartenPlacements.Count(p => p.KindergartenGroupId == g.Id)) })
            .GroupBy(x => new { x.OrganisationId, x.MunicipalityId, x.AgeFromMonths })
            .Select(x => new KindergartenFreePlaces(x.Key.OrganisationId, x.Key.MunicipalityId, x.Key.AgeFromMonths, x.Sum(y => y.Free)))
            .ToListAsync(ct);
    }

    /// <summary>The children placed in each group of a kindergarten: (group, person).</summary>
    public async Task<IReadOnlyList<(int GroupId, int PersonId)>> PlacedInAsync(int organisationId, CancellationToken ct)
    {
        var placed = await (
            from p in db.KindergartenPlacements.AsNoTracking()
            join g in db.KindergartenGroups on p.KindergartenGroupId equals g.Id
            where g.OrganisationId == organisationId
            select new { p.KindergartenGroupId, p.PersonId })
            .ToListAsync(ct);
        return [.. placed.Select(p => (p.KindergartenGroupId, p.PersonId))];
    }
}
