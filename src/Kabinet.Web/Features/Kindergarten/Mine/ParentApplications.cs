using Kabinet.Web.Data;
using Kabinet.Web.Features.Families;
using Kabinet.Web.Features.Kindergarten.Queue;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Kindergarten.Mine;

/// <summary>An application as its family sees it, with the child's name, its documents and benefit ground.</summary>
public sealed record FamilyApplication(QueueApplication Application, string ChildName, IReadOnlyList<Documents.ApplicationDocument> Documents, BenefitGround? Ground);

/// <summary>The applications a person may see: those for their children (any legal representative) and those they filed.</summary>
public sealed class ParentApplications(KabinetDbContext db, FamilyDirectory families)
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
    /// One application with its choices, history, documents, benefit ground and the child's name in ONE query (the
    /// page is the one families open most; each round trip cost more than the rows: a few each), or null when it is
    /// not this person's to see. Untracked when only shown: tracking costs a tenth of the query.
    /// </summary>
    public async Task<FamilyApplication?> FindWithChildAsync(int personId, int id, bool tracked, CancellationToken ct)
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
