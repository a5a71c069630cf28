namespace Kabinet.Web.Features.AdditionalEducation.Certificates;

/// <summary>Every certificate starts as «учёта»; the first enrolment on a certificate-funded programme makes it «персонифицированного финансирования».</summary>
public enum CertificateKind
{
    Accounting,
    Funded,
}

public static class CertificateKinds
{
    public static string Title(this CertificateKind kind) => kind switch
    {
        CertificateKind.Accounting => "сертификат учёта",
        CertificateKind.Funded => "сертификат персонифицированного финансирования",
        _ => kind.ToString(),
    };
}

/// <summary>
/// The additional-education certificate of a child: one per child, ever; valid until the 18th birthday. Its money
/// lives in <see cref="CertificateBalance"/> rows, one per calendar year.
/// </summary>
public sealed class Certificate
{
    public int Id { get; set; }

    /// <summary>«42-&lt;municipality&gt;-&lt;6 digits&gt;».</summary>
    public string Number { get; init; } = "";

    public int ChildPersonId { get; init; }

    public int MunicipalityId { get; init; }

    public int ApplicationId { get; init; }

    public CertificateKind Kind { get; set; } = CertificateKind.Accounting;

    public DateTime IssuedAt { get; init; }

    /// <summary>The 18th birthday: the first day it is no longer valid.</summary>
    public DateOnly ValidUntil { get; init; }

    public bool IsValidOn(DateOnly day) => day < ValidUntil;

    public static string NumberFor(int municipalityId, int applicationId) => $"42-{municipalityId:00}-{applicationId:000000}";
}

/// <summary>
/// A certificate's money for one calendar year: it starts at that year's nominal of the municipality and never goes
/// below zero. Created on first use of the year (INSERT … ON CONFLICT DO NOTHING), so unused money of a past year
/// simply stays in the past year's row — nothing carries over and no yearly job is needed.
/// </summary>
public sealed class CertificateBalance
{
    public int Id { get; set; }

    public int CertificateId { get; init; }

    public int Year { get; init; }

    public long StartKopecks { get; init; }

    public long BalanceKopecks { get; set; }
}

/// <summary>The nominal value of a certificate for a calendar year in a municipality, set by the municipal operator.</summary>
public sealed class CertificateNominal
{
    public int MunicipalityId { get; init; }

    public int Year { get; init; }

    public long AmountKopecks { get; set; }

    public DateTime SetAt { get; set; }

    public int SetByAccountId { get; set; }
}

/// <summary>One change of a certificate's balance: a debit (negative) for an enrolment or a refund (positive), so every change is explained.</summary>
public sealed class LedgerEntry
{
    public long Id { get; set; }

    public int CertificateId { get; init; }

    public int Year { get; init; }

    public int? EnrolmentId { get; set; }

    public long AmountKopecks { get; init; }

    /// <summary>The balance of the year right after this entry.</summary>
    public long BalanceAfterKopecks { get; init; }

    public DateTime At { get; init; }

    public string Text { get; init; } = "";
}
