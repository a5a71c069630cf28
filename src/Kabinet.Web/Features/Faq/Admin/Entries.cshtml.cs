using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Faq.Admin;

/// <summary>All questions, published or hidden, by section in the order readers see them.</summary>
[Authorize(Policy = KabinetPolicies.RegionalAdmin)]
public sealed class EntriesModel(KabinetDbContext db) : PageModel
{
    public IReadOnlyList<IGrouping<string, FaqEntry>> Sections { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var entries = await db.FaqEntries.AsNoTracking().OrderBy(e => e.Order).ThenBy(e => e.Id).ToListAsync(ct);
        Sections = entries.GroupBy(e => e.Section).ToList();
    }
}
