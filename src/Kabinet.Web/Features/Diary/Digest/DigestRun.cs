namespace Kabinet.Web.Features.Diary.Digest;

/// <summary>
/// The daily digest of one region day: how far it got (accounts are served in id order, in batches, each batch in
/// its own transaction) and when it finished — so a restart or a second node continues instead of sending twice.
/// </summary>
public sealed class DigestRun
{
    public DateOnly Day { get; set; }

    public int LastAccountId { get; set; }

    public int Letters { get; set; }

    public DateTime StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }
}
