namespace Kabinet.Web.Features.Diary;

/// <summary>
/// A mark a student got at a lesson for a kind of work. The weight is the work kind's weight when the mark was
/// given, so a later change of the school's weights does not rewrite marks already shown to families. A deleted
/// mark stays (with <see cref="DeletedAt"/>) and every change is a <see cref="MarkChange"/>.
/// </summary>
public sealed class Mark
{
    public long Id { get; set; }

    public long LessonId { get; set; }

    /// <summary>Copied from the lesson: a student's marks for a period and a class's for a subject are indexed reads.</summary>
    public int ClassGroupId { get; set; }

    public int SubjectId { get; set; }

    public DateOnly Date { get; set; }

    /// <summary>The student (Families), stored by id.</summary>
    public int StudentPersonId { get; set; }

    public int WorkKindId { get; set; }

    public int Weight { get; set; }

    public MarkValue Value { get; set; }

    public DateTime CreatedAt { get; set; }

    public int CreatedByAccountId { get; set; }

    /// <summary>When the value or kind of work last changed (null — never).</summary>
    public DateTime? ChangedAt { get; set; }

    public DateTime? DeletedAt { get; set; }
}

/// <summary>One change of a mark or a period mark: who, when, old → new (null old — given, null new — deleted) and why.</summary>
public sealed class MarkChange
{
    public const int MaxReasonLength = 300;

    public long Id { get; set; }

    public long? MarkId { get; set; }

    public long? PeriodMarkId { get; set; }

    public int StudentPersonId { get; set; }

    public int SubjectId { get; set; }

    public MarkValue? OldValue { get; set; }

    public MarkValue? NewValue { get; set; }

    public string? Reason { get; set; }

    public DateTime ChangedAt { get; set; }

    public int ChangedByAccountId { get; set; }

    public static string? ReasonProblem(string? reason) => reason?.Trim() is { Length: > 0 and <= MaxReasonLength }
        ? null
        : $"Укажите причину исправления (до {MaxReasonLength} знаков), например «ошибка при вводе».";
}

/// <summary>
/// A period mark (за четверть, триместр, полугодие, семестр) or the year mark (<see cref="PeriodNumber"/> 0) of a
/// student in a subject.
/// </summary>
public sealed class PeriodMark
{
    /// <summary>The <see cref="PeriodNumber"/> of the year mark.</summary>
    public const int Year = 0;

    public long Id { get; set; }

    public int OrganisationId { get; set; }

    public int AcademicYearId { get; set; }

    public int ClassGroupId { get; set; }

    public int SubjectId { get; set; }

    public int StudentPersonId { get; set; }

    public int PeriodNumber { get; set; }

    public MarkValue Value { get; set; }

    public DateTime SetAt { get; set; }

    public int SetByAccountId { get; set; }
}

/// <summary>
/// A study period the school has closed: its marks, attendance and period marks can no longer change (the school
/// administrator may reopen it, which is recorded too).
/// </summary>
public sealed class ClosedPeriod
{
    public int Id { get; set; }

    public int OrganisationId { get; set; }

    public int AcademicYearId { get; set; }

    public int PeriodNumber { get; set; }

    public DateTime ClosedAt { get; set; }

    public int ClosedByAccountId { get; set; }
}

/// <summary>
/// A counter per class that every change of the class's journal raises in the same transaction: the diary caches a
/// class's week by it, and reads it on every request, so a mark entered on any node shows on the next request.
/// </summary>
public sealed class ClassJournalVersion
{
    public int ClassGroupId { get; set; }

    public long Version { get; set; }
}
