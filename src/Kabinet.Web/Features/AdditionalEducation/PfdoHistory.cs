namespace Kabinet.Web.Features.AdditionalEducation;

/// <summary>
/// One status change of a certificate application or a programme enrolment: who (null — the system), when, from
/// what to what, and the comment the family sees (a refusal's reason).
/// </summary>
public sealed class PfdoStatusChange
{
    public long Id { get; set; }

    public int? CertificateApplicationId { get; init; }

    public int? EnrolmentId { get; init; }

    public string From { get; init; } = "";

    public string To { get; init; } = "";

    public DateTime At { get; init; }

    public int? ByAccountId { get; init; }

    public string? Comment { get; init; }
}
