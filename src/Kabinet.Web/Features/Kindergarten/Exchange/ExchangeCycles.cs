using Kabinet.Web.Features.Institutions;
using Kabinet.Web.Features.Kindergarten.Allocation;

namespace Kabinet.Web.Features.Kindergarten.Exchange;

/// <summary>The child of an announcement as the group rules see it: birth date and the focus and mode of its application.</summary>
public sealed record ExchangeChild(DateOnly BirthDate, GroupFocus Focus, DailyMode Mode);

/// <summary>
/// A place offered: the group and when the child would start in it — 1 September of the holder's admission year
/// for a referral, any day (<see cref="DateOnly.MinValue"/>) for a child already enrolled.
/// </summary>
public sealed record ExchangePlace(int OrganisationId, int GroupId, int AgeFromMonths, int AgeToMonths, GroupFocus Focus, DailyMode Mode, DateOnly Starts)
{
    public static ExchangePlace Of(KindergartenGroupPlaces group, DateOnly starts) =>
        new(group.OrganisationId, group.GroupId, group.AgeFromMonths, group.AgeToMonths, group.Focus, group.Mode, starts);
}

/// <summary>An active announcement as the cycle finder sees it.</summary>
public sealed record ExchangeNode(int AnnouncementId, DateTime CreatedAt, ExchangeChild Child, ExchangePlace Place, IReadOnlySet<int> Wanted);

/// <summary>
/// Finds exchange cycles among a municipality's announcements. Pure: the same announcements give the same cycles.
/// The graph has an edge G → R when R's family wants G's kindergarten and R's child suits G's group; a cycle in
/// it is an exchange in giving order (each gives its place to the next). 2-cycles are taken first, then
/// 3-cycles; each announcement is in at most one cycle; announcements are tried in order of publication.
/// </summary>
public static class ExchangeCycles
{
    /// <summary>
    /// The child suits the place by the allocation rule (<see cref="AllocationEngine.Suits"/>: age band, focus, mode),
    /// with the age in full months at the later of today and the day the place starts.
    /// </summary>
    public static bool Fits(ExchangeChild child, ExchangePlace place, DateOnly today)
    {
        var on = place.Starts > today ? place.Starts : today;
        var asChild = new AllocationChild(0, default, AllocationEngine.AgeInMonths(child.BirthDate, on), child.Focus, child.Mode, []);
        var asGroup = new AllocationGroup(place.GroupId, place.OrganisationId, place.AgeFromMonths, place.AgeToMonths, place.Focus, place.Mode, 1);
        return AllocationEngine.Suits(asChild, asGroup);
    }

    /// <summary>The receiver would take the giver's place: it wants that kindergarten and its child suits that group.</summary>
    public static bool Accepts(ExchangeNode receiver, ExchangeNode giver, DateOnly today) =>
        receiver.AnnouncementId != giver.AnnouncementId && receiver.Wanted.Contains(giver.Place.OrganisationId) && Fits(receiver.Child, giver.Place, today);

    /// <summary>Cycles in giving order, skipping those whose <see cref="PlaceExchange.KeyOf"/> is in <paramref name="known"/>.</summary>
    public static IReadOnlyList<IReadOnlyList<int>> Find(IReadOnlyList<ExchangeNode> nodes, DateOnly today, IReadOnlySet<string> known)
    {
        var order = nodes.OrderBy(n => n.CreatedAt).ThenBy(n => n.AnnouncementId).ToArray();
        var gives = new List<int>[order.Length]; // gives[g]: the nodes that would take g's place, in order
        var givesSet = new HashSet<int>[order.Length];
        for (var g = 0; g < order.Length; g++)
        {
            gives[g] = [];
            for (var r = 0; r < order.Length; r++)
            {
                if (Accepts(order[r], order[g], today))
                    gives[g].Add(r);
            }

            givesSet[g] = [.. gives[g]];
        }

        var used = new bool[order.Length];
        var cycles = new List<IReadOnlyList<int>>();
        bool Take(params int[] cycle)
        {
            var ids = cycle.Select(i => order[i].AnnouncementId).ToArray();
            if (known.Contains(PlaceExchange.KeyOf(ids)))
                return false;
            foreach (var i in cycle)
                used[i] = true;
            cycles.Add(ids);
            return true;
        }

        for (var a = 0; a < order.Length; a++)
        {
            if (used[a])
                continue;
            foreach (var b in gives[a])
            {
                if (!used[b] && givesSet[b].Contains(a) && Take(a, b))
                    break;
            }
        }

        for (var a = 0; a < order.Length; a++)
        {
            var found = false;
            foreach (var b in gives[a])
            {
                if (used[a] || found)
                    break;
                if (used[b])
                    continue;
                foreach (var c in gives[b])
                {
                    if (c != a && !used[c] && givesSet[c].Contains(a) && Take(a, b, c))
                    {
                        found = true;
                        break;
                    }
                }
            }
        }

        return cycles;
    }
}
