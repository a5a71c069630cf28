using Kabinet.Web.Features.Institutions;
using Kabinet.Web.Features.Kindergarten.Allocation;

namespace Kabinet.Tests.Kindergarten;

/// <summary>The allocation engine on a few hundred random municipalities: fair to every kindergarten's queue, never over capacity, deterministic.</summary>
public sealed class AllocationEngineTests
{
    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var seed = 1; seed <= 300; seed++)
            data.Add(seed);
        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_random_scenario_is_fair_within_capacity_and_deterministic(int seed)
    {
        var (children, groups) = Scenario(new Random(seed));

        var result = AllocationEngine.Allocate(children, groups);

        var byId = children.ToDictionary(c => c.ApplicationId);
        var groupOf = groups.ToDictionary(g => g.GroupId);
        var placed = result.Placements.ToDictionary(p => p.ApplicationId);
        Assert.Equal(children.Count, placed.Count + result.Unplaced.Count);

        // Never over capacity; only suitable groups of chosen kindergartens.
        foreach (var g in result.Placements.GroupBy(p => p.GroupId))
            Assert.True(g.Count() <= groupOf[g.Key].Free, $"group {g.Key} over capacity");
        foreach (var p in result.Placements)
        {
            var child = byId[p.ApplicationId];
            Assert.True(AllocationEngine.Suits(child, groupOf[p.GroupId]));
            Assert.Contains(child.Choices, c => c.OrganisationId == p.OrganisationId && c.Priority == p.Priority);
        }

        // Nobody higher in a kindergarten's queue who wanted it more than what they got (or got nothing) loses a suitable group to someone lower.
        foreach (var taken in result.Placements)
        {
            var holder = byId[taken.ApplicationId];
            var group = groupOf[taken.GroupId];
            var holderRank = holder.Choices.First(c => c.OrganisationId == taken.OrganisationId).Rank;
            foreach (var other in children)
            {
                if (other.ApplicationId == holder.ApplicationId || !AllocationEngine.Suits(other, group))
                    continue;
                if (other.Choices.FirstOrDefault(c => c.OrganisationId == taken.OrganisationId) is not { OrganisationId: > 0 } wanted)
                    continue;
                var otherGot = placed.TryGetValue(other.ApplicationId, out var got) ? got.Priority : int.MaxValue;
                if (wanted.Priority >= otherGot)
                    continue; // already has this kindergarten or one wanted more
                var higher = (wanted.Rank, other.RegisteredAt, other.ApplicationId).CompareTo((holderRank, holder.RegisteredAt, holder.ApplicationId)) < 0;
                Assert.False(higher, $"seed {seed}: application {other.ApplicationId} is ahead of {holder.ApplicationId} in kindergarten {taken.OrganisationId} but lost group {taken.GroupId} to it");
            }
        }

        // The same input in another order gives the same result.
        var shuffled = children.OrderBy(_ => Random.Shared.Next()).ToList();
        var again = AllocationEngine.Allocate(shuffled, [.. groups.OrderBy(_ => Random.Shared.Next())]);
        Assert.Equal(result.Hash, again.Hash);
        Assert.Equal(result.Placements, again.Placements);
    }

    [Fact]
    public void A_child_higher_in_one_kindergartens_queue_through_a_sibling_is_served_first_there()
    {
        var registered = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var groups = new[] { new AllocationGroup(10, 1, 24, 48, GroupFocus.General, DailyMode.Full, 1) };
        var early = new AllocationChild(1, registered, 36, GroupFocus.General, DailyMode.Full, [new AllocationChoice(1, 1, 6)]);
        var sibling = new AllocationChild(2, registered.AddYears(1), 36, GroupFocus.General, DailyMode.Full, [new AllocationChoice(1, 1, 5)]);
        var wrongMode = new AllocationChild(3, registered.AddYears(-1), 36, GroupFocus.General, DailyMode.ShortStay, [new AllocationChoice(1, 1, 1)]);

        var result = AllocationEngine.Allocate([early, sibling, wrongMode], groups);

        Assert.Equal([2], result.Placements.Select(p => p.ApplicationId));
        Assert.Equal([1, 3], result.Unplaced);
    }

    [Theory]
    [InlineData("2023-09-01", "2026-09-01", 36)]
    [InlineData("2023-09-02", "2026-09-01", 35)]
    [InlineData("2024-03-31", "2026-09-01", 29)]
    public void Age_is_in_full_months(string born, string on, int months) =>
        Assert.Equal(months, AllocationEngine.AgeInMonths(DateOnly.Parse(born, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture)));

    private static (List<AllocationChild> Children, List<AllocationGroup> Groups) Scenario(Random random)
    {
        var kindergartens = random.Next(1, 6);
        var groups = new List<AllocationGroup>();
        var groupId = 100;
        for (var k = 1; k <= kindergartens; k++)
        {
            for (var n = random.Next(1, 5); n > 0; n--)
            {
                var from = random.Next(0, 6) * 12;
                groups.Add(new AllocationGroup(groupId++, k, from, from + (random.Next(1, 3) * 12), Pick<GroupFocus>(random, 2), Pick<DailyMode>(random, 2), random.Next(0, 4)));
            }
        }

        var children = new List<AllocationChild>();
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var id = 1; id <= random.Next(0, 40); id++)
        {
            var chosen = Enumerable.Range(1, kindergartens).OrderBy(_ => random.Next()).Take(random.Next(1, Math.Min(kindergartens, 5) + 1)).ToList();
            var benefit = random.Next(6); // rank without sibling: 2, 4, 5 or 6
            var baseRank = benefit switch { 0 => 2, 1 => 4, 2 => 5, _ => 6 };
            var choices = chosen.Select((k, i) => new AllocationChoice(k, i + 1, random.Next(4) == 0 && baseRank is 2 or 4 ? baseRank - 1 : random.Next(5) == 0 && baseRank == 6 ? 5 : baseRank)).ToList();
            // Few distinct registration times: ties are broken by the application number.
            children.Add(new AllocationChild(id, start.AddDays(random.Next(0, 10)), random.Next(0, 84), Pick<GroupFocus>(random, 2), Pick<DailyMode>(random, 2), choices));
        }

        return (children, groups);
    }

    /// <summary>One of the first few values, so that groups and children often match.</summary>
    private static T Pick<T>(Random random, int among) where T : struct, Enum => Enum.GetValues<T>()[random.Next(among)];
}
