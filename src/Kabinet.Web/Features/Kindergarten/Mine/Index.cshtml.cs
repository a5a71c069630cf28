using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.Families;
using Kabinet.Web.Features.Institutions;
using Kabinet.Web.Features.Kindergarten.Queue;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Kindergarten.Mine;

public sealed record ApplicationRow(int Id, string Child, ApplicationStatus Status, DateTime RegisteredAt, string FirstChoice, int? Place, int? Total);

/// <summary>«Детский сад»: the family's applications with their status and the place in the first-priority kindergarten's queue.</summary>
[Authorize]
public sealed class IndexModel(ParentApplications applications, FamilyDirectory families, InstitutionDirectory institutions, QueuePositions positions) : PageModel
{
    public IReadOnlyList<ApplicationRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var mine = await applications.VisibleTo(KabinetClaims.PersonIdOf(User))
            .AsNoTracking().Include(a => a.Choices).OrderByDescending(a => a.RegisteredAt).ToListAsync(ct);
        var names = await families.NamesAsync(mine.Select(a => a.ChildPersonId), ct);
        var (organisations, _) = await institutions.NamesAsync(mine.SelectMany(a => a.Choices).Select(c => c.OrganisationId), [], ct);
        var rows = new List<ApplicationRow>();
        foreach (var a in mine)
        {
            var first = a.Choices.OrderBy(c => c.Priority).FirstOrDefault();
            var place = ApplicationStatuses.InQueue.Contains(a.Status) && first is not null
                ? (await positions.OfAsync(a, moment: null, ct)).FirstOrDefault(p => p.OrganisationId == first.OrganisationId)
                : null;
            rows.Add(new ApplicationRow(a.Id, names.GetValueOrDefault(a.ChildPersonId, ""), a.Status, a.RegisteredAt,
                first is null ? "" : organisations.GetValueOrDefault(first.OrganisationId, ""), place?.Place, place?.Total));
        }

        Rows = rows;
    }
}
