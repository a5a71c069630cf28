using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Families.Children;

public sealed record AccessRow(DateTime At, string Who, string Action, string What);

/// <summary>«Кто просматривал данные моего ребёнка»: every recorded view and change of the child's data, newest first.</summary>
public sealed class AccessModel(KabinetDbContext db, AccountDirectory accounts) : PageModel
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
            .ToListAsync(ct);
        var persons = await accounts.PersonIdsAsync(entries.Select(e => e.ActorAccountId), ct);
        var personIds = persons.Values.ToList();
        var names = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FullName, ct);
        Rows = [.. entries.Select(e => new AccessRow(
            e.At,
            persons.TryGetValue(e.ActorAccountId, out var personId) && names.TryGetValue(personId, out var name) ? name : "работник",
            e.Action == "view" ? "просмотр" : "изменение",
            e.What))];
        return Page();
    }
}
