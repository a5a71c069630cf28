using Kabinet.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Families;

/// <summary>What other modules may ask about people and families.</summary>
public sealed class FamilyDirectory(KabinetDbContext db)
{
    public Task<Person?> FindPersonAsync(int personId, CancellationToken ct) =>
        db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, ct);

    /// <summary>The children a person is a legal representative of, youngest last.</summary>
    public Task<List<Person>> ChildrenOfAsync(int guardianId, CancellationToken ct) =>
        db.FamilyLinks.AsNoTracking()
            .Where(l => l.GuardianId == guardianId)
            .Select(l => l.Child!)
            .OrderBy(c => c.BirthDate)
            .ToListAsync(ct);
}
