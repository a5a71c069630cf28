namespace Kabinet.Web.Features.Diary;

/// <summary>
/// A lesson of a class on a date as the timetable and its changes make it: what the journal and the diary show.
/// <see cref="PlannedSubjectId"/> and <see cref="PlannedEmployeeId"/> are what the timetable had before a replacement.
/// </summary>
public sealed record PlannedLesson(
    DateOnly Date, int Number, TimeOnly? StartsAt, TimeOnly? EndsAt, int SubjectId, int EmployeeId, string? Room,
    bool Replaced, bool Cancelled, string? ChangeReason, int PlannedSubjectId, int PlannedEmployeeId);

/// <summary>Expands a weekly timetable and its changes into the lessons of each day.</summary>
public static class LessonCalendar
{
    /// <summary>The Monday of the week a date is in (the diary's and the timetable's weeks start on Monday).</summary>
    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>
    /// The lessons from..to (inclusive) in date and number order. Days that are not study days (holidays between
    /// study periods, days outside the year) have none; a slot counts on the dates it is valid; a change of a date
    /// replaces or cancels that day's lesson of that number (a change without a lesson that day is ignored).
    /// </summary>
    public static IReadOnlyList<PlannedLesson> Expand(DateOnly from, DateOnly to, Func<DateOnly, bool> isStudyDay,
        IEnumerable<TimetableSlot> slots, IEnumerable<TimetableChange> changes, IEnumerable<Bell> bells)
    {
        var lessons = new List<PlannedLesson>();
        if (to < from)
            return lessons;
        var byDay = slots.Where(s => s.ValidFrom <= to && s.ValidTo >= from).GroupBy(s => s.Day).ToDictionary(g => g.Key, g => g.OrderBy(s => s.LessonNumber).ToList());
        var changed = changes.Where(c => c.Date >= from && c.Date <= to).ToDictionary(c => (c.Date, c.LessonNumber));
        var times = bells.ToDictionary(b => b.Number);
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            if (!byDay.TryGetValue(date.DayOfWeek, out var daySlots) || !isStudyDay(date))
                continue;
            foreach (var slot in daySlots)
            {
                if (!slot.IsOn(date))
                    continue;
                times.TryGetValue(slot.LessonNumber, out var bell);
                var lesson = new PlannedLesson(date, slot.LessonNumber, bell?.StartsAt, bell?.EndsAt, slot.SubjectId, slot.EmployeeId, slot.Room,
                    Replaced: false, Cancelled: false, ChangeReason: null, slot.SubjectId, slot.EmployeeId);
                if (changed.TryGetValue((date, slot.LessonNumber), out var change))
                {
                    lesson = change.Kind == ChangeKind.Cancellation
                        ? lesson with { Cancelled = true, ChangeReason = change.Reason }
                        : lesson with
                        {
                            Replaced = true, ChangeReason = change.Reason, SubjectId = change.SubjectId ?? slot.SubjectId,
                            EmployeeId = change.EmployeeId ?? slot.EmployeeId, Room = change.Room ?? slot.Room,
                        };
                }

                lessons.Add(lesson);
            }
        }

        return lessons;
    }
}
