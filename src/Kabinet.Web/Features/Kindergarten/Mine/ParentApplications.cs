using Kabinet.Web.Data;
using Kabinet.Web.Features.Families;
using Kabinet.Web.Features.Kindergarten.Queue;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Kindergarten.Mine;

/// <summary>An application as its family sees it, with the child's name, its documents and benefit ground.</summary>
public sealed record FamilyApplication(QueueApplication Application, string ChildName, IReadOnlyList<Documents.ApplicationDocument> Documents, BenefitGround? Ground);

/// <summary>The applications a person may see: those for their children (any legal representative) and those they filed.</summary>
public sealed class ParentApplications(KabinetDbContext db, FamilyDirectory families, CardCache cards)
{
    /// <summary>
    /// A query of the applications the person may see. The ids come from a union of two indexed lookups (the
    /// family's children, what the person filed): written as one condition with OR, PostgreSQL scans every
    /// application; and the family's children come in as a subquery rather than a list of ids, since a list
    /// parameter makes EF build the SQL again on every request.
    /// </summary>
    public IQueryable<QueueApplication> VisibleTo(int personId)
    {
        var ids = families.ChildIdsOf(personId)
            .Join(db.QueueApplications, child => child, a => a.ChildPersonId, (_, a) => a.Id)
            .Union(db.QueueApplications.Where(a => a.ApplicantPersonId == personId).Select(a => a.Id));
        return db.QueueApplications.Where(a => ids.Contains(a.Id));
    }

    /// <summary>One application with its choices and history, or null when it is not this person's to see.</summary>
    public Task<QueueApplication?> FindAsync(int personId, int id, CancellationToken ct) => FindAsync(personId, id, tracked: true, ct);

    private async Task<QueueApplication?> FindAsync(int personId, int id, bool tracked, CancellationToken ct)
    {
        var query = VisibleTo(personId).Include(a => a.Choices).Include(a => a.History).AsSingleQuery();
        return await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(a => a.Id == id, ct);
    }

    /// <summary>
    /// One application with its choices, history, documents, benefit ground and the child's name, or null when it is
    /// not this person's to see. Shown (untracked), it comes from <see cref="CardCache"/> keyed by the application's
    /// stamp — its version (moved by every change of the application, its choices and statuses), the number of
    /// status changes and the documents attached and taken back — which one small compiled query reads on every
    /// request together with the check that the person may see it, the child's name and the benefit ground, so a
    /// change made on any node is seen at once. Reading the whole application was two thirds of the CPU of this page,
    /// the one families open most.
    /// </summary>
    public async Task<FamilyApplication?> FindWithChildAsync(int personId, int id, bool tracked, CancellationToken ct)
    {
        if (tracked)
            return await LoadWithChildAsync(personId, id, tracked, ct);
        if (await StampOf(db, personId, id, ct) is not { } stamp)
            return null;
        var key = (stamp.Id, stamp.Version, stamp.History, stamp.Documents, stamp.LastDocument);
        if (cards.TryGet(key, out CachedCard card))
            return new FamilyApplication(card.Application, stamp.Child.FullName, card.Documents, stamp.Ground);
        if (await LoadWithChildAsync(personId, id, tracked, ct) is not { } found)
            return null;
        // Cached only when it is what the stamp describes (a change may have come between the two reads).
        if (found.Application.Version == stamp.Version && found.Application.History.Count == stamp.History && found.Documents.Count == stamp.Documents)
            cards.Set(key, new CachedCard(found.Application, found.Documents), CardCache.SizeOf(found), CardCache.KeepFor, CardCache.KeepUnused);
        return found;
    }

    private sealed record CardStamp(int Id, int Version, int History, int Documents, int LastDocument, PersonName Child, BenefitGround? Ground);

    private sealed record CachedCard(QueueApplication Application, IReadOnlyList<Documents.ApplicationDocument> Documents);

    private static readonly Func<KabinetDbContext, int, int, CancellationToken, Task<CardStamp?>> StampOf = EF.CompileAsyncQuery(
        FamilyDirectory.Inline<Func<KabinetDbContext, int, int, CancellationToken, CardStamp?>>((db, personId, id, ct) => (
            from a in db.QueueApplications
            where a.Id == id && (a.ApplicantPersonId == personId || FamilyDirectory.Represents(db, personId, a.ChildPersonId))
            join p in FamilyDirectory.PeopleNames(db) on a.ChildPersonId equals p.Id
            from g in db.BenefitGrounds.AsNoTracking().Where(g => g.Id == a.BenefitGroundId).DefaultIfEmpty()
            select new CardStamp(a.Id, a.Version, db.StatusChanges.Count(h => h.ApplicationId == a.Id),
                db.ApplicationDocuments.Count(d => d.ApplicationId == a.Id && d.DeletedAt == null),
                db.ApplicationDocuments.Where(d => d.ApplicationId == a.Id).Max(d => (int?)d.Id) ?? 0, p, g))
            .FirstOrDefault()));

    /// <summary>The whole application in ONE query (each round trip cost more than its rows); untracked when only shown.</summary>
    private async Task<FamilyApplication?> LoadWithChildAsync(int personId, int id, bool tracked, CancellationToken ct)
    {
        var names = families.PersonNames();
        var query = VisibleTo(personId).Where(a => a.Id == id)
            .Include(a => a.Choices).Include(a => a.History)
            .Join(names, a => a.ChildPersonId, p => p.Id, (a, p) => new
            {
                Application = a,
                Child = p,
                Documents = db.ApplicationDocuments.Where(d => d.ApplicationId == a.Id && d.DeletedAt == null).OrderBy(d => d.UploadedAt).ThenBy(d => d.Id).ToList(),
                Ground = db.BenefitGrounds.FirstOrDefault(g => g.Id == a.BenefitGroundId),
            })
            .AsSingleQuery();
        var found = await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(ct);
        return found is null ? null : new FamilyApplication(found.Application, found.Child.FullName, found.Documents, found.Ground);
    }
}

/// <summary>
/// Applications as their families last saw them, keyed by their stamp (<see cref="ParentApplications.FindWithChildAsync"/>):
/// bounded in size like the diary's cache (ADR 10), so a region of families opening their cards keeps the ones in use.
/// </summary>
public sealed class CardCache(IConfiguration configuration) : Common.Caching.BoundedCache(configuration.GetValue("Kindergarten:CardCacheSize", 50_000))
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromHours(1);

    public static readonly TimeSpan KeepUnused = TimeSpan.FromMinutes(10);

    /// <summary>Size units, roughly a kilobyte each: the application with its choices, and its history and documents.</summary>
    public static long SizeOf(FamilyApplication card) => 1 + (card.Application.History.Count + card.Documents.Count) / 4;
}
