namespace Kabinet.Web.Features.Kindergarten.Queue;

/// <summary>
/// The order of a kindergarten's queue (domain-rules §1.5): by benefit group — внеочередное with a sibling in
/// that kindergarten, внеочередное, первоочередное with a sibling, первоочередное, преимущественное, none —
/// then by registration date and time. An unconfirmed benefit counts as none; a sibling already attending the
/// kindergarten is itself the preferential right (ч.3.1 ст.67 273-ФЗ).
/// </summary>
public static class QueueOrder
{
    public const int Groups = 6;

    /// <summary>1 (the first served) … 6 (no benefit).</summary>
    public static int Rank(BenefitKind benefit, bool confirmed, bool siblingAttends) => (confirmed ? benefit : BenefitKind.None) switch
    {
        BenefitKind.OutOfTurn => siblingAttends ? 1 : 2,
        BenefitKind.FirstPriority => siblingAttends ? 3 : 4,
        BenefitKind.Preferential => 5,
        _ => siblingAttends ? 5 : 6,
    };

    public static string RankTitle(int rank) => rank switch
    {
        1 => "внеочередное право, брат или сестра в этом саду",
        2 => "внеочередное право",
        3 => "первоочередное право, брат или сестра в этом саду",
        4 => "первоочередное право",
        5 => "преимущественное право (брат или сестра в этом саду)",
        _ => "без льготы",
    };

    /// <summary>Compares two places in one queue: rank, then registration time, then the application number (a stable tie-break).</summary>
    public static int Compare(QueueEntry a, QueueEntry b)
    {
        var byRank = a.Rank.CompareTo(b.Rank);
        if (byRank != 0)
            return byRank;
        var byTime = a.RegisteredAt.CompareTo(b.RegisteredAt);
        return byTime != 0 ? byTime : a.ApplicationId.CompareTo(b.ApplicationId);
    }
}

/// <summary>A child's place in one kindergarten's queue.</summary>
public readonly record struct QueueEntry(int ApplicationId, int Rank, DateTime RegisteredAt);
