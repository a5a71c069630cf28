namespace Kabinet.Web.Features.AdditionalEducation.Certificates;

/// <summary>Statuses of an application for the certificate: Подано → На рассмотрении → Сертификат выдан | Отказано; Отозвано by the applicant before a decision.</summary>
public enum CertificateApplicationStatus
{
    Submitted,
    UnderReview,
    Issued,
    Refused,
    Withdrawn,
}

public static class CertificateApplicationStatuses
{
    private static readonly Dictionary<CertificateApplicationStatus, CertificateApplicationStatus[]> Next = new()
    {
        [CertificateApplicationStatus.Submitted] = [CertificateApplicationStatus.UnderReview, CertificateApplicationStatus.Issued, CertificateApplicationStatus.Refused, CertificateApplicationStatus.Withdrawn],
        [CertificateApplicationStatus.UnderReview] = [CertificateApplicationStatus.Issued, CertificateApplicationStatus.Refused, CertificateApplicationStatus.Withdrawn],
        [CertificateApplicationStatus.Issued] = [],
        [CertificateApplicationStatus.Refused] = [],
        [CertificateApplicationStatus.Withdrawn] = [],
    };

    public static bool CanMove(CertificateApplicationStatus from, CertificateApplicationStatus to) => Next[from].Contains(to);

    public static bool IsFinal(this CertificateApplicationStatus status) => Next[status].Length == 0;

    public static string Title(this CertificateApplicationStatus status) => status switch
    {
        CertificateApplicationStatus.Submitted => "Подано",
        CertificateApplicationStatus.UnderReview => "На рассмотрении",
        CertificateApplicationStatus.Issued => "Сертификат выдан",
        CertificateApplicationStatus.Refused => "Отказано",
        CertificateApplicationStatus.Withdrawn => "Отозвано",
        _ => status.ToString(),
    };
}

/// <summary>
/// An application for the additional-education certificate: by a parent for their child, or by a student aged 14+
/// for themself; the child is 5 to 18 on the day of applying. Residence in the municipality is proved by a scan or
/// an address.
/// </summary>
public sealed class CertificateApplication
{
    public const int MinAge = 5;

    /// <summary>The certificate is valid until the 18th birthday: from that day nobody applies.</summary>
    public const int MaxAge = 18;

    /// <summary>From 14 a child applies on their own.</summary>
    public const int OwnApplicationAge = 14;

    public int Id { get; set; }

    public int ChildPersonId { get; init; }

    public DateOnly ChildBirthDate { get; init; }

    public int ApplicantPersonId { get; init; }

    public int SubmittedByAccountId { get; init; }

    public int MunicipalityId { get; init; }

    /// <summary>The address of residence in the municipality, when given instead of (or with) a scan.</summary>
    public string? ResidenceAddress { get; init; }

    /// <summary>The scan proving residence, in the FileStore (null — proved by the address).</summary>
    public string? ProofStorageKey { get; init; }

    public string? ProofFileName { get; init; }

    public string? ProofContentType { get; init; }

    public long? ProofSize { get; init; }

    public DateTime SubmittedAt { get; init; }

    public CertificateApplicationStatus Status { get; private set; } = CertificateApplicationStatus.Submitted;

    public DateTime StatusChangedAt { get; private set; }

    /// <summary>Bumped on every change: the applicant withdrawing and the operator deciding cannot both win.</summary>
    public int Version { get; set; }

    public List<PfdoStatusChange> History { get; } = [];

    /// <summary>The number the applicant sees in «Заявления».</summary>
    public string Number => $"ПФДО-{Id:000000}";

    /// <summary>Full years of age on a date.</summary>
    public static int AgeOn(DateOnly birth, DateOnly on)
    {
        var age = on.Year - birth.Year;
        return birth.AddYears(age) > on ? age - 1 : age;
    }

    /// <summary>Null when a child born then may get the certificate on that day; otherwise the Russian reason.</summary>
    public static string? AgeProblem(DateOnly birth, DateOnly today) => AgeOn(birth, today) switch
    {
        < MinAge => $"Сертификат выдают детям с 5 лет: ребёнку исполнится 5 лет {birth.AddYears(MinAge):dd.MM.yyyy}.",
        >= MaxAge => "Сертификат выдают детям до 18 лет: ребёнку уже исполнилось 18.",
        _ => null,
    };

    /// <summary>Moves to another status if that transition exists; records who, when and why.</summary>
    public bool TryMove(CertificateApplicationStatus to, int? byAccountId, string? comment, DateTime now)
    {
        if (!CertificateApplicationStatuses.CanMove(Status, to))
            return false;
        History.Add(new PfdoStatusChange { CertificateApplicationId = Id, From = Status.Title(), To = to.Title(), At = now, ByAccountId = byAccountId, Comment = comment });
        Status = to;
        StatusChangedAt = now;
        Version++;
        return true;
    }

    /// <summary>The first entry of the history: the application as filed.</summary>
    public void Submit(DateTime now)
    {
        StatusChangedAt = now;
        History.Add(new PfdoStatusChange { From = "", To = Status.Title(), At = now, ByAccountId = SubmittedByAccountId });
    }
}
