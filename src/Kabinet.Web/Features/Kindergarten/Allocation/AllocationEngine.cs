using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Kabinet.Web.Features.Institutions;

namespace Kabinet.Web.Features.Kindergarten.Allocation;

/// <summary>A kindergarten the child chose: its priority (1 — most wanted) and the child's rank in that kindergarten's queue (QueueOrder.Rank).</summary>
public readonly record struct AllocationChoice(int OrganisationId, int Priority, int Rank);

/// <summary>A child in the queue of the admission year: age in full months on 1 September, the group wanted and the kindergartens chosen.</summary>
public sealed record AllocationChild(int ApplicationId, DateTime RegisteredAt, int AgeMonths, GroupFocus Focus, DailyMode Mode, IReadOnlyList<AllocationChoice> Choices);

/// <summary>A group with the places it can still give (capacity − children placed − open referrals).</summary>
public sealed record AllocationGroup(int GroupId, int OrganisationId, int AgeFromMonths, int AgeToMonths, GroupFocus Focus, DailyMode Mode, int Free);

public readonly record struct AllocationPlacement(int ApplicationId, int OrganisationId, int GroupId, int Priority);

/// <summary>Who gets which group, who is left without a place, and a hash that identifies the result.</summary>
public sealed record AllocationResult(IReadOnlyList<AllocationPlacement> Placements, IReadOnlyList<int> Unplaced, string Hash);

/// <summary>
/// Allocation (комплектование, and доукомплектование for places that freed up): gives the free places of a
/// municipality's groups to the children in its queue for one admission year. Pure: same input, same result.
///
/// <para><b>Which group suits a child.</b> The group takes the child's age (full months on 1 September of the
/// admission year within [AgeFromMonths, AgeToMonths)), has exactly the focus asked for and exactly the daily
/// mode asked for. Focus never falls back: a compensating or health group needs the ПМПК or medical grounds,
/// and a general group is not what a family asking for one of those needs. Mode does not fall back either: the
/// mode is part of the application (Приказ 236 п.9 «м») and a different mode is a different service; a family
/// that would take another mode changes the application. Within a kindergarten the narrowest age band comes
/// first (the group meant for that age), then the group number.</para>
///
/// <para><b>Who comes first.</b> Each kindergarten orders its own queue (domain-rules §1.5: benefit rank with
/// the sibling flag of that kindergarten, then registration time, then application number), so one global
/// order cannot be fair to all of them at once — a child with a sibling in one kindergarten is ahead there but
/// not elsewhere. The engine therefore runs deferred acceptance (child-proposing Gale–Shapley): every child
/// asks for its kindergartens in the order of priority; a group keeps the children highest in its
/// kindergarten's queue and lets the lowest go when a higher one asks; a child let go asks its next choice.
/// The result is the same whatever order the children ask in, and it is stable: no child is left without a
/// place, or given a less wanted kindergarten, while a suitable group of a kindergarten it wanted more holds a
/// child lower in that kindergarten's queue.</para>
/// </summary>
public static class AllocationEngine
{
    /// <summary>Full months of age on a date (the day of the month not yet reached does not count).</summary>
    public static int AgeInMonths(DateOnly birth, DateOnly on)
    {
        var months = ((on.Year - birth.Year) * 12) + on.Month - birth.Month;
        return on.Day < birth.Day ? months - 1 : months;
    }

    public static bool Suits(AllocationChild child, AllocationGroup group) =>
        group.AgeFromMonths <= child.AgeMonths && child.AgeMonths < group.AgeToMonths && group.Focus == child.Focus && group.Mode == child.Mode;

    public static AllocationResult Allocate(IReadOnlyList<AllocationChild> children, IReadOnlyList<AllocationGroup> groups)
    {
        var open = groups.Where(g => g.Free > 0).ToArray();
        var byKindergarten = open.Select((g, i) => (Group: g, Index: i))
            .GroupBy(x => x.Group.OrganisationId)
            .ToDictionary(x => x.Key, x => x.OrderBy(y => y.Group.AgeToMonths - y.Group.AgeFromMonths).ThenBy(y => y.Group.GroupId).ToArray());

        // Each child's list of acceptable groups, most wanted first.
        var options = new (int Group, int Rank, int Priority)[children.Count][];
        for (var c = 0; c < children.Count; c++)
        {
            var child = children[c];
            var list = new List<(int, int, int)>();
            foreach (var choice in child.Choices.OrderBy(x => x.Priority))
            {
                if (!byKindergarten.TryGetValue(choice.OrganisationId, out var candidates))
                    continue;
                foreach (var (group, index) in candidates)
                {
                    if (Suits(child, group))
                        list.Add((index, choice.Rank, choice.Priority));
                }
            }

            options[c] = [.. list];
        }

        var held = new PriorityQueue<int, Key>[open.Length];
        for (var g = 0; g < open.Length; g++)
            held[g] = new PriorityQueue<int, Key>(WorstFirst.Instance);
        var next = new int[children.Count];
        var assigned = new int[children.Count];
        Array.Fill(assigned, -1);
        var asking = new Stack<int>(Enumerable.Range(0, children.Count).Reverse());
        while (asking.TryPop(out var c))
        {
            while (next[c] < options[c].Length)
            {
                var option = next[c]++;
                var (g, rank, _) = options[c][option];
                var key = new Key(rank, children[c].RegisteredAt.Ticks, children[c].ApplicationId);
                var queue = held[g];
                if (queue.Count < open[g].Free)
                {
                    queue.Enqueue(c, key);
                    assigned[c] = option;
                    break;
                }

                queue.TryPeek(out var worst, out var worstKey);
                if (Key.Compare(key, worstKey) < 0)
                {
                    queue.DequeueEnqueue(c, key);
                    assigned[c] = option;
                    assigned[worst] = -1;
                    asking.Push(worst);
                    break;
                }
            }
        }

        var placements = new List<AllocationPlacement>();
        var unplaced = new List<int>();
        for (var c = 0; c < children.Count; c++)
        {
            if (assigned[c] < 0)
            {
                unplaced.Add(children[c].ApplicationId);
                continue;
            }

            var (g, _, priority) = options[c][assigned[c]];
            placements.Add(new AllocationPlacement(children[c].ApplicationId, open[g].OrganisationId, open[g].GroupId, priority));
        }

        placements.Sort((a, b) => a.ApplicationId.CompareTo(b.ApplicationId));
        unplaced.Sort();
        return new AllocationResult(placements, unplaced, HashOf(placements));
    }

    /// <summary>Identifies a result: the same children in the same groups give the same hash.</summary>
    public static string HashOf(IEnumerable<AllocationPlacement> placements)
    {
        var text = new StringBuilder();
        foreach (var p in placements.OrderBy(p => p.ApplicationId))
            text.Append(CultureInfo.InvariantCulture, $"{p.ApplicationId}:{p.GroupId};");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32];
    }

    /// <summary>A place in a kindergarten's queue: smaller is served first (QueueOrder.Compare).</summary>
    private readonly record struct Key(int Rank, long RegisteredTicks, int ApplicationId)
    {
        public static int Compare(Key a, Key b) =>
            a.Rank != b.Rank ? a.Rank.CompareTo(b.Rank)
            : a.RegisteredTicks != b.RegisteredTicks ? a.RegisteredTicks.CompareTo(b.RegisteredTicks)
            : a.ApplicationId.CompareTo(b.ApplicationId);
    }

    private sealed class WorstFirst : IComparer<Key>
    {
        public static readonly WorstFirst Instance = new();

        public int Compare(Key x, Key y) => Key.Compare(y, x);
    }
}
