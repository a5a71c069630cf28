using System.Security.Claims;
using Kabinet.Web.Common.Time;

namespace Kabinet.Web.Features.Diary;

/// <summary>A student's day for the «Услуги» page: today's lessons, the latest marks and the homework due tomorrow.</summary>
public sealed record DiaryToday(
    int PersonId, string Name, string School, string ClassTitle, DateOnly Today, DateOnly Tomorrow,
    IReadOnlyList<DiaryTodayLesson> Lessons, IReadOnlyList<DiaryRecentMark> Marks, IReadOnlyList<DiaryDueHomework> DueTomorrow)
{
    /// <summary>The diary's week page of a date.</summary>
    public string WeekLink(DateOnly date) => $"/diary/{PersonId}?week={date:yyyy-MM-dd}";
}

/// <summary>A lesson of today: «1», «08:00–08:40», «Математика», and «отменён» / «замена» when so.</summary>
public sealed record DiaryTodayLesson(int Number, string Time, string Subject, string? Note);

/// <summary>A recent mark: its date, subject, the cell («5», «зч», «отл») and the full words.</summary>
public sealed record DiaryRecentMark(DateOnly Date, string Subject, string Mark, string Title);

/// <summary>Homework due: the subject and the first words of the task.</summary>
public sealed record DiaryDueHomework(string Subject, string Text);

public sealed partial class DiaryDirectory
{
    public const int LatestMarks = 5;

    /// <summary>For each child of the viewer (or the viewer as a student) in a class now, their day in the diary.</summary>
    public async Task<IReadOnlyList<DiaryToday>> TodayAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var today = time.Today();
        var tomorrow = today.AddDays(1);
        var students = await diary.StudentsOfAsync(user, today, ct);
        var days = new List<DiaryToday>();
        foreach (var student in students)
        {
            var version = student.JournalVersion;
            var week = await diary.ClassWeekAsync(student, Family.FamilyDiary.MondayOf(today), version, ct);
            var next = Family.FamilyDiary.MondayOf(tomorrow) == week.Monday ? week : await diary.ClassWeekAsync(student, Family.FamilyDiary.MondayOf(tomorrow), version, ct);
            var lessons = week.Days.FirstOrDefault(d => d.Date == today)?.Lessons ?? [];
            var due = next.Days.FirstOrDefault(d => d.Date == tomorrow)?.Due ?? [];
            var marks = await diary.LatestMarksAsync(student.PersonId, LatestMarks, ct);
            days.Add(new DiaryToday(student.PersonId, student.Name, student.School, student.ClassTitle, today, tomorrow,
                [.. lessons.Select(l => new DiaryTodayLesson(l.Number, l.Time, l.Subject, l.Cancelled ? "отменён" : l.Replaced ? "замена" : null))],
                [.. marks.Select(m => new DiaryRecentMark(m.Date, m.Subject, m.Value.Cell(student.College), m.Value.Title(student.College)))],
                [.. due.Select(h => new DiaryDueHomework(h.Subject, h.Plain))]));
        }

        return days;
    }
}
