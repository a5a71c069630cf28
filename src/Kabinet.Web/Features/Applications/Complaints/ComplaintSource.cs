using Kabinet.Web.Common.Applications;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Institutions;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Applications.Complaints;

/// <summary>The complaints «Не выдали логин и пароль» an account filed, for «Заявления».</summary>
internal sealed class ComplaintSource(KabinetDbContext db, InstitutionDirectory institutions) : IApplicationSource
{
    public async Task<IReadOnlyList<ApplicationListItem>> OfAccountAsync(int accountId, int personId, CancellationToken ct)
    {
        var mine = await db.Complaints.AsNoTracking()
            .Where(c => c.AuthorAccountId == accountId)
            .OrderByDescending(c => c.CreatedAt)
            .Select(c => new { c.Id, c.ChildName, c.OrganisationId, c.CreatedAt, c.Status })
            .ToListAsync(ct);
        var (organisations, _) = await institutions.NamesAsync(mine.Select(c => c.OrganisationId), [], ct);
        return [.. mine.Select(c => new ApplicationListItem(Complaint.TypeTitle, c.ChildName, organisations.GetValueOrDefault(c.OrganisationId),
            Complaint.FormatNumber(c.Id), c.CreatedAt, c.Status.Title(), $"/applications/complaints/{c.Id}", c.Status.IsFinished()))];
    }
}
