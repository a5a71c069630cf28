using Kabinet.Web.Features.Institutions;

namespace Kabinet.Tests.Unit;

public sealed class AcademicCalendarTests
{
    [Theory]
    [InlineData(2026, "2026-09-01", "2027-05-26")] // Tue / Wed: the dates themselves
    [InlineData(2029, "2029-09-03", "2030-05-24")] // 1 Sep is a Saturday → Monday; 26 May is a Sunday → Friday
    [InlineData(2024, "2024-09-02", "2025-05-26")] // 1 Sep 2024 was a Sunday
    public void The_school_year_starts_on_1_September_and_ends_on_26_May_moved_to_working_days(int startYear, string start, string end)
    {
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), AcademicCalendar.SchoolYearStart(startYear));
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), AcademicCalendar.SchoolYearEnd(startYear));
    }

    [Theory]
    [InlineData(StudyPeriodKind.Quarters, 4)]
    [InlineData(StudyPeriodKind.Trimesters, 3)]
    [InlineData(StudyPeriodKind.Halves, 2)]
    [InlineData(StudyPeriodKind.Semesters, 2)]
    public void Periods_follow_each_other_inside_the_year_with_holidays_of_at_least_a_week(StudyPeriodKind kind, int count)
    {
        foreach (var year in Enumerable.Range(2024, 10))
        {
            var periods = AcademicCalendar.Periods(year, kind);

            Assert.Equal(count, periods.Count);
            Assert.Equal(AcademicCalendar.SchoolYearStart(year), periods[0].StartsOn);
            Assert.All(periods, p => Assert.True(p.StartsOn < p.EndsOn));
            for (var i = 1; i < periods.Count; i++)
            {
                Assert.True(periods[i].StartsOn > periods[i - 1].EndsOn);
                if (kind == StudyPeriodKind.Quarters)
                    Assert.True(periods[i].StartsOn.DayNumber - periods[i - 1].EndsOn.DayNumber - 1 >= 7, $"{year}: holiday before period {i + 1} is shorter than 7 days");
            }

            Assert.All(periods, p => Assert.False(p.StartsOn.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday, $"{year} {kind}: a period starts on {p.StartsOn:dddd}"));
        }
    }

    [Theory]
    [InlineData("2026-08-31", 2025)]
    [InlineData("2026-09-01", 2026)]
    [InlineData("2027-01-15", 2026)]
    public void A_day_belongs_to_the_academic_year_that_started_on_the_last_1_September(string day, int startYear) =>
        Assert.Equal(startYear, AcademicCalendar.StartYearOf(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));
}
