using Kabinet.Web.Data;
using Kabinet.Web.Features.Families;
using Kabinet.Web.Features.Kindergarten.Queue;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Kindergarten.Mine;

/// <summary>The applications a person may see: those for their children (any legal representative) and those they filed.</summary>
public sealed class ParentApplications(KabinetDbContext db, FamilyDirectory families)
{
    public async Task<IQueryable<QueueApplication>> VisibleToAsync(int personId, CancellationToken ct)
    {
        var children = (await families.ChildrenOfAsync(personId, ct)).Select(c => c.Id).ToList();
        return db.QueueApplications.Where(a => children.Contains(a.ChildPersonId) || a.ApplicantPersonId == personId);
    }

    /// <summary>One application with its choices and history, or null when it is not this person's to see.</summary>
    public async Task<QueueApplication?> FindAsync(int personId, int id, CancellationToken ct) =>
        await (await VisibleToAsync(personId, ct)).Include(a => a.Choices).Include(a => a.History).AsSplitQuery().FirstOrDefaultAsync(a => a.Id == id, ct);
}
