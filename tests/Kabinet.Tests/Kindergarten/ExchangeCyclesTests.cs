using Kabinet.Web.Features.Institutions;
using Kabinet.Web.Features.Kindergarten.Exchange;

namespace Kabinet.Tests.Kindergarten;

/// <summary>The cycle finder on hand-made announcement graphs: which exchanges Kabinet would propose.</summary>
public sealed class ExchangeCyclesTests
{
    private static readonly DateOnly Today = new(2026, 11, 20);
    private static readonly DateTime Start = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly HashSet<string> Nothing = [];

    /// <summary>An announcement of a 3-year-old in a group «от 2 до 4 лет» of kindergarten <paramref name="kindergarten"/>, wanting <paramref name="wants"/>.</summary>
    private static ExchangeNode Node(int id, int kindergarten, int[] wants, int ageFrom = 24, int ageTo = 48, DateOnly? born = null) =>
        new(id, Start.AddDays(id), new ExchangeChild(born ?? Today.AddYears(-3), GroupFocus.General, DailyMode.Full),
            new ExchangePlace(kindergarten, kindergarten * 10, ageFrom, ageTo, GroupFocus.General, DailyMode.Full, DateOnly.MinValue), wants.ToHashSet());

    [Fact]
    public void Two_families_wanting_each_others_kindergarten_make_a_two_way_exchange()
    {
        var cycles = ExchangeCycles.Find([Node(1, 100, [200]), Node(2, 200, [100])], Today, Nothing);

        Assert.Equal([1, 2], Assert.Single(cycles));
    }

    [Fact]
    public void Three_families_in_a_ring_make_a_three_way_exchange_in_giving_order()
    {
        // 1 wants 2's kindergarten, 2 wants 3's, 3 wants 1's: 2 gives to 1, 1 gives to 3, 3 gives to 2.
        var cycles = ExchangeCycles.Find([Node(1, 100, [200]), Node(2, 200, [300]), Node(3, 300, [100])], Today, Nothing);

        var cycle = Assert.Single(cycles);
        Assert.Equal([1, 3, 2], cycle);
        Assert.Equal("1>3>2", PlaceExchange.KeyOf(cycle));
    }

    [Fact]
    public void No_cycle_no_exchange()
    {
        Assert.Empty(ExchangeCycles.Find([Node(1, 100, [200]), Node(2, 200, [300]), Node(3, 300, [400])], Today, Nothing));
        Assert.Empty(ExchangeCycles.Find([], Today, Nothing));
    }

    [Fact]
    public void A_child_too_young_for_the_group_breaks_the_cycle()
    {
        // Child 2 is one year old; kindergarten 100's group takes children from 2 years (child 1 suits child 2's group).
        var toddler = Node(2, 200, [100], ageFrom: 12, ageTo: 60, born: Today.AddYears(-1));

        Assert.Empty(ExchangeCycles.Find([Node(1, 100, [200]), toddler], Today, Nothing));
        // The age counts at the later of today and the day the place starts: by 1 September 2028 the toddler is old enough.
        var referred = Node(1, 100, [200]);
        referred = referred with { Place = referred.Place with { Starts = new DateOnly(2028, 9, 1) } };
        Assert.Single(ExchangeCycles.Find([referred, toddler], Today, Nothing));
    }

    [Fact]
    public void A_two_way_exchange_is_preferred_to_a_three_way_one()
    {
        // 1→2→3→1 is a ring, but 2 and 3 also want each other: the pair wins and 1 waits.
        var nodes = new[] { Node(1, 100, [200]), Node(2, 200, [300]), Node(3, 300, [100, 200]) };

        var cycle = Assert.Single(ExchangeCycles.Find(nodes, Today, Nothing));

        Assert.Equal([2, 3], cycle.Order());
    }

    [Fact]
    public void Each_announcement_is_in_one_invitation_and_the_earliest_published_go_first()
    {
        // 1 and 2 both want 3's kindergarten and 3 wants either: 1 published first, so 1 and 3 pair; 2 is left.
        var nodes = new[] { Node(3, 300, [100, 200]), Node(2, 200, [300]), Node(1, 100, [300]) };

        var cycles = ExchangeCycles.Find(nodes, Today, Nothing);

        var cycle = Assert.Single(cycles);
        Assert.Equal([1, 3], cycle.Order());
        Assert.Equal(cycles, ExchangeCycles.Find([.. nodes.Reverse()], Today, Nothing)); // the input order does not matter
    }

    [Fact]
    public void A_cycle_proposed_before_is_not_proposed_again()
    {
        var nodes = new[] { Node(1, 100, [200]), Node(2, 200, [100]), Node(3, 300, [100]) };

        var cycles = ExchangeCycles.Find(nodes, Today, new HashSet<string> { "1>2" });

        Assert.Empty(cycles); // 3 wants 1's kindergarten, but nobody wants 3's
    }
}
