using Kabinet.Web.Features.Institutions;

namespace Kabinet.Web.Features.Kindergarten.Queue;

/// <summary>
/// An application to put a child on the kindergarten register (постановка на учёт) of a municipality: up to
/// five kindergartens in order of priority, the group wanted, the benefit claimed and its history. The
/// registration time is set once, when the application is filed, and never changes with edits.
/// </summary>
public sealed class QueueApplication
{
    public const int MaxChoices = 5;

    public int Id { get; set; }

    public int ChildPersonId { get; init; }

    /// <summary>The child's date of birth as filed: the age group is computed from it.</summary>
    public DateOnly ChildBirthDate { get; set; }

    /// <summary>The legal representative who filed it (a person: applications also come from МФЦ and operators).</summary>
    public int ApplicantPersonId { get; init; }

    /// <summary>The account it was filed from; null when an operator registered it on paper.</summary>
    public int? SubmittedByAccountId { get; init; }

    public int MunicipalityId { get; set; }

    /// <summary>When the child was registered: the queue order within a benefit group. Kept through every edit.</summary>
    public DateTime RegisteredAt { get; init; }

    public DateOnly DesiredDate { get; set; }

    /// <summary>The school year the child is wanted for: 1 September of it (a desired date in March 2027 → 2026).</summary>
    public int AdmissionYear { get; set; }

    /// <summary>Full years of age on 1 September of the admission year: the age group whose queue the child is in.</summary>
    public int AgeGroup { get; set; }

    public GroupFocus Focus { get; set; }

    /// <summary>For a compensating group: the kind of need (нарушения речи, зрения, ...).</summary>
    public string? Need { get; set; }

    public DailyMode Mode { get; set; }

    public string Language { get; set; } = "русский";

    /// <summary>An adapted educational programme is needed (on the ПМПК's recommendation).</summary>
    public bool AdaptedProgramme { get; set; }

    public BenefitKind Benefit { get; set; }

    public int? BenefitGroundId { get; set; }

    public BenefitStatus BenefitStatus { get; set; }

    public DateTime? BenefitDecidedAt { get; set; }

    public ApplicationStatus Status { get; set; } = ApplicationStatus.New;

    public DateTime StatusChangedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Bumped on every change: two people editing at once cannot overwrite each other.</summary>
    public int Version { get; set; }

    public List<ApplicationChoice> Choices { get; } = [];

    public List<StatusChange> History { get; } = [];

    /// <summary>1 September of the school year that contains the date: 10.03.2027 → 2026, 01.09.2027 → 2027.</summary>
    public static int SchoolYearOf(DateOnly date) => date.Month >= 9 ? date.Year : date.Year - 1;

    /// <summary>Full years of age on a date.</summary>
    public static int AgeOn(DateOnly birth, DateOnly on)
    {
        var age = on.Year - birth.Year;
        return birth.AddYears(age) > on ? age - 1 : age;
    }

    /// <summary>Sets the desired date and with it the admission year and the age group.</summary>
    public void Want(DateOnly desired)
    {
        DesiredDate = desired;
        AdmissionYear = SchoolYearOf(desired);
        AgeGroup = AgeOn(ChildBirthDate, new DateOnly(AdmissionYear, 9, 1));
    }

    public bool IsActive => !ApplicationStatuses.Final.Contains(Status);

    /// <summary>Moves to another status if that transition exists; records who, when and why.</summary>
    public bool TryMove(ApplicationStatus to, int? byAccountId, string? comment, DateTime now)
    {
        if (!ApplicationStatuses.CanMove(Status, to))
            return false;
        History.Add(new StatusChange { ApplicationId = Id, From = Status, To = to, At = now, ByAccountId = byAccountId, Comment = comment });
        Status = to;
        StatusChangedAt = now;
        Touch(now);
        return true;
    }

    public void Touch(DateTime now)
    {
        UpdatedAt = now;
        Version++;
    }
}

/// <summary>One of the kindergartens chosen, in order of priority (1 — the most wanted).</summary>
public sealed class ApplicationChoice
{
    public int Id { get; set; }

    public int ApplicationId { get; set; }

    public int Priority { get; set; }

    public int OrganisationId { get; set; }

    /// <summary>A full or half sibling already attends this kindergarten (ч.3.1 ст.67 273-ФЗ).</summary>
    public bool SiblingAttends { get; set; }

    public string? SiblingName { get; set; }
}

/// <summary>A status change: who (null — the system), when, from what to what, and the comment the parent sees.</summary>
public sealed class StatusChange
{
    public long Id { get; set; }

    public int ApplicationId { get; set; }

    public ApplicationStatus From { get; init; }

    public ApplicationStatus To { get; init; }

    public DateTime At { get; init; }

    public int? ByAccountId { get; init; }

    public string? Comment { get; init; }
}
