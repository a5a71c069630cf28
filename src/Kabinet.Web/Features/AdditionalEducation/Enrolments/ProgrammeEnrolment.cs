namespace Kabinet.Web.Features.AdditionalEducation.Enrolments;

/// <summary>Заявка подана → Зачислен (the organisation confirms) | Отклонена (full refund) | Отчислен (by the family or the organisation).</summary>
public enum EnrolmentStatus
{
    Submitted,
    Enrolled,
    Rejected,
    Left,
}

public static class EnrolmentStatuses
{
    private static readonly Dictionary<EnrolmentStatus, EnrolmentStatus[]> Next = new()
    {
        [EnrolmentStatus.Submitted] = [EnrolmentStatus.Enrolled, EnrolmentStatus.Rejected, EnrolmentStatus.Left],
        [EnrolmentStatus.Enrolled] = [EnrolmentStatus.Left],
        [EnrolmentStatus.Rejected] = [],
        [EnrolmentStatus.Left] = [],
    };

    public static bool CanMove(EnrolmentStatus from, EnrolmentStatus to) => Next[from].Contains(to);

    public static bool IsActive(this EnrolmentStatus status) => status is EnrolmentStatus.Submitted or EnrolmentStatus.Enrolled;

    public static string Title(this EnrolmentStatus status) => status switch
    {
        EnrolmentStatus.Submitted => "Заявка подана",
        EnrolmentStatus.Enrolled => "Зачислен",
        EnrolmentStatus.Rejected => "Отклонена",
        EnrolmentStatus.Left => "Отчислен",
        _ => status.ToString(),
    };
}

/// <summary>A child's enrolment on a programme; when paid from the certificate, the amount debited from that year's balance.</summary>
public sealed class ProgrammeEnrolment
{
    public int Id { get; set; }

    public int ProgrammeId { get; init; }

    public int OrganisationId { get; init; }

    public int ChildPersonId { get; init; }

    public int SubmittedByAccountId { get; init; }

    public int? CertificateId { get; init; }

    /// <summary>The calendar year whose balance paid for it.</summary>
    public int Year { get; init; }

    public long AmountKopecks { get; init; }

    public long RefundedKopecks { get; set; }

    public DateTime SubmittedAt { get; init; }

    public EnrolmentStatus Status { get; private set; } = EnrolmentStatus.Submitted;

    public DateTime StatusChangedAt { get; private set; }

    public int Version { get; set; }

    public List<PfdoStatusChange> History { get; } = [];

    public string Number => $"ДО-{Id:000000}";

    public bool TryMove(EnrolmentStatus to, int? byAccountId, string? comment, DateTime now)
    {
        if (!EnrolmentStatuses.CanMove(Status, to))
            return false;
        History.Add(new PfdoStatusChange { EnrolmentId = Id, From = Status.Title(), To = to.Title(), At = now, ByAccountId = byAccountId, Comment = comment });
        Status = to;
        StatusChangedAt = now;
        Version++;
        return true;
    }

    public void Submit(DateTime now)
    {
        StatusChangedAt = now;
        History.Add(new PfdoStatusChange { From = "", To = Status.Title(), At = now, ByAccountId = SubmittedByAccountId });
    }

    /// <summary>
    /// What goes back to the certificate when the child leaves: a rejected or not yet confirmed enrolment gets
    /// everything back; a confirmed one the share of the whole months left in the paid year after the current one.
    /// A past year's money is not refunded: it does not carry over.
    /// </summary>
    public long RefundOnLeaving(DateOnly today) => AmountKopecks == 0 || today.Year != Year ? 0
        : Status == EnrolmentStatus.Submitted ? AmountKopecks
        : AmountKopecks * (12 - today.Month) / 12;
}
