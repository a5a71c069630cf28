using Kabinet.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Kabinet.Web.Features.Kindergarten.Queue;

/// <summary>The children ahead in one benefit group: how many, registered from when to when.</summary>
public sealed record AheadGroup(int Rank, int Count, DateTime FirstRegistered, DateTime LastRegistered);

/// <summary>The place in the queue of one chosen kindergarten (for the child's age group and admission year) on a date.</summary>
public sealed record ChoicePosition(int OrganisationId, int Priority, int Rank, int Place, int Total, IReadOnlyList<AheadGroup> Ahead);

/// <summary>A point of the position chart.</summary>
public sealed record PositionPoint(DateOnly Date, int Place);

/// <summary>
/// Computes queue positions now or as of any past date («очередь на дату»). For a past date the statuses and
/// benefit decisions are taken as they were then (from the status history); the chosen kindergartens, the
/// desired date and the age group are the current ones, since editing them never moves the registration date.
/// The current order of a queue is cached until the next change on this node (at most a minute from another node),
/// so that parents opening their applications cost the database one query per changed queue.
/// </summary>
public sealed class QueuePositions(KabinetDbContext db, IMemoryCache cache, QueueChanges changes)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);

    internal sealed record Candidate(int ApplicationId, DateTime RegisteredAt, BenefitKind Benefit, BenefitStatus BenefitStatus, DateTime? BenefitDecidedAt,
        bool SiblingAttends, ApplicationStatus Status);

    /// <summary>The queue of a kindergarten for one admission year and age group, as it was (or is) on a moment.</summary>
    public sealed class Snapshot
    {
        private readonly List<Candidate> _candidates;
        private readonly ILookup<int, StatusChange> _history;

        internal Snapshot(List<Candidate> candidates, ILookup<int, StatusChange> history) => (_candidates, _history) = (candidates, history);

        /// <summary>The queue in order on a moment (null — now).</summary>
        public List<QueueEntry> OrderOn(DateTime? moment)
        {
            var entries = new List<QueueEntry>();
            foreach (var c in _candidates)
            {
                if (moment is { } m && c.RegisteredAt > m)
                    continue;
                if (!ApplicationStatuses.InQueue.Contains(StatusOn(c, moment)))
                    continue;
                var confirmed = c.BenefitStatus == BenefitStatus.Confirmed && (moment is null || c.BenefitDecidedAt <= moment);
                entries.Add(new QueueEntry(c.ApplicationId, QueueOrder.Rank(c.Benefit, confirmed, c.SiblingAttends), c.RegisteredAt));
            }

            entries.Sort(QueueOrder.Compare);
            return entries;
        }

        private ApplicationStatus StatusOn(Candidate c, DateTime? moment)
        {
            if (moment is null)
                return c.Status;
            var last = _history[c.ApplicationId].Where(h => h.At <= moment).MaxBy(h => (h.At, h.Id));
            return last?.To ?? ApplicationStatus.New;
        }
    }

    public async Task<Snapshot> LoadAsync(int organisationId, int admissionYear, int ageGroup, bool withHistory, CancellationToken ct)
    {
        var candidates = await (
            from c in db.ApplicationChoices.AsNoTracking()
            where c.OrganisationId == organisationId
            join a in db.QueueApplications.AsNoTracking() on c.ApplicationId equals a.Id
            where a.AdmissionYear == admissionYear && a.AgeGroup == ageGroup
                && (withHistory || a.Status == ApplicationStatus.Waiting || a.Status == ApplicationStatus.WantsChange)
            select new Candidate(a.Id, a.RegisteredAt, a.Benefit, a.BenefitStatus, a.BenefitDecidedAt, c.SiblingAttends, a.Status))
            .ToListAsync(ct);
        ILookup<int, StatusChange> history = Array.Empty<StatusChange>().ToLookup(h => h.ApplicationId);
        if (withHistory)
        {
            var ids = candidates.Select(c => c.ApplicationId).ToList();
            history = (await db.StatusChanges.AsNoTracking().Where(h => ids.Contains(h.ApplicationId)).ToListAsync(ct)).ToLookup(h => h.ApplicationId);
        }

        return new Snapshot(candidates, history);
    }

    /// <summary>The application's place in the queue of each chosen kindergarten, now or on a moment; empty when it is not in the queue then.</summary>
    public async Task<IReadOnlyList<ChoicePosition>> OfAsync(QueueApplication application, DateTime? moment, CancellationToken ct)
    {
        var result = new List<ChoicePosition>();
        foreach (var choice in application.Choices.OrderBy(c => c.Priority))
        {
            var order = moment is null
                ? await CurrentOrderAsync(choice.OrganisationId, application.AdmissionYear, application.AgeGroup, ct)
                : (await LoadAsync(choice.OrganisationId, application.AdmissionYear, application.AgeGroup, withHistory: true, ct)).OrderOn(moment);
            if (Describe(order, application.Id, choice) is { } position)
                result.Add(position);
        }

        return result;
    }

    /// <summary>The queue as it is now, from the cache when nothing has changed since it was read.</summary>
    public async Task<List<QueueEntry>> CurrentOrderAsync(int organisationId, int admissionYear, int ageGroup, CancellationToken ct)
    {
        var key = (nameof(CurrentOrderAsync), organisationId, admissionYear, ageGroup, changes.Generation);
        if (cache.TryGetValue(key, out List<QueueEntry>? order) && order is not null)
            return order;
        order = (await LoadAsync(organisationId, admissionYear, ageGroup, withHistory: false, ct)).OrderOn(null);
        cache.Set(key, order, CacheFor);
        return order;
    }

    /// <summary>The place in the first-priority kindergarten's queue at the end of each month since registration (at most two years back).</summary>
    public async Task<IReadOnlyList<PositionPoint>> ChartAsync(QueueApplication application, DateTime now, CancellationToken ct)
    {
        var key = (nameof(ChartAsync), application.Id, DateOnly.FromDateTime(now), changes.Generation);
        if (cache.TryGetValue(key, out IReadOnlyList<PositionPoint>? cached) && cached is not null)
            return cached;
        var points = await ComputeChartAsync(application, now, ct);
        cache.Set(key, points, CacheFor);
        return points;
    }

    private async Task<IReadOnlyList<PositionPoint>> ComputeChartAsync(QueueApplication application, DateTime now, CancellationToken ct)
    {
        var first = application.Choices.OrderBy(c => c.Priority).FirstOrDefault();
        if (first is null)
            return [];
        var snapshot = await LoadAsync(first.OrganisationId, application.AdmissionYear, application.AgeGroup, withHistory: true, ct);
        var points = new List<PositionPoint>();
        var start = new DateOnly(application.RegisteredAt.Year, application.RegisteredAt.Month, 1).AddMonths(1);
        var today = DateOnly.FromDateTime(now);
        if (start < today.AddMonths(-24))
            start = new DateOnly(today.Year, today.Month, 1).AddMonths(-23);
        for (var month = start; month <= today; month = month.AddMonths(1))
            AddPoint(month, month.ToDateTime(TimeOnly.MinValue).AddTicks(-1));
        AddPoint(today, now);
        return points;

        void AddPoint(DateOnly date, DateTime moment)
        {
            var order = snapshot.OrderOn(moment);
            var index = order.FindIndex(e => e.ApplicationId == application.Id);
            if (index >= 0)
                points.Add(new PositionPoint(date, index + 1));
        }
    }

    private static ChoicePosition? Describe(List<QueueEntry> order, int applicationId, ApplicationChoice choice)
    {
        var index = order.FindIndex(e => e.ApplicationId == applicationId);
        if (index < 0)
            return null;
        var ahead = order.Take(index).GroupBy(e => e.Rank).OrderBy(g => g.Key)
            .Select(g => new AheadGroup(g.Key, g.Count(), g.Min(e => e.RegisteredAt), g.Max(e => e.RegisteredAt))).ToList();
        return new ChoicePosition(choice.OrganisationId, choice.Priority, order[index].Rank, index + 1, order.Count, ahead);
    }
}
