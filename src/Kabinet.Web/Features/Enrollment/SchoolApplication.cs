namespace Kabinet.Web.Features.Enrollment;

/// <summary>A right to be admitted first (пп.9–12 Приказа 458).</summary>
public enum AdmissionRight
{
    None,

    /// <summary>Внеочередное.</summary>
    Extraordinary,

    /// <summary>Первоочередное.</summary>
    Priority,

    /// <summary>Преимущественное: a brother or sister already studies at the school.</summary>
    Preferential,
}

public enum SchoolApplicationStatus
{
    /// <summary>Зарегистрировано: has its number, waits for the school.</summary>
    Registered,

    /// <summary>Принято к рассмотрению.</summary>
    UnderReview,

    /// <summary>Зачислен: order number and date.</summary>
    Enrolled,

    /// <summary>Отказано, with the reason.</summary>
    Refused,

    /// <summary>Отозвано by the parent before a decision.</summary>
    Withdrawn,
}

/// <summary>The scans a school application may carry.</summary>
public enum SchoolDocumentKind
{
    /// <summary>Proof of a внеочередное or первоочередное right (a certificate from the parent's employer).</summary>
    RightProof,

    /// <summary>The sibling's birth certificate, for the преимущественное right.</summary>
    SiblingBirthCertificate,

    /// <summary>Заключение ПМПК, for an adapted programme.</summary>
    PmpkConclusion,

    /// <summary>Аттестат об основном общем образовании, for the 10th grade.</summary>
    Certificate,

    /// <summary>The founder's permission to admit a child younger than 6.5 or older than 8.</summary>
    AgePermission,
}

public static class SchoolApplicationTexts
{
    public static string Title(this SchoolApplicationStatus status) => status switch
    {
        SchoolApplicationStatus.Registered => "Зарегистрировано",
        SchoolApplicationStatus.UnderReview => "Принято к рассмотрению",
        SchoolApplicationStatus.Enrolled => "Зачислен",
        SchoolApplicationStatus.Refused => "Отказано",
        SchoolApplicationStatus.Withdrawn => "Отозвано",
        _ => status.ToString(),
    };

    public static string Title(this SchoolApplicationKind kind) => kind switch
    {
        SchoolApplicationKind.FirstGrade => "Зачисление в 1 класс",
        SchoolApplicationKind.Transfer => "Перевод из другой школы",
        _ => "Зачисление в 10 класс",
    };

    public static string Title(this AdmissionRight right) => right switch
    {
        AdmissionRight.Extraordinary => "Внеочередное",
        AdmissionRight.Priority => "Первоочередное",
        AdmissionRight.Preferential => "Преимущественное (в школе учится брат или сестра)",
        _ => "Нет",
    };

    public static string Title(this SchoolDocumentKind kind) => kind switch
    {
        SchoolDocumentKind.RightProof => "Справка, подтверждающая право на зачисление",
        SchoolDocumentKind.SiblingBirthCertificate => "Свидетельство о рождении брата или сестры",
        SchoolDocumentKind.PmpkConclusion => "Заключение ПМПК",
        SchoolDocumentKind.Certificate => "Аттестат об основном общем образовании",
        _ => "Разрешение учредителя на приём в другом возрасте",
    };

    /// <summary>The prefix of the number the applicant sees: «1К-2027-000123».</summary>
    public static string Prefix(this SchoolApplicationKind kind) => kind switch
    {
        SchoolApplicationKind.FirstGrade => "1К",
        SchoolApplicationKind.Transfer => "ПР",
        _ => "10К",
    };
}

/// <summary>
/// An application to a school: 1st grade, a transfer to grade N, or 10th grade. Its number (Sequence within the
/// campaign and kind) is the order of durable acceptance and never changes.
/// </summary>
public sealed class SchoolApplication
{
    public int Id { get; set; }

    public int CampaignId { get; init; }

    public SchoolApplicationKind Kind { get; init; }

    /// <summary>1, 2, 3, … within the campaign and kind, without gaps.</summary>
    public int Sequence { get; init; }

    public string Number { get; init; } = "";

    /// <summary>UTC, the server's clock when the application was accepted.</summary>
    public DateTime RegisteredAt { get; init; }

    public int ChildPersonId { get; init; }

    public int ApplicantPersonId { get; init; }

    public int SubmittedByAccountId { get; init; }

    public int MunicipalityId { get; init; }

    public int SchoolId { get; init; }

    public int SchoolYear { get; init; }

    public int Grade { get; init; }

    /// <summary>For a transfer: the school the child studies at now (free text: it may be in another region) and the grade.</summary>
    public string? CurrentSchool { get; init; }

    public int? CurrentGrade { get; init; }

    public AdmissionRight Right { get; init; }

    public string? SiblingName { get; init; }

    public string Street { get; init; } = "";

    public string House { get; init; } = "";

    /// <summary>Computed at submission from the school's assigned territory.</summary>
    public bool OnTerritory { get; init; }

    public bool AdaptedProgramme { get; init; }

    public string? Language { get; init; }

    public string? NativeLanguage { get; init; }

    public bool ConsentPersonalData { get; init; }

    public bool ConsentCharter { get; init; }

    public string Phone { get; init; } = "";

    public string? Email { get; init; }

    public string BirthCertificateSeries { get; init; } = "";

    public string BirthCertificateNumber { get; init; } = "";

    public DateOnly BirthCertificateIssuedOn { get; init; }

    public SchoolApplicationStatus Status { get; set; } = SchoolApplicationStatus.Registered;

    public DateTime StatusChangedAt { get; set; }

    public string? OrderNumber { get; set; }

    public DateOnly? OrderDate { get; set; }

    public string? RefusalReason { get; set; }

    /// <summary>Bumped on every change: two staff members deciding at once cannot overwrite each other.</summary>
    public int Version { get; set; }

    public List<SchoolApplicationChange> History { get; } = [];

    public List<SchoolApplicationDocument> Documents { get; } = [];

    public bool IsActive => Status is SchoolApplicationStatus.Registered or SchoolApplicationStatus.UnderReview;

    public bool IsFinished => !IsActive;

    public static string FormatNumber(SchoolApplicationKind kind, int year, int sequence) =>
        $"{kind.Prefix()}-{year}-{sequence:000000}";

    private static readonly Dictionary<SchoolApplicationStatus, SchoolApplicationStatus[]> Next = new()
    {
        [SchoolApplicationStatus.Registered] = [SchoolApplicationStatus.UnderReview, SchoolApplicationStatus.Refused, SchoolApplicationStatus.Withdrawn],
        [SchoolApplicationStatus.UnderReview] = [SchoolApplicationStatus.Enrolled, SchoolApplicationStatus.Refused, SchoolApplicationStatus.Withdrawn],
        [SchoolApplicationStatus.Enrolled] = [],
        [SchoolApplicationStatus.Refused] = [],
        [SchoolApplicationStatus.Withdrawn] = [],
    };

    public static bool CanMove(SchoolApplicationStatus from, SchoolApplicationStatus to) => Next[from].Contains(to);

    /// <summary>Moves to another status if that transition exists; records who, when and why.</summary>
    public bool TryMove(SchoolApplicationStatus to, int? byAccountId, string? comment, DateTime now)
    {
        if (!CanMove(Status, to))
            return false;
        History.Add(new SchoolApplicationChange { ApplicationId = Id, From = Status, To = to, At = now, ByAccountId = byAccountId, Comment = comment });
        Status = to;
        StatusChangedAt = now;
        Version++;
        return true;
    }

    /// <summary>Enrolls with the order; false when the order is missing or the status does not allow it.</summary>
    public bool TryEnroll(string? orderNumber, DateOnly? orderDate, int byAccountId, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(orderNumber) || orderDate is null)
            return false;
        var number = orderNumber.Trim();
        if (!TryMove(SchoolApplicationStatus.Enrolled, byAccountId, $"Приказ № {number} от {orderDate.Value.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture)}", now))
            return false;
        OrderNumber = number;
        OrderDate = orderDate;
        return true;
    }

    /// <summary>Refuses with the reason; false when the reason is missing or the status does not allow it.</summary>
    public bool TryRefuse(string? reason, int byAccountId, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(reason))
            return false;
        if (!TryMove(SchoolApplicationStatus.Refused, byAccountId, reason.Trim(), now))
            return false;
        RefusalReason = reason.Trim();
        return true;
    }
}

/// <summary>A status change: who (null — the system), when, from what to what, and the comment the parent sees.</summary>
public sealed class SchoolApplicationChange
{
    public long Id { get; set; }

    public int ApplicationId { get; set; }

    public SchoolApplicationStatus? From { get; init; }

    public SchoolApplicationStatus To { get; init; }

    public DateTime At { get; init; }

    public int? ByAccountId { get; init; }

    public string? Comment { get; init; }
}

/// <summary>A scan attached at submission; the file is in the FileStore under StorageKey.</summary>
public sealed class SchoolApplicationDocument
{
    public int Id { get; set; }

    public int ApplicationId { get; set; }

    public SchoolDocumentKind Kind { get; init; }

    public string FileName { get; init; } = "";

    public string ContentType { get; init; } = "";

    public long Size { get; init; }

    public string Sha256 { get; init; } = "";

    public string StorageKey { get; init; } = "";

    public DateTime UploadedAt { get; init; }
}

/// <summary>
/// An idempotency key of a submission (perf-reliability §3.4): the same account and key always answer with the
/// application the first request created; the same key with another request is refused.
/// </summary>
public sealed class SubmissionKey
{
    public long Id { get; set; }

    public int AccountId { get; init; }

    public string Key { get; init; } = "";

    /// <summary>SHA-256 of the normalised request.</summary>
    public string RequestHash { get; init; } = "";

    public int ApplicationId { get; init; }

    /// <summary>The JSON body of the first answer, returned unchanged on every replay.</summary>
    public string Response { get; init; } = "";

    public DateTime CreatedAt { get; init; }
}
