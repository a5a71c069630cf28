using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace Kabinet.Web.Features.Diary.Family;

/// <summary>
/// A student's week (Monday to Saturday): lessons with topics, homework set and due, marks, attendance and comments.
/// The hot page of the portal: when cached it costs one query — the class lookup with the ownership check and the
/// class's journal version (ADR 10).
/// </summary>
public sealed class WeekModel(FamilyDiary diary, TimeProvider time) : FamilyDiaryPage(diary, time)
{
    private readonly FamilyDiary _diary = diary;

    [BindProperty(SupportsGet = true, Name = "week")]
    public string? WeekAsked { get; set; }

    public DateOnly Monday { get; private set; }

    public ClassWeek Week { get; private set; } = new(default, []);

    public StudentWeek Mine { get; private set; } = new(Array.Empty<WeekMark>().ToLookup(m => m.LessonId), new Dictionary<long, AttendanceCode>(), new Dictionary<long, string>());

    public async Task<IActionResult> OnGetAsync(int personId, CancellationToken ct)
    {
        if (!await OpenAsync(personId, ct))
            return NotFound();
        // A date far from today (0001-01-01, 9999-12-31) is not a week anyone keeps a diary for: it opens this week.
        Monday = DateOnly.TryParseExact(WeekAsked, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asked)
                && Math.Abs(asked.DayNumber - Today.DayNumber) <= 366 * 20
            ? FamilyDiary.MondayOf(asked)
            : FamilyDiary.DefaultMonday(Today);
        if (Student is null)
            return Page();
        Week = await _diary.ClassWeekAsync(Student, Monday, Student.JournalVersion, ct);
        Mine = await _diary.StudentWeekAsync(Student.PersonId, Monday, Student.JournalVersion, ct);
        return Page();
    }

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");

    /// <summary>«30 ноября»</summary>
    public static string DayMonth(DateOnly date) => date.ToString("d MMMM", Russian);
}
