using Kabinet.Web.Features.Diary;

namespace Kabinet.Tests.Diary;

/// <summary>The lessons of a class for a date range, from its weekly timetable, the changes of single dates, the bells and the study periods.</summary>
public sealed class LessonCalendarTests
{
    private const int Class = 7;
    private const int Maths = 1, Russian = 2, English = 3;
    private const int Ivanova = 100, Petrov = 101, Sidorova = 102;

    // A week in the 1st quarter: Monday 19 October 2026 … Saturday 24 October; the autumn holidays 31.10–08.11.
    private static readonly DateOnly Monday = new(2026, 10, 19);
    private static readonly (DateOnly From, DateOnly To)[] Terms = [(new(2026, 9, 1), new(2026, 10, 30)), (new(2026, 11, 9), new(2026, 12, 28))];
    private static readonly DateOnly YearEnd = new(2027, 5, 26);

    private static readonly Bell[] Bells =
    [
        new() { Number = 1, StartsAt = new TimeOnly(8, 0), EndsAt = new TimeOnly(8, 40) },
        new() { Number = 2, StartsAt = new TimeOnly(8, 50), EndsAt = new TimeOnly(9, 30) },
    ];

    private static bool StudyDay(DateOnly day) => Terms.Any(t => t.From <= day && day <= t.To);

    private static TimetableSlot Slot(DayOfWeek day, int number, int subject, int teacher, DateOnly? from = null, DateOnly? to = null, string? room = null) => new()
    {
        ClassGroupId = Class, Day = day, LessonNumber = number, SubjectId = subject, EmployeeId = teacher, Room = room,
        ValidFrom = from ?? new DateOnly(2026, 9, 1), ValidTo = to ?? YearEnd,
    };

    [Fact]
    public void A_week_gives_each_slot_on_its_weekday_with_the_bell_times_in_order()
    {
        var slots = new[] { Slot(DayOfWeek.Wednesday, 2, Russian, Petrov, room: "12"), Slot(DayOfWeek.Monday, 1, Maths, Ivanova), Slot(DayOfWeek.Monday, 2, Russian, Petrov) };

        var lessons = LessonCalendar.Expand(Monday, Monday.AddDays(6), StudyDay, slots, [], Bells);

        Assert.Equal(
            [(Monday, 1, Maths), (Monday, 2, Russian), (Monday.AddDays(2), 2, Russian)],
            lessons.Select(l => (l.Date, l.Number, l.SubjectId)));
        Assert.Equal((new TimeOnly(8, 50), new TimeOnly(9, 30)), (lessons[2].StartsAt, lessons[2].EndsAt));
        Assert.Equal("12", lessons[2].Room);
        Assert.All(lessons, l => Assert.False(l.Replaced || l.Cancelled));
    }

    [Fact]
    public void Holidays_between_periods_and_days_outside_the_year_have_no_lessons()
    {
        var slots = new[] { Slot(DayOfWeek.Monday, 1, Maths, Ivanova) };

        // Mondays 26.10 (study), 02.11 (holidays), 09.11 (study again).
        var lessons = LessonCalendar.Expand(new DateOnly(2026, 10, 26), new DateOnly(2026, 11, 15), StudyDay, slots, [], Bells);

        Assert.Equal([new DateOnly(2026, 10, 26), new DateOnly(2026, 11, 9)], lessons.Select(l => l.Date));
        Assert.Empty(LessonCalendar.Expand(new DateOnly(2026, 8, 24), new DateOnly(2026, 8, 31), StudyDay, slots, [], Bells));
    }

    [Fact]
    public void A_replacement_changes_that_date_only_and_keeps_what_was_planned()
    {
        var slots = new[] { Slot(DayOfWeek.Monday, 1, Maths, Ivanova, room: "21") };
        var change = TimetableChange.Replace(1, Class, Monday, 1, subjectId: null, employeeId: Sidorova, room: null, "болезнь учителя");

        var lessons = LessonCalendar.Expand(Monday, Monday.AddDays(7), StudyDay, slots, [change], Bells);

        var replaced = lessons[0];
        Assert.True(replaced.Replaced);
        Assert.False(replaced.Cancelled);
        Assert.Equal((Maths, Sidorova, "21"), (replaced.SubjectId, replaced.EmployeeId, replaced.Room));
        Assert.Equal((Maths, Ivanova), (replaced.PlannedSubjectId, replaced.PlannedEmployeeId));
        Assert.Equal("болезнь учителя", replaced.ChangeReason);
        Assert.Equal((Ivanova, false), (lessons[1].EmployeeId, lessons[1].Replaced)); // next Monday as planned
    }

    [Fact]
    public void A_replacement_may_change_the_subject_and_the_room()
    {
        var slots = new[] { Slot(DayOfWeek.Monday, 2, Maths, Ivanova, room: "21") };
        var change = TimetableChange.Replace(1, Class, Monday, 2, English, Sidorova, "5", "учитель на курсах");

        var lesson = Assert.Single(LessonCalendar.Expand(Monday, Monday, StudyDay, slots, [change], Bells));

        Assert.Equal((English, Sidorova, "5"), (lesson.SubjectId, lesson.EmployeeId, lesson.Room));
    }

    [Fact]
    public void A_cancelled_lesson_stays_in_the_list_marked_cancelled_with_its_reason()
    {
        var slots = new[] { Slot(DayOfWeek.Monday, 1, Maths, Ivanova), Slot(DayOfWeek.Monday, 2, Russian, Petrov) };
        var change = TimetableChange.Cancel(1, Class, Monday, 2, "карантин");

        var lessons = LessonCalendar.Expand(Monday, Monday, StudyDay, slots, [change], Bells);

        Assert.Equal([false, true], lessons.Select(l => l.Cancelled));
        Assert.Equal("карантин", lessons[1].ChangeReason);
        Assert.Equal(Russian, lessons[1].SubjectId);
    }

    [Fact]
    public void A_change_of_a_date_without_that_lesson_is_ignored()
    {
        var slots = new[] { Slot(DayOfWeek.Monday, 1, Maths, Ivanova) };
        var change = TimetableChange.Cancel(1, Class, Monday, 3, "нет такого урока");

        Assert.False(Assert.Single(LessonCalendar.Expand(Monday, Monday, StudyDay, slots, [change], Bells)).Cancelled);
    }

    [Fact]
    public void A_range_across_a_timetable_change_uses_each_version_on_its_dates()
    {
        // From Thursday 22.10 Monday's first lesson is Russian with Petrov instead of Maths with Ivanova.
        var versionDay = new DateOnly(2026, 10, 22);
        var old = Slot(DayOfWeek.Monday, 1, Maths, Ivanova);
        var (removed, added) = Timetable.Place(new SlotPlacement(Class, DayOfWeek.Monday, 1, Russian, Petrov, null, versionDay, YearEnd), 1, 1, [old]);
        Assert.Empty(removed);
        var slots = new[] { old }.Concat(added).ToList();

        var lessons = LessonCalendar.Expand(Monday, Monday.AddDays(21), StudyDay, slots, [], Bells);

        // 02.11 falls in the autumn holidays.
        Assert.Equal(
            [(Monday, Maths, Ivanova), (Monday.AddDays(7), Russian, Petrov), (Monday.AddDays(21), Russian, Petrov)],
            lessons.Select(l => (l.Date, l.SubjectId, l.EmployeeId)));
        Assert.Equal(versionDay.AddDays(-1), old.ValidTo);
    }

    [Fact]
    public void A_lesson_without_a_bell_has_no_times()
    {
        var lesson = Assert.Single(LessonCalendar.Expand(Monday, Monday, StudyDay, [Slot(DayOfWeek.Monday, 5, Maths, Ivanova)], [], Bells));

        Assert.Null(lesson.StartsAt);
        Assert.Null(lesson.EndsAt);
    }

    [Fact]
    public void An_empty_or_reversed_range_has_no_lessons()
    {
        Assert.Empty(LessonCalendar.Expand(Monday, Monday.AddDays(-1), StudyDay, [Slot(DayOfWeek.Monday, 1, Maths, Ivanova)], [], Bells));
    }
}
