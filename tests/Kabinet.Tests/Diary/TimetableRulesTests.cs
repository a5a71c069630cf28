using Kabinet.Web.Common.Errors;
using Kabinet.Web.Features.Diary;

namespace Kabinet.Tests.Diary;

/// <summary>The rules of bells, timetable cells, replacements, subjects and weights.</summary>
public sealed class TimetableRulesTests
{
    private static readonly DateOnly YearStart = new(2026, 9, 1), YearEnd = new(2027, 5, 26);

    private static (TimeOnly, TimeOnly) L(int h1, int m1, int h2, int m2) => (new TimeOnly(h1, m1), new TimeOnly(h2, m2));

    [Fact]
    public void A_bell_schedule_of_increasing_lessons_is_valid()
    {
        Assert.Empty(BellSchedule.Check([L(8, 0, 8, 40), L(8, 50, 9, 30), L(9, 30, 10, 10)]));
        Assert.Equal([1, 2, 3], BellSchedule.Create(5, [L(8, 0, 8, 40), L(8, 50, 9, 30), L(9, 30, 10, 10)]).Select(b => b.Number));
    }

    [Fact]
    public void A_lesson_ending_before_it_starts_or_overlapping_the_previous_is_refused_naming_the_lesson()
    {
        var problems = BellSchedule.Check([L(8, 0, 8, 40), L(8, 30, 9, 10), L(10, 0, 9, 50)]);

        Assert.Equal([(2, "Start"), (3, "End")], problems.Select(p => (p.Number, p.Field)));
        Assert.Contains("Урок 2 начинается раньше, чем заканчивается урок 1", problems[0].Message, StringComparison.Ordinal);
        Assert.Throws<RuleViolationException>(() => BellSchedule.Create(5, [L(8, 0, 8, 0)]));
    }

    [Fact]
    public void A_bell_schedule_has_one_to_ten_lessons()
    {
        Assert.NotEmpty(BellSchedule.Check([]));
        var eleven = Enumerable.Range(0, 11).Select(i => L(8 + i, 0, 8 + i, 40)).ToList();
        Assert.Contains("от 1 до 10", Assert.Single(BellSchedule.Check(eleven)).Message, StringComparison.Ordinal);
        Assert.Empty(BellSchedule.Check(eleven[..10]));
    }

    private static TimetableSlot Existing(int classId, int teacher, DayOfWeek day = DayOfWeek.Monday, int number = 1) => new()
    {
        Id = 1, ClassGroupId = classId, EmployeeId = teacher, SubjectId = 1, Day = day, LessonNumber = number, ValidFrom = YearStart, ValidTo = YearEnd,
    };

    private static TimetableProblem? Check(SlotPlacement lesson, bool replacing, params TimetableSlot[] sameTime) =>
        Timetable.ProblemOf(lesson, YearStart, YearEnd, 7, sameTime, replacing, id => id == 1 ? "5А" : "6Б");

    [Fact]
    public void A_class_cannot_have_two_lessons_in_one_cell_unless_the_new_one_replaces_the_old()
    {
        var lesson = new SlotPlacement(1, DayOfWeek.Monday, 1, 2, 50, null, YearStart, YearEnd);

        var problem = Check(lesson, replacing: false, Existing(1, 40));

        Assert.Equal("LessonNumber", problem?.Field);
        Assert.Contains("уже есть урок", problem!.Message, StringComparison.Ordinal);
        Assert.Null(Check(lesson, replacing: true, Existing(1, 40)));
    }

    [Fact]
    public void A_teacher_cannot_teach_two_classes_at_once_but_may_at_another_time_or_after_the_other_slot_ends()
    {
        var lesson = new SlotPlacement(1, DayOfWeek.Monday, 1, 2, 40, null, YearStart, YearEnd);

        var problem = Check(lesson, replacing: false, Existing(2, 40));
        Assert.Equal("Teacher", problem?.Field);
        Assert.Contains("6Б", problem!.Message, StringComparison.Ordinal);

        Assert.Null(Check(lesson, false, Existing(2, 40, number: 2)));
        Assert.Null(Check(lesson, false, Existing(2, 40, DayOfWeek.Tuesday)));
        var ended = Existing(2, 40);
        ended.ValidTo = YearStart.AddDays(30);
        Assert.Null(Check(lesson with { From = YearStart.AddDays(31) }, false, ended));
    }

    [Theory]
    [InlineData(DayOfWeek.Sunday, 1, "Day")]
    [InlineData(DayOfWeek.Monday, 0, "LessonNumber")]
    [InlineData(DayOfWeek.Monday, 8, "LessonNumber")]
    public void Lessons_are_Monday_to_Saturday_and_numbered_by_the_bells(DayOfWeek day, int number, string field)
    {
        Assert.Equal(field, Check(new SlotPlacement(1, day, number, 1, 1, null, YearStart, YearEnd), false)?.Field);
    }

    [Fact]
    public void A_timetable_lies_inside_the_academic_year()
    {
        Assert.Equal("ValidFrom", Check(new SlotPlacement(1, DayOfWeek.Monday, 1, 1, 1, null, YearStart.AddDays(-1), YearEnd), false)?.Field);
        Assert.Equal("ValidFrom", Check(new SlotPlacement(1, DayOfWeek.Monday, 1, 1, 1, null, YearStart, YearEnd.AddDays(1)), false)?.Field);
        Assert.Equal("ValidTo", Check(new SlotPlacement(1, DayOfWeek.Monday, 1, 1, 1, null, YearEnd, YearStart), false)?.Field);
    }

    [Fact]
    public void Placing_a_lesson_in_the_middle_of_a_slot_splits_it()
    {
        var old = Existing(1, 40);
        var from = new DateOnly(2026, 11, 9);
        var to = new DateOnly(2026, 11, 30);

        var (removed, added) = Timetable.Place(new SlotPlacement(1, DayOfWeek.Monday, 1, 2, 41, "3", from, to), 9, 3, [old]);

        Assert.Empty(removed);
        Assert.Equal((YearStart, from.AddDays(-1)), (old.ValidFrom, old.ValidTo));
        Assert.Equal([(to.AddDays(1), YearEnd, 40), (from, to, 41)], added.Select(s => (s.ValidFrom, s.ValidTo, s.EmployeeId)));
        Assert.Equal((9, 3, "3"), (added[1].OrganisationId, added[1].AcademicYearId, added[1].Room));
    }

    [Fact]
    public void Placing_over_a_whole_slot_removes_it()
    {
        var old = Existing(1, 40);
        var (removed, _) = Timetable.Place(new SlotPlacement(1, DayOfWeek.Monday, 1, 2, 41, null, YearStart, YearEnd), 9, 3, [old]);
        Assert.Same(old, Assert.Single(removed));
    }

    [Theory]
    [InlineData("Пн", DayOfWeek.Monday)]
    [InlineData("суббота", DayOfWeek.Saturday)]
    [InlineData("ВТ.", DayOfWeek.Tuesday)]
    [InlineData("3", DayOfWeek.Wednesday)]
    [InlineData("Вс", null)]
    [InlineData("7", null)]
    [InlineData("", null)]
    public void Weekdays_are_read_as_people_write_them(string text, DayOfWeek? expected)
    {
        Assert.Equal(expected, Timetable.ParseDay(text));
    }

    [Fact]
    public void A_replacement_must_change_something_and_have_a_reason()
    {
        var date = new DateOnly(2026, 10, 19);
        Assert.Throws<RuleViolationException>(() => TimetableChange.Replace(1, 1, date, 1, null, null, " ", "болезнь"));
        Assert.Throws<RuleViolationException>(() => TimetableChange.Replace(1, 1, date, 1, null, 5, null, " "));
        Assert.Throws<RuleViolationException>(() => TimetableChange.Cancel(1, 1, date, 1, new string('я', 301)));
        Assert.Equal(ChangeKind.Cancellation, TimetableChange.Cancel(1, 1, date, 1, " карантин ").Kind);
    }

    [Fact]
    public void Weights_are_one_to_ten_and_a_school_starts_with_the_usual_kinds()
    {
        var kinds = WorkKind.Defaults(3);
        Assert.Equal(3, kinds.Single(k => k.Name == "Контрольная работа").Weight);
        Assert.Equal(1, kinds.Single(k => k.Name == "Ответ на уроке").Weight);
        Assert.All(kinds, k => Assert.Equal(3, k.OrganisationId));
        Assert.Throws<RuleViolationException>(() => kinds[0].SetWeight(0));
        Assert.Throws<RuleViolationException>(() => kinds[0].SetWeight(11));
        kinds[0].SetWeight(10);
        Assert.Equal(10, kinds[0].Weight);
    }

    [Fact]
    public void Subject_names_compare_without_case_spaces_or_yo()
    {
        Assert.Equal(Subject.Key("Русский  язык"), Subject.Key(" русский язык"));
        Assert.Equal(Subject.Key("Естествознание"), Subject.Key("ЕСТЕСТВОЗНАНИЕ"));
        Assert.Equal(Subject.Key("Физ. культура (ёлка)"), Subject.Key("физ. культура (елка)"));
        Assert.Equal("Математика", Subject.Create(1, " Математика ", null, ResultKind.Marks).ShortName);
        Assert.NotNull(Subject.NameProblem(" "));
    }
}
