namespace Kabinet.Web.Features.Kindergarten.Allocation;

/// <summary>
/// A referral (направление) to a place in a kindergarten group, issued by allocation. While it is Issued or
/// Accepted it holds the place; the family answers before <see cref="ValidUntil"/> or the referral expires.
/// </summary>
public sealed class Referral
{
    public int Id { get; set; }

    public int ApplicationId { get; init; }

    public int MunicipalityId { get; init; }

    public int OrganisationId { get; init; }

    public int KindergartenGroupId { get; init; }

    /// <summary>The allocation run that issued it.</summary>
    public int AllocationRunId { get; init; }

    public DateTime IssuedAt { get; init; }

    public DateTime ValidUntil { get; init; }

    public ReferralStatus Status { get; set; } = ReferralStatus.Issued;

    public DateTime? DecidedAt { get; set; }

    /// <summary>When the reminder before the deadline went out: it goes once.</summary>
    public DateTime? ReminderSentAt { get; set; }

    public int Version { get; set; }

    /// <summary>Holds a place in its group.</summary>
    public bool IsOpen => Status is ReferralStatus.Issued or ReferralStatus.Accepted;

    public bool TryDecide(ReferralStatus to, DateTime now)
    {
        var allowed = (Status, to) switch
        {
            (ReferralStatus.Issued, ReferralStatus.Accepted or ReferralStatus.Declined or ReferralStatus.Expired or ReferralStatus.Enrolled) => true,
            (ReferralStatus.Accepted, ReferralStatus.Declined or ReferralStatus.Enrolled) => true,
            (ReferralStatus.Issued or ReferralStatus.Accepted, ReferralStatus.Exchanged) => true,
            _ => false,
        };
        if (!allowed)
            return false;
        Status = to;
        DecidedAt = now;
        Version++;
        return true;
    }
}

public enum ReferralStatus
{
    /// <summary>Выдано: waiting for the family's answer.</summary>
    Issued,

    /// <summary>The family agreed; the kindergarten enrolls the child.</summary>
    Accepted,

    /// <summary>The family refused; the place went back to the pool.</summary>
    Declined,

    /// <summary>No answer before the deadline; the place went back to the pool.</summary>
    Expired,

    /// <summary>The child was enrolled in the group.</summary>
    Enrolled,

    /// <summary>The place went to another child in an exchange of places; the child got a referral to the partner's group.</summary>
    Exchanged,
}

/// <summary>One confirmed allocation (комплектование or доукомплектование) of a municipality for an admission year.</summary>
public sealed class AllocationRun
{
    public int Id { get; set; }

    public int MunicipalityId { get; init; }

    public int AdmissionYear { get; init; }

    public DateTime ConfirmedAt { get; init; }

    public int? ByAccountId { get; init; }

    /// <summary>The hash of the preview the operator confirmed.</summary>
    public required string ResultHash { get; init; }

    public int Referrals { get; init; }

    /// <summary>Main allocation or a top-up: by the municipality's period on the day it was confirmed.</summary>
    public AllocationKind Kind { get; init; }
}

/// <summary>What happens to an application whose referral ran out unanswered.</summary>
public enum ExpiredReferralOutcome
{
    /// <summary>«Не явился»: out of the queue until the family asks to return.</summary>
    NoShow,

    /// <summary>«Желает изменить ДОУ»: stays in the queue.</summary>
    WantsChange,
}

/// <summary>A municipality's queue settings; a municipality without a row uses the defaults.</summary>
public sealed class MunicipalQueueSettings
{
    public const int DefaultReferralValidDays = 30;
    public const int DefaultReviewDays = 7;

    public int MunicipalityId { get; set; }

    public int ReferralValidDays { get; set; } = DefaultReferralValidDays;

    public int ReviewDays { get; set; } = DefaultReviewDays;

    public ExpiredReferralOutcome ExpiredReferral { get; set; } = ExpiredReferralOutcome.NoShow;

    /// <summary>The first day of the yearly main allocation period, month × 100 + day (see <see cref="AllocationPeriod"/>).</summary>
    public int MainAllocationFrom { get; set; } = AllocationPeriod.Default.From;

    /// <summary>The last day of the yearly main allocation period, inclusive.</summary>
    public int MainAllocationTo { get; set; } = AllocationPeriod.Default.To;

    public AllocationPeriod MainAllocation => new(MainAllocationFrom, MainAllocationTo);

    public DateTime UpdatedAt { get; set; }

    public int? UpdatedByAccountId { get; set; }

    public int Version { get; set; }

    public static MunicipalQueueSettings DefaultsFor(int municipalityId) => new() { MunicipalityId = municipalityId };
}

public static class ReferralStatuses
{
    public static string Title(this ReferralStatus status) => status switch
    {
        ReferralStatus.Issued => "ждёт ответа",
        ReferralStatus.Accepted => "вы согласились",
        ReferralStatus.Declined => "отказ",
        ReferralStatus.Expired => "срок истёк",
        ReferralStatus.Enrolled => "зачислен",
        ReferralStatus.Exchanged => "обменяно",
        _ => status.ToString(),
    };

    public static string Title(this ExpiredReferralOutcome outcome) => outcome switch
    {
        ExpiredReferralOutcome.NoShow => "«Не явился» — ребёнок выходит из очереди, пока семья не обратится снова",
        _ => "«Желает изменить ДОУ» — ребёнок остаётся в очереди",
    };
}
