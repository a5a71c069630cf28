namespace Kabinet.Web.Features.Notifications;

/// <summary>A message to one account in the notifications centre; unread until opened.</summary>
public sealed class Notification
{
    public long Id { get; set; }

    public int AccountId { get; init; }

    public required string Kind { get; init; }

    public required string Title { get; init; }

    public required string Text { get; init; }

    /// <summary>A page of the portal the notification leads to (a local path).</summary>
    public string? Link { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime? ReadAt { get; set; }
}

/// <summary>How a person wants one kind of notification: in the centre, by e-mail, or both.</summary>
public sealed class NotificationPreference
{
    public int AccountId { get; init; }

    public required string Kind { get; init; }

    public bool InApp { get; set; }

    public bool Email { get; set; }
}

/// <summary>The kinds of notifications modules post, with their Russian names and defaults.</summary>
public static class NotificationKinds
{
    /// <summary>A kind of notification; an e-mail-only kind (a digest) has no notification in the centre.</summary>
    public sealed record KindInfo(string Kind, string Title, bool EmailByDefault, bool EmailOnly = false);

    public const string ChildLink = "child-link";
    public const string RoleRequest = "role-request";
    public const string KindergartenApplication = "kindergarten-application";
    public const string CollegeApplication = "college-application";
    public const string DiaryDigest = "diary-digest";
    public const string Message = "message";
    public const string DiaryMark = "diary-mark";
    public const string DiaryHomework = "diary-homework";
    public const string DiaryAttendance = "diary-attendance";
    public const string Complaint = "complaint";
    public const string PfdoCertificate = "pfdo-certificate";
    public const string PfdoEnrolment = "pfdo-enrolment";
    public const string SchoolApplication = "school-application";

    public static readonly IReadOnlyList<KindInfo> All =
    [
        new(ChildLink, "Подтверждение связи с ребёнком", EmailByDefault: true),
        new(RoleRequest, "Запросы ролей и выдача прав", EmailByDefault: true),
        new(KindergartenApplication, "Заявления в детский сад: статус, направление", EmailByDefault: true),
        new(CollegeApplication, "Заявления в колледж: статус, зачисление", EmailByDefault: true),
        new(PfdoCertificate, "Сертификат дополнительного образования: заявление, выдача", EmailByDefault: true),
        new(PfdoEnrolment, "Запись на кружки и секции: подтверждение, отказ, отчисление", EmailByDefault: true),
        new(Message, "Сообщения от учителей и родителей", EmailByDefault: true),
        new(DiaryMark, "Оценки: новые и исправленные", EmailByDefault: false),
        new(DiaryHomework, "Домашние задания", EmailByDefault: false),
        new(DiaryAttendance, "Пропуски уроков", EmailByDefault: true),
        new(Complaint, "Жалобы «Не выдали логин и пароль»: ответы и новые жалобы", EmailByDefault: true),
        new(SchoolApplication, "Заявления в школу: регистрация, зачисление, отказ", EmailByDefault: true),
        new(DiaryDigest, "Ежедневная сводка дневника: оценки, пропуски, задания на завтра (письмо вечером)", EmailByDefault: false, EmailOnly: true),
    ];

    public static KindInfo Of(string kind) => All.FirstOrDefault(k => k.Kind == kind) ?? throw new ArgumentException($"Unknown notification kind {kind}", nameof(kind));
}
