namespace Kabinet.Web.Features.Diary;

/// <summary>
/// A lesson that has something recorded for it (topic, homework, marks, attendance, comments): one row per class,
/// date and lesson number (ADR 9 — planned lessons come from the timetable and are not stored). The subject and
/// teacher are those the lesson was held with, replacements included.
/// </summary>
public sealed class Lesson
{
    public const int MaxTopicLength = 500;

    public long Id { get; set; }

    public int OrganisationId { get; set; }

    public int AcademicYearId { get; set; }

    /// <summary>The class (Institutions), stored by id.</summary>
    public int ClassGroupId { get; set; }

    public DateOnly Date { get; set; }

    public int Number { get; set; }

    public int SubjectId { get; set; }

    /// <summary>The teacher who held the lesson (an employee, Institutions).</summary>
    public int EmployeeId { get; set; }

    public string? Topic { get; private set; }

    public DateTime UpdatedAt { get; set; }

    public int UpdatedByAccountId { get; set; }

    public void SetTopic(string? topic)
    {
        if (TopicProblem(topic) is { } problem)
            throw new Common.Errors.RuleViolationException(problem);
        Topic = string.IsNullOrWhiteSpace(topic) ? null : topic.Trim();
    }

    public static string? TopicProblem(string? topic) => topic?.Trim().Length > MaxTopicLength
        ? $"Тема урока — не длиннее {MaxTopicLength} знаков."
        : null;
}

/// <summary>
/// The homework set at a lesson: formatted text (the portal's safe Markdown subset) and the date it is due by; files
/// are <see cref="LessonFile"/>s of the lesson with <see cref="LessonFilePurpose.Homework"/>. One per lesson.
/// </summary>
public sealed class Homework
{
    public const int MaxTextLength = 4000;

    public long Id { get; set; }

    public long LessonId { get; set; }

    /// <summary>Copied from the lesson: «homework due tomorrow» for a class is one indexed read.</summary>
    public int ClassGroupId { get; set; }

    public int SubjectId { get; set; }

    /// <summary>The date of the lesson it was set at.</summary>
    public DateOnly SetOn { get; set; }

    public DateOnly DueOn { get; private set; }

    public string Text { get; private set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public int UpdatedByAccountId { get; set; }

    /// <summary>Sets the text and the deadline, which is after the lesson and at most a year away.</summary>
    public void Set(string? text, DateOnly dueOn)
    {
        if (TextProblem(text) is { } problem)
            throw new Common.Errors.RuleViolationException(problem);
        if (DueProblem(SetOn, dueOn) is { } dueProblem)
            throw new Common.Errors.RuleViolationException(dueProblem);
        Text = text!.Trim();
        DueOn = dueOn;
    }

    public static string? TextProblem(string? text) => text?.Trim() is { Length: > 0 and <= MaxTextLength }
        ? null
        : $"Напишите задание (до {MaxTextLength} знаков).";

    public static string? DueProblem(DateOnly setOn, DateOnly? dueOn) => dueOn is not { } due
        ? "Укажите, к какому дню выполнить задание."
        : due <= setOn || due > setOn.AddDays(366)
            ? $"Срок — позже дня урока ({setOn:dd.MM.yyyy}) и не дальше чем через год."
            : null;
}

public enum LessonFilePurpose
{
    /// <summary>A file of the homework (задание, рабочий лист).</summary>
    Homework,

    /// <summary>A learning material of the lesson (презентация, конспект).</summary>
    Material,
}

/// <summary>A file a teacher attached to a lesson, kept in the file store; only the class's families and its teachers download it.</summary>
public sealed class LessonFile
{
    public long Id { get; set; }

    public long LessonId { get; set; }

    public int ClassGroupId { get; set; }

    public LessonFilePurpose Purpose { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public long Size { get; set; }

    /// <summary>The key in the file store (never a name a person typed).</summary>
    public required string StorageKey { get; set; }

    public required string Sha256 { get; set; }

    public DateTime UploadedAt { get; set; }

    public int UploadedByAccountId { get; set; }
}
