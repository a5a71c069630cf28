using Kabinet.Web.Common.Paging;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Support.Admin;

/// <summary>Support requests for regional administrators: the unanswered first, oldest first, so nobody waits longest.</summary>
[Authorize(Policy = KabinetPolicies.RegionalAdmin)]
public sealed class RequestsModel(KabinetDbContext db) : PageModel
{
    private const int PageSize = 30;

    [BindProperty(SupportsGet = true, Name = "show")]
    public string Show { get; set; } = "new";

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public Page<SupportRequest> Requests { get; private set; } = new([], 1, PageSize, 0);

    public int NewCount { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = db.SupportRequests.AsNoTracking();
        query = Show switch
        {
            "answered" => query.Where(r => r.AnsweredAt != null).OrderByDescending(r => r.AnsweredAt),
            "all" => query.OrderByDescending(r => r.CreatedAt),
            _ => query.Where(r => r.AnsweredAt == null).OrderBy(r => r.CreatedAt),
        };
        var total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var items = await query.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        Requests = new Page<SupportRequest>(items, PageNumber, PageSize, total);
        NewCount = await db.SupportRequests.CountAsync(r => r.AnsweredAt == null, ct);
    }
}
