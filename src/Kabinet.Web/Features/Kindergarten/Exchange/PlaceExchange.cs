namespace Kabinet.Web.Features.Kindergarten.Exchange;

/// <summary>
/// An exchange of places among 2 or 3 announcements: participant i gives its place to participant i + 1 (the
/// last to the first). Every family confirms, then the operator of the municipality approves and the places
/// swap in one transaction. Proposed by a family, or by Kabinet when it found the cycle itself.
/// </summary>
public sealed class PlaceExchange
{
    public const int MaxReasonLength = 500;

    public int Id { get; set; }

    public int MunicipalityId { get; init; }

    /// <summary>The account that proposed it; null — Kabinet found the cycle («предложено Кабинетом»).</summary>
    public int? ProposedByAccountId { get; init; }

    /// <summary>The announcements in giving order, rotated to start at the smallest id: the same cycle is never proposed twice.</summary>
    public required string CycleKey { get; init; }

    public ExchangeStatus Status { get; set; } = ExchangeStatus.AwaitingConfirmations;

    /// <summary>Why the operator refused or why it was cancelled.</summary>
    public string? Reason { get; set; }

    public DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; set; }

    public DateTime? DecidedAt { get; set; }

    public int? DecidedByAccountId { get; set; }

    public int Version { get; set; }

    public List<ExchangeParticipant> Participants { get; } = [];

    public List<ExchangeEvent> History { get; } = [];

    public bool ProposedByKabinet => ProposedByAccountId is null;

    public bool IsPending => Status is ExchangeStatus.AwaitingConfirmations or ExchangeStatus.AwaitingOperator;

    /// <summary>The participant whose place participant <paramref name="index"/> receives.</summary>
    public ExchangeParticipant GiverTo(int index)
    {
        var ordered = Ordered();
        return ordered[(index - 1 + ordered.Count) % ordered.Count];
    }

    public IReadOnlyList<ExchangeParticipant> Ordered() => [.. Participants.OrderBy(p => p.Position)];

    /// <summary>Canonical key of a cycle in giving order: rotated to begin at the smallest announcement id.</summary>
    public static string KeyOf(IReadOnlyList<int> announcementIds)
    {
        var start = 0;
        for (var i = 1; i < announcementIds.Count; i++)
        {
            if (announcementIds[i] < announcementIds[start])
                start = i;
        }

        return string.Join('>', Enumerable.Range(0, announcementIds.Count).Select(i => announcementIds[(start + i) % announcementIds.Count]));
    }

    /// <summary>A family confirms its participants; when the last one confirms, the exchange goes to the operator.</summary>
    public bool Confirm(IReadOnlyCollection<int> applicationIds, int accountId, DateTime now)
    {
        if (Status != ExchangeStatus.AwaitingConfirmations)
            return false;
        var mine = Participants.Where(p => applicationIds.Contains(p.ApplicationId) && p.ConfirmedAt is null).ToList();
        if (mine.Count == 0)
            return false;
        foreach (var p in mine)
        {
            p.ConfirmedAt = now;
            p.ConfirmedByAccountId = accountId;
        }

        Record(accountId, now, "Семья подтвердила обмен.");
        if (Participants.All(p => p.ConfirmedAt is not null))
        {
            Status = ExchangeStatus.AwaitingOperator;
            Record(null, now, "Все семьи подтвердили обмен; он передан оператору муниципалитета.");
        }

        return true;
    }

    /// <summary>Ends a pending exchange: declined by a family, refused by the operator or cancelled.</summary>
    public bool TryEnd(ExchangeStatus to, int? byAccountId, string? reason, string text, DateTime now)
    {
        if (!IsPending || to is ExchangeStatus.AwaitingConfirmations or ExchangeStatus.AwaitingOperator or ExchangeStatus.Approved)
            return false;
        Status = to;
        Reason = reason;
        DecidedAt = now;
        DecidedByAccountId = byAccountId;
        Record(byAccountId, now, text);
        return true;
    }

    public bool TryApprove(int byAccountId, DateTime now)
    {
        if (Status != ExchangeStatus.AwaitingOperator)
            return false;
        Status = ExchangeStatus.Approved;
        DecidedAt = now;
        DecidedByAccountId = byAccountId;
        Record(byAccountId, now, "Оператор одобрил обмен; места переданы.");
        return true;
    }

    private void Record(int? byAccountId, DateTime now, string text)
    {
        History.Add(new ExchangeEvent { ExchangeId = Id, At = now, ByAccountId = byAccountId, Text = text });
        UpdatedAt = now;
        Version++;
    }
}

/// <summary>One announcement in an exchange: the place it gives (as it was when proposed) and its family's confirmation.</summary>
public sealed class ExchangeParticipant
{
    public int Id { get; set; }

    public int ExchangeId { get; set; }

    /// <summary>0, 1, 2: this participant gives its place to the next one.</summary>
    public int Position { get; init; }

    public int AnnouncementId { get; init; }

    public int ApplicationId { get; init; }

    public int OrganisationId { get; init; }

    public int KindergartenGroupId { get; init; }

    public DateTime? ConfirmedAt { get; set; }

    public int? ConfirmedByAccountId { get; set; }
}

/// <summary>What happened to an exchange: who (null — Kabinet), when and what.</summary>
public sealed class ExchangeEvent
{
    public long Id { get; set; }

    public int ExchangeId { get; set; }

    public DateTime At { get; init; }

    public int? ByAccountId { get; init; }

    public required string Text { get; init; }
}

public enum ExchangeStatus
{
    AwaitingConfirmations,
    AwaitingOperator,

    /// <summary>The operator approved; the places were swapped.</summary>
    Approved,

    /// <summary>The operator refused, with the reason.</summary>
    Refused,

    /// <summary>A family declined (or took its announcement down).</summary>
    Declined,

    /// <summary>A place no longer holds (or was exchanged in another exchange).</summary>
    Cancelled,
}

public static class ExchangeStatuses
{
    public static string Title(this ExchangeStatus status) => status switch
    {
        ExchangeStatus.AwaitingConfirmations => "ждёт подтверждения семей",
        ExchangeStatus.AwaitingOperator => "ждёт решения оператора",
        ExchangeStatus.Approved => "одобрен, места переданы",
        ExchangeStatus.Refused => "оператор отказал",
        ExchangeStatus.Declined => "семья отказалась",
        ExchangeStatus.Cancelled => "отменён",
        _ => status.ToString(),
    };

    public static string Title(this AnnouncementStatus status) => status switch
    {
        AnnouncementStatus.Active => "опубликовано",
        AnnouncementStatus.Closed => "закрыто: место обменяно",
        AnnouncementStatus.Withdrawn => "снято",
        AnnouncementStatus.Lapsed => "снято: место больше не закреплено за ребёнком",
        _ => status.ToString(),
    };
}
