namespace Kabinet.Web.Features.Diary;

public enum ChangeKind
{
    /// <summary>Замена: another teacher and/or subject (and maybe room) for one lesson.</summary>
    Replacement,

    /// <summary>Отмена урока.</summary>
    Cancellation,
}

/// <summary>A change of one lesson of a class on one date: a replacement or a cancellation, with its reason.</summary>
public sealed class TimetableChange
{
    public const int MaxReasonLength = 300;

    public int Id { get; set; }

    public int OrganisationId { get; set; }

    public int ClassGroupId { get; set; }

    public DateOnly Date { get; set; }

    public int LessonNumber { get; set; }

    public ChangeKind Kind { get; private set; }

    /// <summary>Replacement: the subject taught instead (null — the planned subject).</summary>
    public int? SubjectId { get; private set; }

    /// <summary>Replacement: the teacher who teaches instead (null — the planned teacher).</summary>
    public int? EmployeeId { get; private set; }

    public string? Room { get; private set; }

    public string Reason { get; private set; } = "";

    public DateTime CreatedAt { get; set; }

    public int CreatedByAccountId { get; set; }

    public static TimetableChange Cancel(int organisationId, int classGroupId, DateOnly date, int number, string reason) =>
        new() { OrganisationId = organisationId, ClassGroupId = classGroupId, Date = date, LessonNumber = number, Kind = ChangeKind.Cancellation, Reason = CheckedReason(reason) };

    /// <summary>A replacement must change something: the teacher, the subject or the room.</summary>
    public static TimetableChange Replace(int organisationId, int classGroupId, DateOnly date, int number, int? subjectId, int? employeeId, string? room, string reason)
    {
        room = string.IsNullOrWhiteSpace(room) ? null : room.Trim();
        if (subjectId is null && employeeId is null && room is null)
            throw new Common.Errors.RuleViolationException("Укажите, кто или что заменяет урок: учителя, предмет или кабинет.");
        if (room?.Length > TimetableSlot.MaxRoomLength)
            throw new Common.Errors.RuleViolationException($"Кабинет — не длиннее {TimetableSlot.MaxRoomLength} знаков.");
        return new TimetableChange
        {
            OrganisationId = organisationId, ClassGroupId = classGroupId, Date = date, LessonNumber = number, Kind = ChangeKind.Replacement,
            SubjectId = subjectId, EmployeeId = employeeId, Room = room, Reason = CheckedReason(reason),
        };
    }

    public static string? ReasonProblem(string? reason) => reason?.Trim() is { Length: > 0 and <= MaxReasonLength }
        ? null
        : $"Напишите причину (до {MaxReasonLength} знаков), например «болезнь учителя».";

    private static string CheckedReason(string reason) =>
        ReasonProblem(reason) is { } problem ? throw new Common.Errors.RuleViolationException(problem) : reason.Trim();
}
