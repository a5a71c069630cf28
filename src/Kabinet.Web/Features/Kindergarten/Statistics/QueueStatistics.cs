using Kabinet.Web.Common.Hosting;
using Kabinet.Web.Common.Time;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Institutions;
using Kabinet.Web.Features.Kindergarten.Queue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Kabinet.Web.Features.Kindergarten.Statistics;

/// <summary>
/// The school year the figures are for and its boundaries (domain-rules §1.9). The current school year is the one
/// that contains today in the region's time and starts on its 1 September (SchoolYearOf: 29.11.2026 → 2026/2027,
/// 15.07.2027 → still 2026/2027).
/// </summary>
public sealed record StatisticsPeriod(int SchoolYear, DateOnly Today, DateTime ComputedAt)
{
    /// <summary>1 September of the current school year: the last desired date of актуальный спрос.</summary>
    public DateOnly YearStart => new(SchoolYear, 9, 1);

    /// <summary>1 September of the next school year: отложенный спрос is before it, later demand from it on.</summary>
    public DateOnly NextYearStart => new(SchoolYear + 1, 9, 1);

    /// <summary>The start of 1 September of the current school year in the region's time, as UTC: referrals and enrollments are counted from it.</summary>
    public DateTime YearStartUtc => RegionTime.ToUtc(YearStart.ToDateTime(TimeOnly.MinValue));

    /// <summary>
    /// The age group of an application for the figures: full years on 1 September of the current school year. The
    /// stored AgeGroup is full years on 1 September of the application's admission year, and ages on two 1 Septembers
    /// differ by exactly the years between them, so no date arithmetic is needed in SQL. Children under one (or not
    /// yet born on that day) count in group 0, children of seven and older in group 7.
    /// </summary>
    public int AgeGroupOf(int admissionYear, int ageGroup) => Math.Clamp(ageGroup + SchoolYear - admissionYear, 0, QueueStatistics.OldestAgeGroup);
}

/// <summary>The figures of one age group (of a municipality or of the region).</summary>
public sealed record AgeGroupFigures(int AgeGroup, DateTime? EarliestRegisteredAt, int CurrentDemand, int DeferredDemand, int LaterDemand,
    int FreePlaces, int Referred, int Enrolled)
{
    public int Waiting => CurrentDemand + DeferredDemand + LaterDemand;

    public static AgeGroupFigures Empty(int ageGroup) => new(ageGroup, null, 0, 0, 0, 0, 0, 0);

    public AgeGroupFigures Plus(AgeGroupFigures other) => new(AgeGroup,
        EarliestRegisteredAt is null ? other.EarliestRegisteredAt : other.EarliestRegisteredAt is null || EarliestRegisteredAt <= other.EarliestRegisteredAt ? EarliestRegisteredAt : other.EarliestRegisteredAt,
        CurrentDemand + other.CurrentDemand, DeferredDemand + other.DeferredDemand, LaterDemand + other.LaterDemand,
        FreePlaces + other.FreePlaces, Referred + other.Referred, Enrolled + other.Enrolled);

    public static AgeGroupFigures Total(IEnumerable<AgeGroupFigures> figures, int ageGroup = -1) =>
        figures.Aggregate(Empty(ageGroup), (sum, f) => sum.Plus(f));
}

/// <summary>A municipality with its figures per age group 0…7.</summary>
public sealed record MunicipalityFigures(int MunicipalityId, string Name, IReadOnlyList<AgeGroupFigures> ByAge)
{
    public AgeGroupFigures Total => AgeGroupFigures.Total(ByAge);
}

/// <summary>The region's figures: each municipality per age group, and the region per age group.</summary>
public sealed record RegionFigures(StatisticsPeriod Period, IReadOnlyList<MunicipalityFigures> Municipalities)
{
    public IReadOnlyList<AgeGroupFigures> ByAge { get; } = Enumerable.Range(0, QueueStatistics.OldestAgeGroup + 1)
        .Select(age => AgeGroupFigures.Total(Municipalities.Select(m => m.ByAge[age]), age)).ToList();

    public AgeGroupFigures Total => AgeGroupFigures.Total(ByAge);
}

/// <summary>A kindergarten's own figures: children waiting who chose it first (of them актуальный спрос) or at any priority, and its free places.</summary>
public sealed record KindergartenFigures(int OrganisationId, string Name, int FirstPriority, int FirstPriorityCurrent, int AnyPriority, int FreePlaces);

/// <summary>Kindergarten:Statistics — how long computed figures are kept.</summary>
public sealed class StatisticsOptions
{
    public const string Section = "Kindergarten:Statistics";

    /// <summary>Seconds the figures are kept in memory on each node; 0 computes them on every request.</summary>
    public int CacheSeconds { get; set; } = 60;

    internal void Check()
    {
        if (CacheSeconds is < 0 or > 3600)
            throw new ConfigurationProblemException($"{Section}:CacheSeconds must be from 0 (no cache) to 3600 seconds, not {CacheSeconds}.");
    }
}

/// <summary>
/// The public statistics of the kindergarten queue by municipality and age group (deliverable 7; domain-rules §1.9).
/// Every figure comes from grouped SQL (GROUP BY municipality, admission year, age group, status) — never from
/// applications loaded into memory — and the result, a few hundred numbers, is kept in an IMemoryCache for
/// <see cref="StatisticsOptions.CacheSeconds"/> (a minute by default): figures a minute old are fine for a public
/// page, and one computation a minute per node is cheap whatever the traffic. Each node keeps its own copy.
/// </summary>
public sealed class QueueStatistics(KabinetDbContext db, InstitutionDirectory institutions, IMemoryCache cache, IOptions<StatisticsOptions> options, TimeProvider time)
{
    public const int OldestAgeGroup = 7;

    /// <summary>
    /// The age group a kindergarten group's places count for: the full years at the youngest age it takes
    /// (AgeFromMonths / 12). A group «от 1,5 до 2 лет» counts for 1, «от 2 до 3 лет» for 2, «от 3 до 4 лет» for 3; a
    /// mixed-age group («от 2 до 4 лет», «от 4 до 7 лет») counts once, for its youngest year (2, 4), so the region's
    /// places are never counted twice.
    /// </summary>
    public static int AgeGroupOfBand(int ageFromMonths) => Math.Clamp(ageFromMonths / 12, 0, OldestAgeGroup);

    public StatisticsPeriod Period()
    {
        var today = time.Today();
        return new StatisticsPeriod(QueueApplication.SchoolYearOf(today), today, time.GetUtcNow().UtcDateTime);
    }

    /// <summary>Every municipality per age group, and the region's totals.</summary>
    public Task<RegionFigures> RegionAsync(CancellationToken ct) =>
        CachedAsync(("kindergarten-statistics", "region"), ComputeRegionAsync, ct);

    /// <summary>The kindergartens of a municipality with their own figures, by name.</summary>
    public Task<IReadOnlyList<KindergartenFigures>> KindergartensAsync(int municipalityId, CancellationToken ct) =>
        CachedAsync(("kindergarten-statistics", municipalityId), c => ComputeKindergartensAsync(municipalityId, c), ct);

    private async Task<T> CachedAsync<T>(object key, Func<CancellationToken, Task<T>> compute, CancellationToken ct)
    {
        var seconds = options.Value.CacheSeconds;
        if (seconds <= 0)
            return await compute(ct);
        // A new day (or school year) starts new figures at once, whatever the cache holds.
        var dayKey = (key, time.Today());
        if (cache.TryGetValue(dayKey, out Task<T>? running) && running is not null)
            return await running.WaitAsync(ct);

        // The computation itself is cached, so requests arriving while it runs wait for it instead of starting
        // their own. It runs on this request's DbContext and is never cancelled: this request stays until it ends.
        var computation = compute(CancellationToken.None);
        _ = cache.Set(dayKey, computation, TimeSpan.FromSeconds(seconds));
        try
        {
            return await computation;
        }
        catch
        {
            cache.Remove(dayKey);
            throw;
        }
    }

    private async Task<RegionFigures> ComputeRegionAsync(CancellationToken ct)
    {
        var period = Period();
        var yearStart = period.YearStart;
        var nextYearStart = period.NextYearStart;

        // Children in the queue (Очередник, Желает изменить ДОУ), split by desired date.
        var waiting = await db.QueueApplications.AsNoTracking()
            .Where(a => a.Status == ApplicationStatus.Waiting || a.Status == ApplicationStatus.WantsChange)
            .GroupBy(a => new { a.MunicipalityId, a.AdmissionYear, a.AgeGroup })
            .Select(g => new
            {
                g.Key.MunicipalityId,
                g.Key.AdmissionYear,
                g.Key.AgeGroup,
                Current = g.Count(a => a.DesiredDate <= yearStart),
                Deferred = g.Count(a => a.DesiredDate > yearStart && a.DesiredDate < nextYearStart),
                Later = g.Count(a => a.DesiredDate >= nextYearStart),
                Earliest = g.Min(a => a.RegisteredAt),
            })
            .ToListAsync(ct);

        // Referrals and enrollments since 1 September: each change to «Направлен» / «Зачислен» in the history counts once.
        var since = period.YearStartUtc;
        var until = period.ComputedAt;
        var changes = await (
            from h in db.StatusChanges.AsNoTracking()
            where (h.To == ApplicationStatus.Referred || h.To == ApplicationStatus.Enrolled) && h.At >= since && h.At <= until
            join a in db.QueueApplications.AsNoTracking() on h.ApplicationId equals a.Id
            group h by new { a.MunicipalityId, a.AdmissionYear, a.AgeGroup, h.To } into g
            select new { g.Key.MunicipalityId, g.Key.AdmissionYear, g.Key.AgeGroup, g.Key.To, Count = g.Count() })
            .ToListAsync(ct);

        var places = await institutions.KindergartenFreePlacesAsync(null, ct);
        var municipalities = await institutions.MunicipalitiesAsync(ct);

        var figures = municipalities.ToDictionary(m => m.Id, _ => Enumerable.Range(0, OldestAgeGroup + 1).Select(AgeGroupFigures.Empty).ToArray());
        void Add(int municipalityId, int age, AgeGroupFigures f)
        {
            if (figures.TryGetValue(municipalityId, out var row))
                row[age] = row[age].Plus(f);
        }

        foreach (var w in waiting)
        {
            var age = period.AgeGroupOf(w.AdmissionYear, w.AgeGroup);
            Add(w.MunicipalityId, age, new AgeGroupFigures(age, w.Earliest, w.Current, w.Deferred, w.Later, 0, 0, 0));
        }

        foreach (var c in changes)
        {
            var age = period.AgeGroupOf(c.AdmissionYear, c.AgeGroup);
            var referred = c.To == ApplicationStatus.Referred ? c.Count : 0;
            Add(c.MunicipalityId, age, AgeGroupFigures.Empty(age) with { Referred = referred, Enrolled = c.Count - referred });
        }

        foreach (var p in places)
        {
            var age = AgeGroupOfBand(p.AgeFromMonths);
            Add(p.MunicipalityId, age, AgeGroupFigures.Empty(age) with { FreePlaces = p.FreePlaces });
        }

        return new RegionFigures(period, municipalities.Select(m => new MunicipalityFigures(m.Id, m.Name, figures[m.Id])).ToList());
    }

    private async Task<IReadOnlyList<KindergartenFigures>> ComputeKindergartensAsync(int municipalityId, CancellationToken ct)
    {
        var yearStart = Period().YearStart;
        var kindergartens = await institutions.KindergartensInAsync(municipalityId, ct);

        // Kindergartens are chosen only from the application's own municipality (FileApplication checks it), so the
        // waiting applications of the municipality — found through the (municipality, status) index — are all there
        // is; starting from the choices would visit every archived application that ever chose the kindergarten.
        var choices = await (
            from a in db.QueueApplications.AsNoTracking()
            where a.MunicipalityId == municipalityId && (a.Status == ApplicationStatus.Waiting || a.Status == ApplicationStatus.WantsChange)
            join c in db.ApplicationChoices.AsNoTracking() on a.Id equals c.ApplicationId
            group new { c.Priority, a.DesiredDate } by c.OrganisationId into g
            select new
            {
                OrganisationId = g.Key,
                Any = g.Count(),
                First = g.Count(x => x.Priority == 1),
                FirstCurrent = g.Count(x => x.Priority == 1 && x.DesiredDate <= yearStart),
            })
            .ToDictionaryAsync(x => x.OrganisationId, ct);

        var free = (await institutions.KindergartenFreePlacesAsync(municipalityId, ct))
            .GroupBy(p => p.OrganisationId).ToDictionary(g => g.Key, g => g.Sum(p => p.FreePlaces));

        return kindergartens.Select(k => choices.TryGetValue(k.Id, out var c)
                ? new KindergartenFigures(k.Id, k.Name, c.First, c.FirstCurrent, c.Any, free.GetValueOrDefault(k.Id))
                : new KindergartenFigures(k.Id, k.Name, 0, 0, 0, free.GetValueOrDefault(k.Id)))
            .ToList();
    }
}
