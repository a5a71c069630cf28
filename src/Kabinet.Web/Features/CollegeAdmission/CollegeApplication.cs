using System.Numerics;

namespace Kabinet.Web.Features.CollegeAdmission;

/// <summary>Statuses of an application to a college (not fixed by federal acts, domain-rules §4).</summary>
public enum CollegeApplicationStatus
{
    /// <summary>Подано.</summary>
    Submitted,

    /// <summary>Принято: the college checked the documents.</summary>
    Accepted,

    /// <summary>Рекомендован к зачислению.</summary>
    Recommended,

    /// <summary>Зачислен.</summary>
    Enrolled,

    /// <summary>Отказано, with the reason.</summary>
    Refused,

    /// <summary>Отозвано заявителем before enrollment.</summary>
    Withdrawn,
}

/// <summary>Individual achievements counted as a tie-break (п.45 Приказа 457).</summary>
[Flags]
public enum Achievements
{
    None = 0,

    /// <summary>Участие в СВО (доброволец, мобилизованный, контрактник, срочник).</summary>
    SpecialOperation = 1,

    /// <summary>Победитель или призёр чемпионата «Профессионалы».</summary>
    Professionals = 2,

    /// <summary>Победитель или призёр Чемпионата высоких технологий.</summary>
    HighTechChampionship = 4,

    /// <summary>Победитель или призёр чемпионата «Абилимпикс» / ArtMasters.</summary>
    ArtMasters = 8,
}

/// <summary>
/// An application for admission to one speciality: who applies for whom, the school-certificate average (in
/// hundredths, so 4.57 is stored exactly as 457), the education document, the rights that rank it, and its history.
/// </summary>
public sealed class CollegeApplication
{
    public int Id { get; set; }

    public int SpecialityId { get; init; }

    /// <summary>The college (copied from the speciality): the admissions office's queries filter by it.</summary>
    public int OrganisationId { get; init; }

    public int MunicipalityId { get; init; }

    /// <summary>The person who will study: the account's own person or their child.</summary>
    public int EntrantPersonId { get; init; }

    /// <summary>The account that filed it; null when the admissions office registered a paper application.</summary>
    public int? SubmittedByAccountId { get; init; }

    public DateTime RegisteredAt { get; init; }

    /// <summary>Средний балл аттестата × 100 (200–500).</summary>
    public int AverageHundredths { get; init; }

    public EducationBasis DocumentLevel { get; init; }

    public string DocumentSeries { get; init; } = "";

    public string DocumentNumber { get; init; } = "";

    public DateOnly DocumentIssuedOn { get; init; }

    /// <summary>ч.5.1 ст.71 273-ФЗ: admitted first regardless of results.</summary>
    public bool PriorityRight { get; init; }

    public Achievements Achievements { get; init; }

    /// <summary>How many kinds of achievements: the ranking's tie-break, kept as a column so SQL can order by it.</summary>
    public int AchievementCount { get; init; }

    /// <summary>Договор о целевом обучении.</summary>
    public bool TargetContract { get; init; }

    /// <summary>«Оригинал аттестата сдан», set by the college.</summary>
    public bool OriginalSubmitted { get; set; }

    public bool PersonalDataConsent { get; init; }

    public CollegeApplicationStatus Status { get; private set; } = CollegeApplicationStatus.Submitted;

    public DateTime StatusChangedAt { get; private set; }

    public int Version { get; set; }

    public List<CollegeStatusChange> History { get; } = [];

    public List<CollegeDocument> Documents { get; } = [];

    public string Number => NumberOf(Id, RegisteredAt);

    public decimal Average => AverageHundredths / 100m;

    public bool IsActive => CollegeStatuses.Active(Status);

    public static string NumberOf(int id, DateTime registeredAt) => $"СПО-{registeredAt.Year}-{id:000000}";

    public static int CountOf(Achievements achievements) => BitOperations.PopCount((uint)achievements);

    /// <summary>The first entry of the history: filed.</summary>
    public void Register(int? byAccountId, DateTime now)
    {
        StatusChangedAt = now;
        History.Add(new CollegeStatusChange { From = null, To = Status, At = now, ByAccountId = byAccountId });
    }

    /// <summary>Moves to another status if that transition exists; records who, when and why.</summary>
    public bool TryMove(CollegeApplicationStatus to, int? byAccountId, string? comment, DateTime now)
    {
        if (!CollegeStatuses.CanMove(Status, to))
            return false;
        if (to == CollegeApplicationStatus.Enrolled && !OriginalSubmitted)
            return false;
        History.Add(new CollegeStatusChange { ApplicationId = Id, From = Status, To = to, At = now, ByAccountId = byAccountId, Comment = comment });
        Status = to;
        StatusChangedAt = now;
        Version++;
        return true;
    }
}

/// <summary>A status change: who (null — the system), when, from what to what, and the comment the applicant sees.</summary>
public sealed class CollegeStatusChange
{
    public long Id { get; set; }

    public int ApplicationId { get; set; }

    public CollegeApplicationStatus? From { get; init; }

    public CollegeApplicationStatus To { get; init; }

    public DateTime At { get; init; }

    public int? ByAccountId { get; init; }

    public string? Comment { get; init; }
}

public static class CollegeStatuses
{
    private static readonly Dictionary<CollegeApplicationStatus, CollegeApplicationStatus[]> Next = new()
    {
        [CollegeApplicationStatus.Submitted] = [CollegeApplicationStatus.Accepted, CollegeApplicationStatus.Refused, CollegeApplicationStatus.Withdrawn],
        [CollegeApplicationStatus.Accepted] = [CollegeApplicationStatus.Recommended, CollegeApplicationStatus.Refused, CollegeApplicationStatus.Withdrawn],
        [CollegeApplicationStatus.Recommended] = [CollegeApplicationStatus.Enrolled, CollegeApplicationStatus.Refused, CollegeApplicationStatus.Withdrawn],
        [CollegeApplicationStatus.Enrolled] = [],
        [CollegeApplicationStatus.Refused] = [],
        [CollegeApplicationStatus.Withdrawn] = [],
    };

    public static bool CanMove(CollegeApplicationStatus from, CollegeApplicationStatus to) => Next[from].Contains(to);

    /// <summary>Counted in the ranking list and blocking a second application to the same speciality.</summary>
    public static bool Active(CollegeApplicationStatus status) => status is not (CollegeApplicationStatus.Refused or CollegeApplicationStatus.Withdrawn);

    public static string Title(this CollegeApplicationStatus status) => status switch
    {
        CollegeApplicationStatus.Submitted => "Подано",
        CollegeApplicationStatus.Accepted => "Принято",
        CollegeApplicationStatus.Recommended => "Рекомендован к зачислению",
        CollegeApplicationStatus.Enrolled => "Зачислен",
        CollegeApplicationStatus.Refused => "Отказано",
        CollegeApplicationStatus.Withdrawn => "Отозвано",
        _ => status.ToString(),
    };

    public static string Title(this Achievements achievement) => achievement switch
    {
        Achievements.SpecialOperation => "Участие в специальной военной операции",
        Achievements.Professionals => "Победитель или призёр чемпионата «Профессионалы»",
        Achievements.HighTechChampionship => "Победитель или призёр Чемпионата высоких технологий",
        Achievements.ArtMasters => "Победитель или призёр чемпионата ArtMasters",
        _ => achievement.ToString(),
    };

    public static readonly Achievements[] AllAchievements = [Achievements.SpecialOperation, Achievements.Professionals, Achievements.HighTechChampionship, Achievements.ArtMasters];
}

/// <summary>What a scan attached to a college application is.</summary>
public enum CollegeDocumentKind
{
    /// <summary>Скан аттестата: required.</summary>
    Certificate,

    /// <summary>The proof of the priority right, when claimed.</summary>
    PriorityProof,

    /// <summary>Медицинская справка (086/у), when the speciality needs the examination.</summary>
    MedicalCertificate,

    /// <summary>Диплом или грамота — individual achievements, the targeted-training contract and the like.</summary>
    Other,
}

/// <summary>A scan attached to a college application; the file lives in the FileStore under a random key.</summary>
public sealed class CollegeDocument
{
    public int Id { get; set; }

    public int ApplicationId { get; set; }

    public CollegeDocumentKind Kind { get; init; }

    public string FileName { get; init; } = "";

    public string ContentType { get; init; } = "";

    public long Size { get; init; }

    public string Sha256 { get; init; } = "";

    public string StorageKey { get; init; } = "";

    public int? UploadedByAccountId { get; init; }

    public DateTime UploadedAt { get; init; }

    public static string Title(CollegeDocumentKind kind) => kind switch
    {
        CollegeDocumentKind.Certificate => "Аттестат",
        CollegeDocumentKind.PriorityProof => "Документ о преимущественном праве",
        CollegeDocumentKind.MedicalCertificate => "Медицинская справка",
        CollegeDocumentKind.Other => "Другой документ",
        _ => kind.ToString(),
    };
}
