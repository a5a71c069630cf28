namespace Kabinet.Web.Features.Kindergarten.Queue;

/// <summary>The kinds of right to a place (domain-rules §1.4).</summary>
public enum BenefitKind
{
    None,

    /// <summary>Внеочередное.</summary>
    OutOfTurn,

    /// <summary>Первоочередное.</summary>
    FirstPriority,

    /// <summary>Преимущественное.</summary>
    Preferential,
}

/// <summary>Whether the operator has checked the benefit's documents. Only a confirmed benefit moves the child up.</summary>
public enum BenefitStatus
{
    None,
    Claimed,
    Confirmed,
    Refused,
}

/// <summary>A legal ground for a benefit, from the list regional administrators maintain.</summary>
public sealed class BenefitGround
{
    public int Id { get; set; }

    public BenefitKind Kind { get; set; }

    /// <summary>«Дети судей».</summary>
    public required string Title { get; set; }

    /// <summary>«п.3 ст.19 Закона РФ от 26.06.1992 № 3132-1 „О статусе судей в Российской Федерации“».</summary>
    public required string LegalBasis { get; set; }

    /// <summary>Withdrawn grounds stay for old applications but are not offered any more.</summary>
    public bool Active { get; set; } = true;
}

public static class BenefitKinds
{
    public static string Title(this BenefitKind kind) => kind switch
    {
        BenefitKind.None => "без льготы",
        BenefitKind.OutOfTurn => "внеочередное",
        BenefitKind.FirstPriority => "первоочередное",
        BenefitKind.Preferential => "преимущественное",
        _ => kind.ToString(),
    };

    public static string Title(this BenefitStatus status) => status switch
    {
        BenefitStatus.None => "",
        BenefitStatus.Claimed => "ожидает подтверждения",
        BenefitStatus.Confirmed => "подтверждена",
        BenefitStatus.Refused => "не подтверждена",
        _ => status.ToString(),
    };
}
