using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.Families;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Messages.Broadcasts;

/// <summary>
/// A teacher's class message: what was sent, and each family's own conversation with its unread replies. Only the
/// sender opens it; families see just their own thread.
/// </summary>
[Authorize]
public sealed class BroadcastModel(KabinetDbContext db, FamilyDirectory families) : PageModel
{
    public sealed record FamilyRow(int ThreadId, string Student, string Parents, DateTime LastMessageAt, int Replies, bool Unread);

    public MessageBroadcast Broadcast { get; private set; } = null!;

    public string Text { get; private set; } = "";

    public IReadOnlyList<FamilyRow> Families { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var me = KabinetClaims.PersonIdOf(User);
        if (await db.MessageBroadcasts.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id && b.SenderPersonId == me, ct) is not { } broadcast)
            return NotFound();
        Broadcast = broadcast;
        var threads = await db.MessageThreads.AsNoTracking().Where(t => t.BroadcastId == id)
            .Join(db.ThreadParticipants.Where(p => p.PersonId == me), t => t.Id, p => p.ThreadId, (t, p) => new { Thread = t, p.LastReadAt })
            .ToListAsync(ct);
        var people = await db.ThreadParticipants.AsNoTracking()
            .Join(db.MessageThreads.Where(t => t.BroadcastId == id), p => p.ThreadId, t => t.Id, (p, t) => p)
            .Where(p => p.Side == ThreadSide.Family).ToListAsync(ct);
        var replies = await db.Messages.AsNoTracking()
            .Join(db.MessageThreads.Where(t => t.BroadcastId == id), m => m.ThreadId, t => t.Id, (m, t) => m)
            .Where(m => m.AuthorPersonId != me)
            .GroupBy(m => m.ThreadId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        Text = await db.Messages.AsNoTracking()
            .Join(db.MessageThreads.Where(t => t.BroadcastId == id), m => m.ThreadId, t => t.Id, (m, t) => m)
            .OrderBy(m => m.SentAt).ThenBy(m => m.Id).Select(m => m.Text).FirstOrDefaultAsync(ct) ?? "";
        var names = await families.NamesAsync(people.Select(p => p.PersonId).Concat(threads.Select(t => t.Thread.StudentPersonId)), ct);
        Families = [.. threads
            .Select(t => new FamilyRow(t.Thread.Id, names.GetValueOrDefault(t.Thread.StudentPersonId, ""),
                MessageNames.People(people.Where(p => p.ThreadId == t.Thread.Id).Select(p => p.PersonId), names),
                t.Thread.LastMessageAt, replies.GetValueOrDefault(t.Thread.Id), t.LastReadAt is not { } read || t.Thread.LastMessageAt > read))
            .OrderByDescending(r => r.Unread).ThenByDescending(r => r.LastMessageAt).ThenBy(r => r.Student, StringComparer.Ordinal)];
        return Page();
    }
}
