using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Families.Children;

public sealed record AccessRow(DateTime At, string Who, string Action, string What);

/// <summary>«Кто просматривал данные моего ребёнка»: every recorded view and change of the child's data, newest first.</summary>
public sealed class AccessModel(KabinetDbContext db) : PageModel
{
    public string ChildName { get; private set; } = "";

    public IReadOnlyList<AccessRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var guardianId = KabinetClaims.PersonIdOf(User);
        // Only a legal representative of this child: anyone else gets "not found", not "forbidden".
        var child = await db.FamilyLinks.AsNoTracking()
            .Where(l => l.GuardianId == guardianId && l.ChildId == id)
            .Select(l => l.Child!)
            .FirstOrDefaultAsync(ct);
        if (child is null)
            return NotFound();
        ChildName = child.FullName;

        var entries = await db.PersonalDataAccess.AsNoTracking()
            .Where(a => a.SubjectPersonId == id)
            .OrderByDescending(a => a.At)
            .Take(200)
            .Join(db.Users, a => a.ActorAccountId, u => u.Id, (a, u) => new { a.At, a.Action, a.What, u.PersonId })
            .Join(db.People, x => x.PersonId, p => p.Id, (x, p) => new { x.At, x.Action, x.What, p.LastName, p.FirstName, p.MiddleName })
            .ToListAsync(ct);
        Rows = [.. entries.OrderByDescending(e => e.At).Select(e => new AccessRow(
            e.At,
            e.MiddleName is null ? $"{e.LastName} {e.FirstName}" : $"{e.LastName} {e.FirstName} {e.MiddleName}",
            e.Action == "view" ? "просмотр" : "изменение",
            e.What))];
        return Page();
    }
}
