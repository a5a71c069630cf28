using Kabinet.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Kabinet.Web.Features.Messages;

/// <summary>
/// The counter of conversations with unread messages, shown in the header of every signed-in page. Cached briefly
/// like the notifications counter: this node forgets it whenever someone writes or reads, so only a message written
/// through another node shows up to this long late.
/// </summary>
public sealed class MessageInbox(KabinetDbContext db, IMemoryCache cache)
{
    private static readonly TimeSpan UnreadCacheFor = TimeSpan.FromSeconds(15);

    public async Task<int> UnreadCountAsync(int personId, CancellationToken ct) =>
        await cache.GetOrCreateAsync(UnreadKey(personId), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = UnreadCacheFor;
            return db.ThreadParticipants.AsNoTracking()
                .Where(p => p.PersonId == personId)
                .Join(db.MessageThreads, p => p.ThreadId, t => t.Id, (p, t) => new { p.LastReadAt, t.LastMessageAt })
                .CountAsync(x => x.LastReadAt == null || x.LastMessageAt > x.LastReadAt, ct);
        });

    /// <summary>Drops the cached counters of people whose conversations were just written to or read.</summary>
    public void ForgetUnread(IEnumerable<int> personIds)
    {
        foreach (var personId in personIds)
            cache.Remove(UnreadKey(personId));
    }

    private static (string, int) UnreadKey(int personId) => ("unread-messages", personId);
}
