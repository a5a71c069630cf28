using System.Security.Cryptography;
using System.Text;
using Kabinet.Web.Data.Seed;
using Kabinet.Web.Features.Diary;
using Kabinet.Web.Features.Institutions;

namespace Kabinet.Tests.Data;

/// <summary>The region's generated diary (issue 5's benchmark data), checked on the demo-sized region so that it stays fast.</summary>
public sealed class RegionDiaryTests
{
    // A Friday in the second quarter: the first quarter has ended (period marks), the second is under way.
    private static readonly DateOnly Today = new(2026, 11, 20);

    private sealed record Generated(GeneratedRegion Region, RegionGenerator Generator, List<DiaryBatch> Batches)
    {
        public IEnumerable<T> All<T>(Func<DiaryBatch, List<T>> rows) => Batches.SelectMany(rows);
    }

    private static Generated Generate(int seed, RegionDiaryOptions options)
    {
        var generator = new RegionGenerator(SeedScale.Demo, seed, 2026);
        var region = generator.Generate();
        return new Generated(region, generator, [.. generator.Diary(Today, options)]);
    }

    private static readonly Lazy<Generated> Full = new(() => Generate(42, RegionDiaryOptions.Full));

    [Fact]
    public void The_same_seed_and_day_give_the_same_journal_and_a_school_does_not_depend_on_which_others_were_generated()
    {
        var sample = new RegionDiaryOptions(JournalEvery: 9);
        var first = Generate(42, sample);
        var again = Generate(42, sample);
        var other = Generate(43, sample);

        Assert.Equal(Fingerprint(first, _ => true), Fingerprint(again, _ => true));
        Assert.NotEqual(Fingerprint(first, _ => true), Fingerprint(other, _ => true));

        // The journal of a sampled school, by content (ids differ), is the same as in the full region.
        var schoolId = first.Generator.JournalOrganisations(sample).Skip(2).First();
        Assert.Equal(Journal(first, schoolId), Journal(Full.Value, schoolId));
    }

    [Fact]
    public void Every_class_has_a_five_day_timetable_with_a_grade_appropriate_load_and_its_teachers()
    {
        var g = Full.Value;
        var slots = g.All(b => b.Slots).ToLookup(s => s.ClassGroupId);
        var assignments = g.All(b => b.Assignments).ToLookup(a => a.ClassGroupId);
        var staff = g.Region.Employees.ToDictionary(e => e.Id);
        var classes = g.Region.ClassGroups.Where(c => g.Region.Organisations[c.OrganisationId - 1].Kind is OrganisationKind.School or OrganisationKind.College).ToList();

        Assert.All(classes, c =>
        {
            var days = slots[c.Id].GroupBy(s => s.Day).ToList();
            Assert.Equal(5, days.Count);
            Assert.All(days, d => Assert.InRange(d.Count(), 4, 7));
            Assert.All(days, d => Assert.Equal(Enumerable.Range(1, d.Count()), d.Select(s => s.LessonNumber).Order()));
            Assert.All(slots[c.Id], s => Assert.Contains(assignments[c.Id], a => a.SubjectId == s.SubjectId && a.EmployeeId == s.EmployeeId));
            Assert.All(assignments[c.Id], a => Assert.Equal(c.OrganisationId, staff[a.EmployeeId].OrganisationId));
            Assert.Contains(assignments[c.Id], a => a.EmployeeId == c.ClassTeacherId);
        });
        Assert.True(slots.Where(s => classes.First(c => c.Id == s.Key).Grade == 1).All(s => s.Count() <= 21), "the 1st grade has at most 21 lessons a week");

        // The demo teacher teaches Russian and literature in 5А, as in the demo data.
        var fifth = g.Region.ClassGroups.First(c => c.OrganisationId == g.Region.Cast.GymnasiumId && c.Name == "5А");
        var subjects = g.All(b => b.Subjects).ToDictionary(s => s.Id, s => s.Name);
        var taught = assignments[fifth.Id].Where(a => staff[a.EmployeeId].PersonId == g.Region.Cast.TeacherPersonId).Select(a => subjects[a.SubjectId]);
        Assert.Equal(["Литература", "Русский язык"], taught.Order());
    }

    [Fact]
    public void Lessons_are_the_timetable_on_study_days_up_to_today_with_homework_due_at_the_next_lesson()
    {
        var g = Full.Value;
        var periods = g.Region.StudyPeriods.ToLookup(p => p.AcademicYearId);
        var classes = g.Region.ClassGroups.ToDictionary(c => c.Id);
        var slots = g.All(b => b.Slots).ToLookup(s => s.ClassGroupId);
        var lessons = g.All(b => b.Lessons).ToList();

        Assert.All(lessons, l =>
        {
            Assert.InRange(l.Date, new DateOnly(2026, 9, 1), Today);
            Assert.False(AcademicCalendar.IsDayOff(l.Date), $"a lesson on {l.Date}");
            Assert.Contains(periods[l.AcademicYearId], p => p.StartsOn <= l.Date && l.Date <= p.EndsOn);
            Assert.False(string.IsNullOrEmpty(l.Topic));
        });
        var byClass = lessons.ToLookup(l => l.ClassGroupId);
        foreach (var cls in g.Region.ClassGroups.Where(c => slots[c.Id].Any()))
        {
            // As many lessons as the timetable has on the study days (weekdays inside a period, not a public holiday) up to today.
            var studyDays = new List<DateOnly>();
            for (var d = new DateOnly(2026, 9, 1); d <= Today; d = d.AddDays(1))
            {
                if (!AcademicCalendar.IsDayOff(d) && periods[cls.AcademicYearId].Any(p => p.StartsOn <= d && d <= p.EndsOn))
                    studyDays.Add(d);
            }

            Assert.Equal(studyDays.Sum(d => slots[cls.Id].Count(s => s.Day == d.DayOfWeek)), byClass[cls.Id].Count());
            Assert.InRange(studyDays.Count, 50, 60); // 1 September – 20 November less the autumn holidays and 4 November
        }

        var byId = lessons.ToDictionary(l => l.Id);
        var homework = g.All(b => b.Homework).ToList();
        Assert.InRange(homework.Count, lessons.Count / 2, lessons.Count * 9 / 10);
        Assert.All(homework, h =>
        {
            Assert.True(h.DueOn > h.SetOn);
            Assert.True(classes[h.ClassGroupId].Grade > 1 || g.Region.Organisations[classes[h.ClassGroupId].OrganisationId - 1].Kind == OrganisationKind.College);
            Assert.Contains(slots[h.ClassGroupId], s => s.Day == h.DueOn.DayOfWeek && s.SubjectId == byId[h.LessonId].SubjectId);
        });
    }

    [Fact]
    public void Marks_fit_the_subject_lean_to_four_and_five_and_the_first_grade_has_none()
    {
        var g = Full.Value;
        var subjects = g.All(b => b.Subjects).ToDictionary(s => s.Id);
        var classes = g.Region.ClassGroups.ToDictionary(c => c.Id);
        var students = g.Region.ClassMemberships.ToLookup(m => m.ClassGroupId, m => m.PersonId);
        var marks = g.All(b => b.Marks).ToList();
        var lessons = g.All(b => b.Lessons).ToDictionary(l => l.Id);

        Assert.All(marks, m =>
        {
            Assert.True(m.Value.Fits(subjects[m.SubjectId].ResultKind), $"{m.Value} in {subjects[m.SubjectId].Name}");
            Assert.True(classes[m.ClassGroupId].Grade > 1 || g.Region.Organisations[classes[m.ClassGroupId].OrganisationId - 1].Kind == OrganisationKind.College);
            Assert.Contains(m.StudentPersonId, students[m.ClassGroupId]);
            Assert.Equal((lessons[m.LessonId].Date, lessons[m.LessonId].SubjectId), (m.Date, m.SubjectId));
        });
        var numeric = marks.Where(m => m.Value.Points() is not null).ToList();
        Assert.True(numeric.Count(m => m.Value >= MarkValue.Four) > numeric.Count * 0.6, "mostly fours and fives");
        Assert.Contains(marks, m => m.Value == MarkValue.Two);
        Assert.Contains(marks, m => m.Value == MarkValue.Pass);
        var perLesson = marks.GroupBy(m => m.LessonId).Select(l => l.Count()).Order().ToList();
        Assert.InRange(perLesson[perLesson.Count / 2], 3, 6);

        // Every mark has its history: given (no old value), and the few corrections old → new with a reason.
        var changes = g.All(b => b.MarkChanges).ToLookup(c => c.MarkId);
        Assert.All(marks, m => Assert.Null(changes[m.Id].First().OldValue));
        Assert.All(marks.Where(m => m.ChangedAt is not null), m => Assert.Equal(m.Value, changes[m.Id].Last().NewValue));
        Assert.Contains(marks, m => m.ChangedAt is not null);
    }

    [Fact]
    public void Absences_are_a_few_percent_mostly_illness_and_period_marks_round_the_weighted_average()
    {
        var g = Full.Value;
        var lessons = g.All(b => b.Lessons).ToList();
        var sizes = g.Region.ClassMemberships.GroupBy(m => m.ClassGroupId).ToDictionary(c => c.Key, c => c.Count());
        var pairs = lessons.Sum(l => (long)sizes[l.ClassGroupId]);
        var attendance = g.All(b => b.Attendance).ToList();
        Assert.InRange(attendance.Count / (double)pairs, 0.02, 0.06);
        Assert.True(attendance.Count(a => a.Code is AttendanceCode.Ill or AttendanceCode.Excused or AttendanceCode.Absent) > attendance.Count * 0.8);
        Assert.NotEmpty(g.All(b => b.Comments));

        // The first quarter has ended: its marks are the rounded weighted averages of the quarter's marks.
        var quarter = g.Region.StudyPeriods.First(p => p.Kind == StudyPeriodKind.Quarters && p.Number == 1);
        var quarterSchools = g.Region.AcademicYears.Where(y => y.PeriodKind == StudyPeriodKind.Quarters).Select(y => y.Id).ToHashSet();
        var periodMarks = g.All(b => b.PeriodMarks).ToList();
        // Trimesters, halves and semesters are still under way on 20 November.
        Assert.All(periodMarks, p => Assert.Equal(1, p.PeriodNumber));
        Assert.All(periodMarks, p => Assert.Contains(p.AcademicYearId, quarterSchools));
        var marks = g.All(b => b.Marks).Where(m => m.Date <= quarter.EndsOn).ToLookup(m => (m.StudentPersonId, m.SubjectId));
        var sample = periodMarks.Where(p => p.Value.Points() is not null).Take(500).ToList();
        Assert.NotEmpty(sample);
        Assert.All(sample, p => Assert.Equal((int)p.Value, MarkAverages.Summarise(marks[(p.StudentPersonId, p.SubjectId)].Select(m => (m.Value, m.Weight))).Suggested));
    }

    private static string Fingerprint(Generated g, Func<int, bool> organisation)
    {
        var text = new StringBuilder();
        foreach (var l in g.All(b => b.Lessons).Where(l => organisation(l.OrganisationId)))
            text.Append(l.Id).Append(l.ClassGroupId).Append(l.Date).Append(l.Number).Append(l.SubjectId).Append(l.EmployeeId).Append(l.Topic).Append('|');
        foreach (var m in g.All(b => b.Marks))
            text.Append(m.LessonId).Append(m.StudentPersonId).Append(m.Value).Append(m.WorkKindId).Append('|');
        foreach (var a in g.All(b => b.Attendance))
            text.Append(a.LessonId).Append(a.StudentPersonId).Append(a.Code).Append('|');
        foreach (var h in g.All(b => b.Homework))
            text.Append(h.LessonId).Append(h.Text).Append(h.DueOn).Append('|');
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    // One school's journal by content: lessons with their marks and absences, without the generated ids.
    private static string Journal(Generated g, int organisationId)
    {
        var lessons = g.All(b => b.Lessons).Where(l => l.OrganisationId == organisationId).ToList();
        var ids = lessons.Select(l => l.Id).ToHashSet();
        var subjects = g.All(b => b.Subjects).ToDictionary(s => s.Id, s => s.Name);
        var marks = g.All(b => b.Marks).Where(m => ids.Contains(m.LessonId)).ToLookup(m => m.LessonId);
        var away = g.All(b => b.Attendance).Where(a => ids.Contains(a.LessonId)).ToLookup(a => a.LessonId);
        var text = new StringBuilder();
        foreach (var l in lessons)
        {
            text.Append(l.ClassGroupId).Append(l.Date).Append(l.Number).Append(subjects[l.SubjectId]).Append(l.EmployeeId).Append(l.Topic).Append(':');
            foreach (var m in marks[l.Id])
                text.Append(m.StudentPersonId).Append(m.Value).Append(',');
            foreach (var a in away[l.Id])
                text.Append(a.StudentPersonId).Append(a.Code).Append(',');
            text.Append('|');
        }

        Assert.NotEmpty(lessons);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
