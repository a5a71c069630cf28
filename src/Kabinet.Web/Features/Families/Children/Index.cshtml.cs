using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.Institutions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Families.Children;

public sealed record ChildCard(int Id, string FullName, DateOnly? BirthDate, FamilyRelation Relation, IReadOnlyList<StudyPlace> Places);

/// <summary>«Мои дети»: the children linked to this parent, with where they study, and requests still waiting for an organisation.</summary>
public sealed class IndexModel(KabinetDbContext db, InstitutionDirectory institutions) : PageModel
{
    public IReadOnlyList<ChildCard> Children { get; private set; } = [];

    public IReadOnlyList<ChildLinkRequest> Requests { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var guardianId = KabinetClaims.PersonIdOf(User);
        var links = await db.FamilyLinks.AsNoTracking()
            .Where(l => l.GuardianId == guardianId)
            .Select(l => new { l.Child, l.Relation })
            .ToListAsync(ct);
        var places = await institutions.PlacesOfAsync([.. links.Select(l => l.Child!.Id)], ct);
        Children = [.. links.OrderBy(l => l.Child!.BirthDate)
            .Select(l => new ChildCard(l.Child!.Id, l.Child.FullName, l.Child.BirthDate, l.Relation, [.. places.Where(p => p.PersonId == l.Child.Id)]))];
        Requests = await db.ChildLinkRequests.AsNoTracking()
            .Where(r => r.GuardianId == guardianId && r.Status != LinkRequestStatus.Approved)
            .OrderByDescending(r => r.CreatedAt)
            .ToListAsync(ct);
    }
}
