using Kabinet.Web.Common.Paging;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.Families;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Messages.Inbox;

/// <summary>
/// The person's conversations, newest first, with the number of unread messages in each. A teacher's class message
/// is one row («рассылка») however many families it went to.
/// </summary>
[Authorize]
public sealed class InboxModel(KabinetDbContext db, FamilyDirectory families) : PageModel
{
    private const int PageSize = 20;

    /// <summary>One row of the inbox: a conversation, or a class message with its families' conversations.</summary>
    public sealed record Row(int? ThreadId, int? BroadcastId, string Subject, string With, string? About, DateTime LastMessageAt, int Unread);

    private sealed record Head(int Id, bool IsBroadcast, DateTime LastMessageAt);

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public Page<Row> Items { get; private set; } = new([], 1, PageSize, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var me = KabinetClaims.PersonIdOf(User);
        var threads = db.ThreadParticipants.AsNoTracking().Where(p => p.PersonId == me && !p.InBroadcast)
            .Join(db.MessageThreads, p => p.ThreadId, t => t.Id, (p, t) => t);
        var broadcasts = db.MessageBroadcasts.AsNoTracking().Where(b => b.SenderPersonId == me);
        var total = await threads.CountAsync(ct) + await broadcasts.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (total + PageSize - 1) / PageSize));

        // The newest of each kind up to this page, merged: a class message is one row among the conversations.
        var enough = PageNumber * PageSize;
        var threadHeads = await threads.OrderByDescending(t => t.LastMessageAt).ThenByDescending(t => t.Id).Take(enough)
            .Select(t => new Head(t.Id, false, t.LastMessageAt)).ToListAsync(ct);
        var broadcastHeads = await broadcasts.OrderByDescending(b => b.LastMessageAt).ThenByDescending(b => b.Id).Take(enough)
            .Select(b => new Head(b.Id, true, b.LastMessageAt)).ToListAsync(ct);
        var heads = threadHeads.Concat(broadcastHeads).OrderByDescending(h => h.LastMessageAt).ThenByDescending(h => h.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();

        var rows = new Dictionary<Head, Row>();
        var threadIds = heads.Where(h => !h.IsBroadcast).Select(h => h.Id).ToList();
        if (threadIds.Count > 0)
        {
            var shown = await db.MessageThreads.AsNoTracking().Where(t => threadIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
            var people = await db.ThreadParticipants.AsNoTracking().Where(p => threadIds.Contains(p.ThreadId)).ToListAsync(ct);
            var unread = await UnreadAsync(db.ThreadParticipants.Where(p => p.PersonId == me && threadIds.Contains(p.ThreadId)), me, ct);
            var names = await families.NamesAsync(people.Select(p => p.PersonId).Concat(shown.Values.Select(t => t.StudentPersonId)), ct);
            foreach (var head in heads.Where(h => !h.IsBroadcast))
            {
                var thread = shown[head.Id];
                var mySide = people.First(p => p.ThreadId == thread.Id && p.PersonId == me).Side;
                var with = MessageNames.People(people.Where(p => p.ThreadId == thread.Id && p.Side != mySide).Select(p => p.PersonId), names);
                var about = thread.StudentPersonId == me ? null : names.GetValueOrDefault(thread.StudentPersonId);
                rows[head] = new Row(thread.Id, null, thread.Subject, with, about, thread.LastMessageAt, unread.GetValueOrDefault(thread.Id));
            }
        }

        var broadcastIds = heads.Where(h => h.IsBroadcast).Select(h => h.Id).ToList();
        if (broadcastIds.Count > 0)
        {
            var shown = await db.MessageBroadcasts.AsNoTracking().Where(b => broadcastIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, ct);
            var mine = db.ThreadParticipants.Where(p => p.PersonId == me && p.InBroadcast)
                .Join(db.MessageThreads.Where(t => t.BroadcastId != null && broadcastIds.Contains(t.BroadcastId.Value)), p => p.ThreadId, t => t.Id, (p, t) => p);
            var unreadByThread = await UnreadAsync(mine, me, ct);
            var threadOf = await db.MessageThreads.AsNoTracking().Where(t => t.BroadcastId != null && broadcastIds.Contains(t.BroadcastId.Value))
                .Select(t => new { t.Id, BroadcastId = t.BroadcastId!.Value }).ToListAsync(ct);
            foreach (var head in heads.Where(h => h.IsBroadcast))
            {
                var broadcast = shown[head.Id];
                var ofIt = threadOf.Where(t => t.BroadcastId == broadcast.Id).ToList();
                rows[head] = new Row(null, broadcast.Id, broadcast.Subject, $"Рассылка родителям класса {broadcast.ClassName}: семей {ofIt.Count}", null,
                    broadcast.LastMessageAt, ofIt.Sum(t => unreadByThread.GetValueOrDefault(t.Id)));
            }
        }

        Items = new Page<Row>([.. heads.Select(h => rows[h])], PageNumber, PageSize, total);
    }

    /// <summary>Messages by others written after the person last read, per thread of the given participant rows.</summary>
    private async Task<Dictionary<int, int>> UnreadAsync(IQueryable<ThreadParticipant> mine, int me, CancellationToken ct) =>
        await mine.Join(db.Messages, p => p.ThreadId, m => m.ThreadId, (p, m) => new { p.ThreadId, p.LastReadAt, m.SentAt, m.AuthorPersonId })
            .Where(x => x.AuthorPersonId != me && (x.LastReadAt == null || x.SentAt > x.LastReadAt))
            .GroupBy(x => x.ThreadId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
}
