namespace Kabinet.Web.Features.Diary;

/// <summary>
/// One cell of a class's weekly timetable: on a weekday, lesson number N is this subject with this teacher (and room),
/// from one date to another inside the academic year. A changed timetable is a new slot from the day of the change;
/// the old one ends the day before, so the past stays as it was.
/// </summary>
public sealed class TimetableSlot
{
    public const int MaxRoomLength = 20;

    public int Id { get; set; }

    public int OrganisationId { get; set; }

    public int AcademicYearId { get; set; }

    public int ClassGroupId { get; set; }

    public DayOfWeek Day { get; set; }

    public int LessonNumber { get; set; }

    public int SubjectId { get; set; }

    public int EmployeeId { get; set; }

    public string? Room { get; set; }

    public DateOnly ValidFrom { get; set; }

    public DateOnly ValidTo { get; set; }

    public bool Overlaps(DateOnly from, DateOnly to) => ValidFrom <= to && from <= ValidTo;

    public bool IsOn(DateOnly date) => date.DayOfWeek == Day && ValidFrom <= date && date <= ValidTo;

    /// <summary>
    /// Takes the dates from..to out of this slot: true when nothing is left of it (the caller deletes it). When the
    /// dates lie strictly inside, this slot keeps the part before them and the part after is returned as a new slot.
    /// </summary>
    public bool Carve(DateOnly from, DateOnly to, out TimetableSlot? after)
    {
        after = null;
        if (!Overlaps(from, to))
            return false;
        if (from <= ValidFrom && ValidTo <= to)
            return true;
        if (ValidFrom < from && to < ValidTo)
        {
            after = new TimetableSlot
            {
                OrganisationId = OrganisationId, AcademicYearId = AcademicYearId, ClassGroupId = ClassGroupId, Day = Day, LessonNumber = LessonNumber,
                SubjectId = SubjectId, EmployeeId = EmployeeId, Room = Room, ValidFrom = to.AddDays(1), ValidTo = ValidTo,
            };
            ValidTo = from.AddDays(-1);
        }
        else if (ValidFrom < from)
        {
            ValidTo = from.AddDays(-1);
        }
        else
        {
            ValidFrom = to.AddDays(1);
        }

        return false;
    }
}

/// <summary>A lesson to put into a class's timetable.</summary>
public sealed record SlotPlacement(int ClassGroupId, DayOfWeek Day, int LessonNumber, int SubjectId, int EmployeeId, string? Room, DateOnly From, DateOnly To);

/// <summary>A broken timetable rule: the form field it belongs to and the Russian message.</summary>
public sealed record TimetableProblem(string Field, string Message);

/// <summary>The rules of a weekly timetable.</summary>
public static class Timetable
{
    /// <summary>Lessons are held Monday to Saturday.</summary>
    public static readonly IReadOnlyList<DayOfWeek> SchoolDays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday];

    public static string DayTitle(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => "понедельник",
        DayOfWeek.Tuesday => "вторник",
        DayOfWeek.Wednesday => "среда",
        DayOfWeek.Thursday => "четверг",
        DayOfWeek.Friday => "пятница",
        DayOfWeek.Saturday => "суббота",
        _ => "воскресенье",
    };

    public static string DayShortTitle(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => "Пн",
        DayOfWeek.Tuesday => "Вт",
        DayOfWeek.Wednesday => "Ср",
        DayOfWeek.Thursday => "Чт",
        DayOfWeek.Friday => "Пт",
        DayOfWeek.Saturday => "Сб",
        _ => "Вс",
    };

    /// <summary>«Пн», «понедельник», «1» (Monday is 1) → the day; null for Sunday or anything else.</summary>
    public static DayOfWeek? ParseDay(string? text)
    {
        var t = text?.Trim().ToLowerInvariant().TrimEnd('.');
        if (string.IsNullOrEmpty(t))
            return null;
        if (int.TryParse(t, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
            return n is >= 1 and <= 6 ? (DayOfWeek)n : null;
        foreach (var day in SchoolDays)
        {
            if (t == DayTitle(day) || string.Equals(t, DayShortTitle(day), StringComparison.OrdinalIgnoreCase))
                return day;
        }

        return null;
    }

    /// <summary>
    /// Why the lesson cannot be placed: outside the year, on a day or number that does not exist, into a cell the class
    /// already has a lesson in (unless <paramref name="replacing"/>), or with a teacher who teaches another class then.
    /// <paramref name="sameTime"/> are the organisation's slots on that weekday and lesson number that overlap the dates.
    /// </summary>
    public static TimetableProblem? ProblemOf(SlotPlacement lesson, DateOnly yearStart, DateOnly yearEnd, int lessonsPerDay,
        IEnumerable<TimetableSlot> sameTime, bool replacing, Func<int, string> className)
    {
        if (!SchoolDays.Contains(lesson.Day))
            return new TimetableProblem("Day", "Уроки бывают с понедельника по субботу.");
        if (lesson.LessonNumber < 1 || lesson.LessonNumber > lessonsPerDay)
            return new TimetableProblem("LessonNumber", lessonsPerDay == 0
                ? "Сначала заполните расписание звонков."
                : $"Номер урока — от 1 до {lessonsPerDay} (по расписанию звонков).");
        if (lesson.Room?.Length > MaxRoomLengthOf)
            return new TimetableProblem("Room", $"Кабинет — не длиннее {MaxRoomLengthOf} знаков.");
        if (lesson.From > lesson.To)
            return new TimetableProblem("ValidTo", "Дата окончания раньше даты начала.");
        if (lesson.From < yearStart || lesson.To > yearEnd)
            return new TimetableProblem("ValidFrom", $"Расписание действует внутри учебного года: с {yearStart:dd.MM.yyyy} по {yearEnd:dd.MM.yyyy}.");
        foreach (var other in sameTime)
        {
            if (other.Day != lesson.Day || other.LessonNumber != lesson.LessonNumber || !other.Overlaps(lesson.From, lesson.To))
                continue;
            var when = $"{DayTitle(lesson.Day)}, {lesson.LessonNumber}-й урок";
            if (other.ClassGroupId == lesson.ClassGroupId && !replacing)
                return new TimetableProblem("LessonNumber", $"У класса {className(lesson.ClassGroupId)} в это время ({when}) уже есть урок с {other.ValidFrom:dd.MM.yyyy}. Замените его или выберите другой урок.");
            if (other.ClassGroupId != lesson.ClassGroupId && other.EmployeeId == lesson.EmployeeId)
                return new TimetableProblem("Teacher", $"Учитель в это время ({when}) ведёт урок в классе {className(other.ClassGroupId)}.");
        }

        return null;
    }

    private const int MaxRoomLengthOf = TimetableSlot.MaxRoomLength;

    /// <summary>
    /// Puts the lesson into the class's cell for its dates: the class's slots in that cell lose those dates (the caller
    /// deletes the returned empty ones and adds the returned new ones, the lesson's own slot among them).
    /// </summary>
    public static (IReadOnlyList<TimetableSlot> Removed, IReadOnlyList<TimetableSlot> Added) Place(
        SlotPlacement lesson, int organisationId, int academicYearId, IEnumerable<TimetableSlot> classCell)
    {
        var (removed, added) = Clear(lesson.From, lesson.To, classCell.Where(s => s.ClassGroupId == lesson.ClassGroupId && s.Day == lesson.Day && s.LessonNumber == lesson.LessonNumber));
        added.Add(new TimetableSlot
        {
            OrganisationId = organisationId, AcademicYearId = academicYearId, ClassGroupId = lesson.ClassGroupId, Day = lesson.Day,
            LessonNumber = lesson.LessonNumber, SubjectId = lesson.SubjectId, EmployeeId = lesson.EmployeeId,
            Room = string.IsNullOrWhiteSpace(lesson.Room) ? null : lesson.Room.Trim(), ValidFrom = lesson.From, ValidTo = lesson.To,
        });
        return (removed, added);
    }

    /// <summary>Takes the dates out of the given slots: those left empty are returned to delete, split-off parts to add.</summary>
    public static (List<TimetableSlot> Removed, List<TimetableSlot> Added) Clear(DateOnly from, DateOnly to, IEnumerable<TimetableSlot> slots)
    {
        var removed = new List<TimetableSlot>();
        var added = new List<TimetableSlot>();
        foreach (var slot in slots.ToList())
        {
            if (slot.Carve(from, to, out var after))
                removed.Add(slot);
            if (after is not null)
                added.Add(after);
        }

        return (removed, added);
    }
}
