namespace Kabinet.Web.Features.Diary;

/// <summary>Attendance marks of the journal (a school's convention; domain-rules §5).</summary>
public enum AttendanceCode
{
    /// <summary>Н — не был на уроке (причина не указана).</summary>
    Absent,

    /// <summary>Б — болел.</summary>
    Ill,

    /// <summary>П — прогул, без уважительной причины.</summary>
    Truant,

    /// <summary>У — отсутствовал по уважительной причине.</summary>
    Excused,

    /// <summary>ОП — опоздал.</summary>
    Late,
}

public static class AttendanceCodes
{
    public static string Letter(this AttendanceCode code) => code switch
    {
        AttendanceCode.Absent => "Н",
        AttendanceCode.Ill => "Б",
        AttendanceCode.Truant => "П",
        AttendanceCode.Excused => "У",
        _ => "ОП",
    };

    public static string Title(this AttendanceCode code) => code switch
    {
        AttendanceCode.Absent => "не был на уроке",
        AttendanceCode.Ill => "болел",
        AttendanceCode.Truant => "прогул",
        AttendanceCode.Excused => "отсутствовал по уважительной причине",
        _ => "опоздал",
    };

    /// <summary>Whether the student missed the lesson (a late arrival is not a miss).</summary>
    public static bool Missed(this AttendanceCode code) => code != AttendanceCode.Late;

    /// <summary>Reads «н», «Б», «оп», … as typed into the journal; null — not a code.</summary>
    public static AttendanceCode? Parse(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "Н" => AttendanceCode.Absent,
        "Б" => AttendanceCode.Ill,
        "П" => AttendanceCode.Truant,
        "У" => AttendanceCode.Excused,
        "ОП" => AttendanceCode.Late,
        _ => null,
    };
}

/// <summary>A student's attendance mark at a lesson (no row — present).</summary>
public sealed class LessonAttendance
{
    public long Id { get; set; }

    public long LessonId { get; set; }

    public int ClassGroupId { get; set; }

    public int SubjectId { get; set; }

    public DateOnly Date { get; set; }

    public int StudentPersonId { get; set; }

    public AttendanceCode Code { get; set; }

    public DateTime UpdatedAt { get; set; }

    public int UpdatedByAccountId { get; set; }
}

/// <summary>A teacher's comment to a student and the parents about a lesson: one per student and lesson.</summary>
public sealed class LessonComment
{
    public const int MaxTextLength = 1000;

    public long Id { get; set; }

    public long LessonId { get; set; }

    public int ClassGroupId { get; set; }

    public int SubjectId { get; set; }

    public DateOnly Date { get; set; }

    public int StudentPersonId { get; set; }

    public string Text { get; set; } = "";

    public DateTime UpdatedAt { get; set; }

    public int UpdatedByAccountId { get; set; }

    public static string? TextProblem(string? text) => text?.Trim().Length > MaxTextLength
        ? $"Комментарий — не длиннее {MaxTextLength} знаков."
        : null;
}
