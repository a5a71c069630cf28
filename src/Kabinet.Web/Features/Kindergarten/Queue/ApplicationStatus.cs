namespace Kabinet.Web.Features.Kindergarten.Queue;

/// <summary>Statuses of a kindergarten application (domain-rules §1.6: the ЕПГУ and BARS statuses they map to).</summary>
public enum ApplicationStatus
{
    /// <summary>Новое (RECEIVED).</summary>
    New,

    /// <summary>Принято к рассмотрению (ACCEPTED_FOR_CONSIDERING).</summary>
    UnderReview,

    /// <summary>Подтверждение документов (DUL/MED/PRIV_CONFIRMATING).</summary>
    DocumentsCheck,

    /// <summary>Очередник (REGISTERED).</summary>
    Waiting,

    /// <summary>Направлен (DIRECTED).</summary>
    Referred,

    /// <summary>Зачислен (ACCEPTED).</summary>
    Enrolled,

    /// <summary>Отказано (REFUSED), with the reason.</summary>
    Refused,

    /// <summary>Желает изменить ДОУ (WANT_CHANGE_DOU): declined the offered place, stays in the queue.</summary>
    WantsChange,

    /// <summary>Не явился (DIDNT_COME): the referral ran out unanswered.</summary>
    NoShow,

    /// <summary>Архив: withdrawn, removed, enrolled and taken off the register, or the child turned 7.</summary>
    Archived,
}

public static class ApplicationStatuses
{
    /// <summary>In the queue: counted for positions and given places by allocation.</summary>
    public static readonly IReadOnlySet<ApplicationStatus> InQueue = new HashSet<ApplicationStatus> { ApplicationStatus.Waiting, ApplicationStatus.WantsChange };

    /// <summary>Nothing follows: a new application may be filed for the child.</summary>
    public static readonly IReadOnlySet<ApplicationStatus> Final = new HashSet<ApplicationStatus> { ApplicationStatus.Refused, ApplicationStatus.Archived };

    private static readonly Dictionary<ApplicationStatus, ApplicationStatus[]> Next = new()
    {
        [ApplicationStatus.New] = [ApplicationStatus.UnderReview, ApplicationStatus.Refused, ApplicationStatus.Archived],
        [ApplicationStatus.UnderReview] = [ApplicationStatus.DocumentsCheck, ApplicationStatus.Waiting, ApplicationStatus.Refused, ApplicationStatus.Archived],
        [ApplicationStatus.DocumentsCheck] = [ApplicationStatus.Waiting, ApplicationStatus.Refused, ApplicationStatus.Archived],
        [ApplicationStatus.Waiting] = [ApplicationStatus.DocumentsCheck, ApplicationStatus.Referred, ApplicationStatus.Archived],
        [ApplicationStatus.WantsChange] = [ApplicationStatus.Waiting, ApplicationStatus.Referred, ApplicationStatus.Archived],
        [ApplicationStatus.Referred] = [ApplicationStatus.Enrolled, ApplicationStatus.WantsChange, ApplicationStatus.NoShow, ApplicationStatus.Archived],
        [ApplicationStatus.NoShow] = [ApplicationStatus.Waiting, ApplicationStatus.Archived],
        [ApplicationStatus.Enrolled] = [ApplicationStatus.Archived],
        [ApplicationStatus.Refused] = [],
        [ApplicationStatus.Archived] = [],
    };

    public static bool CanMove(ApplicationStatus from, ApplicationStatus to) => Next[from].Contains(to);

    public static IReadOnlyList<ApplicationStatus> NextOf(ApplicationStatus from) => Next[from];

    /// <summary>What an operator may choose by hand: referrals come from allocation, «Желает изменить ДОУ» and «Не явился» from the parent's answer or its absence.</summary>
    public static IEnumerable<ApplicationStatus> ManualNextOf(ApplicationStatus from) =>
        Next[from].Where(s => s is not (ApplicationStatus.Referred or ApplicationStatus.WantsChange or ApplicationStatus.NoShow)
            && !(s == ApplicationStatus.Enrolled && from != ApplicationStatus.Referred));

    public static string Title(this ApplicationStatus status) => status switch
    {
        ApplicationStatus.New => "Новое",
        ApplicationStatus.UnderReview => "Принято к рассмотрению",
        ApplicationStatus.DocumentsCheck => "Подтверждение документов",
        ApplicationStatus.Waiting => "Очередник",
        ApplicationStatus.Referred => "Направлен",
        ApplicationStatus.Enrolled => "Зачислен",
        ApplicationStatus.Refused => "Отказано",
        ApplicationStatus.WantsChange => "Желает изменить ДОУ",
        ApplicationStatus.NoShow => "Не явился",
        ApplicationStatus.Archived => "Архив",
        _ => status.ToString(),
    };
}
