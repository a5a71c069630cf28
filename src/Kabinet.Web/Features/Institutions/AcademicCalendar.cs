namespace Kabinet.Web.Features.Institutions;

/// <summary>
/// The standard calendar a new academic year starts from (ФОП НОО п.172, ред. №704): the year starts on
/// 1 September or the next working day and ends on 26 May or the previous working day; holidays last at
/// least 7 days. Schools adjust their own dates afterwards.
/// </summary>
public static class AcademicCalendar
{
    public static DateOnly SchoolYearStart(int startYear) => NextWorkingDay(new DateOnly(startYear, 9, 1));

    public static DateOnly SchoolYearEnd(int startYear) => WorkingDayOnOrBefore(new DateOnly(startYear + 1, 5, 26));

    /// <summary>Colleges teach until the end of June.</summary>
    public static DateOnly CollegeYearEnd(int startYear) => WorkingDayOnOrBefore(new DateOnly(startYear + 1, 6, 30));

    /// <summary>The periods of a year: consecutive, inside the year, with the holidays between them.</summary>
    public static IReadOnlyList<(DateOnly StartsOn, DateOnly EndsOn)> Periods(int startYear, StudyPeriodKind kind)
    {
        var start = SchoolYearStart(startYear);
        var end = SchoolYearEnd(startYear);

        // Holiday anchors: autumn and spring breaks of 9 days around 25 October / 25 March,
        // winter break from 29 December until the Monday after the New Year holidays (1–8 January).
        var autumnBreak = NearestSaturday(new DateOnly(startYear, 10, 25));
        var winterBreak = new DateOnly(startYear, 12, 29);
        var afterWinter = NextMonday(new DateOnly(startYear + 1, 1, 9));
        var springBreak = NearestSaturday(new DateOnly(startYear + 1, 3, 25));

        return kind switch
        {
            StudyPeriodKind.Quarters =>
            [
                (start, PreviousWorkingDay(autumnBreak)),
                (NextWorkingDay(autumnBreak.AddDays(9)), PreviousWorkingDay(winterBreak)),
                (afterWinter, PreviousWorkingDay(springBreak)),
                (NextWorkingDay(springBreak.AddDays(9)), end),
            ],
            StudyPeriodKind.Trimesters =>
            [
                (start, PreviousWorkingDay(new DateOnly(startYear, 11, 30))),
                (NextWorkingDay(new DateOnly(startYear, 12, 1)), PreviousWorkingDay(new DateOnly(startYear + 1, 2, 28))),
                (NextWorkingDay(new DateOnly(startYear + 1, 3, 1)), end),
            ],
            StudyPeriodKind.Halves =>
            [
                (start, PreviousWorkingDay(winterBreak)),
                (afterWinter, end),
            ],
            StudyPeriodKind.Semesters =>
            [
                (start, PreviousWorkingDay(winterBreak)),
                (afterWinter, CollegeYearEnd(startYear)),
            ],
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }

    /// <summary>The academic year a date belongs to: from September on it is that year's, before it the previous one.</summary>
    public static int StartYearOf(DateOnly day) => day.Month >= 9 ? day.Year : day.Year - 1;

    /// <summary>Weekends and the public holidays of Labour Code art. 112 (yearly transfers of days off are not modelled).</summary>
    public static bool IsDayOff(DateOnly day) =>
        day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday
        || (day.Month, day.Day) is (1, >= 1 and <= 8) or (2, 23) or (3, 8) or (5, 1) or (5, 9) or (6, 12) or (11, 4);

    private static DateOnly NextWorkingDay(DateOnly day)
    {
        while (IsDayOff(day))
            day = day.AddDays(1);
        return day;
    }

    private static DateOnly WorkingDayOnOrBefore(DateOnly day)
    {
        while (IsDayOff(day))
            day = day.AddDays(-1);
        return day;
    }

    /// <summary>The last working day before a day (before a holiday that starts on it).</summary>
    private static DateOnly PreviousWorkingDay(DateOnly day) => WorkingDayOnOrBefore(day.AddDays(-1));

    private static DateOnly NearestSaturday(DateOnly day)
    {
        var offset = ((int)DayOfWeek.Saturday - (int)day.DayOfWeek + 7) % 7;
        return offset <= 3 ? day.AddDays(offset) : day.AddDays(offset - 7);
    }

    private static DateOnly NextMonday(DateOnly day)
    {
        while (day.DayOfWeek != DayOfWeek.Monday)
            day = day.AddDays(1);
        return day;
    }
}
