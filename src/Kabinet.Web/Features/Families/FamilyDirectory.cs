using Kabinet.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Families;

/// <summary>A person as other modules see them.</summary>
public sealed record PersonSummary(int Id, string FullName, DateOnly BirthDate);

/// <summary>What other modules may ask about people and families.</summary>
public sealed class FamilyDirectory(KabinetDbContext db)
{
    public Task<PersonSummary?> FindPersonAsync(int personId, CancellationToken ct) =>
        db.People.AsNoTracking()
            .Where(p => p.Id == personId)
            .Select(p => new PersonSummary(p.Id, p.MiddleName == null ? p.LastName + " " + p.FirstName : p.LastName + " " + p.FirstName + " " + p.MiddleName, p.BirthDate))
            .FirstOrDefaultAsync(ct);
}
