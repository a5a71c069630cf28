using Kabinet.Web.Features.Kindergarten.Allocation;

namespace Kabinet.Tests.Kindergarten;

public sealed class AllocationPeriodTests
{
    [Theory]
    [InlineData("01.04", 401)]
    [InlineData("1.4", 401)]
    [InlineData(" 31.05 ", 531)]
    [InlineData("28.02", 228)]
    public void A_day_is_read_as_dd_mm(string text, int expected)
    {
        Assert.True(AllocationPeriod.TryParseDay(text, out var day));
        Assert.Equal(expected, day);
    }

    [Theory]
    [InlineData("")]
    [InlineData("29.02")] // not every year has it
    [InlineData("31.04")]
    [InlineData("00.01")]
    [InlineData("01.13")]
    [InlineData("1 апреля")]
    [InlineData("01.04.2027")]
    public void Anything_else_is_not_a_day(string text) => Assert.False(AllocationPeriod.TryParseDay(text, out _));

    [Theory]
    [InlineData(401, 531, "2027-03-31", false)]
    [InlineData(401, 531, "2027-04-01", true)]
    [InlineData(401, 531, "2027-05-31", true)]
    [InlineData(401, 531, "2027-06-01", false)]
    [InlineData(1201, 228, "2026-12-31", true)] // over the new year
    [InlineData(1201, 228, "2027-01-15", true)]
    [InlineData(1201, 228, "2027-03-01", false)]
    [InlineData(1201, 228, "2026-11-30", false)]
    public void Contains_counts_both_ends_and_runs_over_the_new_year(int from, int to, string date, bool expected) =>
        Assert.Equal(expected, new AllocationPeriod(from, to).Contains(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(401, 531, "2026-11-29", "2027-04-01", "2027-05-31")] // the next one
    [InlineData(401, 531, "2027-04-10", "2027-04-01", "2027-05-31")] // the running one
    [InlineData(401, 531, "2027-05-31", "2027-04-01", "2027-05-31")]
    [InlineData(1201, 228, "2027-01-10", "2026-12-01", "2027-02-28")] // started last year
    [InlineData(1201, 228, "2027-03-01", "2027-12-01", "2028-02-28")]
    public void The_current_or_next_period_has_real_dates(int from, int to, string today, string start, string end)
    {
        static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal((D(start), D(end)), new AllocationPeriod(from, to).CurrentOrNext(D(today)));
    }

    [Fact]
    public void The_title_is_in_words() => Assert.Equal("с 1 апреля по 31 мая", AllocationPeriod.Default.Title);
}
