namespace Kabinet.Web.Features.Kindergarten.Exchange;

/// <summary>
/// «Обмен местами»: a family whose child holds a place (направлен or зачислен) offers that place — kindergarten,
/// group — and names the kindergartens it would move to. One active announcement per application.
/// </summary>
public sealed class ExchangeAnnouncement
{
    public const int MaxWanted = 5;
    public const int MaxCommentLength = 500;

    public int Id { get; set; }

    public int ApplicationId { get; init; }

    public int MunicipalityId { get; init; }

    /// <summary>The kindergarten of the place offered.</summary>
    public int OrganisationId { get; set; }

    /// <summary>The group of the place offered.</summary>
    public int KindergartenGroupId { get; set; }

    public string? Comment { get; set; }

    public AnnouncementStatus Status { get; set; } = AnnouncementStatus.Active;

    public DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; set; }

    public int Version { get; set; }

    /// <summary>The kindergartens the family would move to, in the order they gave them.</summary>
    public List<AnnouncementWish> Wishes { get; } = [];

    public void Touch(DateTime now)
    {
        UpdatedAt = now;
        Version++;
    }

    /// <summary>Takes it off the board: the family withdrew it, or the place was exchanged (closed).</summary>
    public bool TryEnd(AnnouncementStatus to, DateTime now)
    {
        if (Status != AnnouncementStatus.Active || to == AnnouncementStatus.Active)
            return false;
        Status = to;
        Touch(now);
        return true;
    }
}

/// <summary>A kindergarten the family would move to.</summary>
public sealed class AnnouncementWish
{
    public int Id { get; set; }

    public int AnnouncementId { get; set; }

    public int Position { get; set; }

    public int OrganisationId { get; set; }
}

public enum AnnouncementStatus
{
    /// <summary>On the board: others find it, Kabinet looks for exchange cycles with it.</summary>
    Active,

    /// <summary>The place was exchanged.</summary>
    Closed,

    /// <summary>The family took it down.</summary>
    Withdrawn,

    /// <summary>The place stopped holding (the family declined the referral, it expired, the child left).</summary>
    Lapsed,
}
