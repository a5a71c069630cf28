using Kabinet.Web.Common.Paging;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Notifications;

/// <summary>The notifications centre: newest first; opening one marks it read and follows its link.</summary>
public sealed class IndexModel(KabinetDbContext db, NotificationCentre notifications, TimeProvider time) : PageModel
{
    private const int PageSize = 30;

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public Page<Notification> Items { get; private set; } = new([], 1, PageSize, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var accountId = KabinetClaims.AccountIdOf(User);
        var query = db.Notifications.AsNoTracking().Where(n => n.AccountId == accountId);
        var total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var items = await query.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        Items = new Page<Notification>(items, PageNumber, PageSize, total);
    }

    /// <summary>Opens a notification: marks it read and goes where it points. Another account's notification is not found.</summary>
    public async Task<IActionResult> OnPostOpenAsync(long id, CancellationToken ct)
    {
        var accountId = KabinetClaims.AccountIdOf(User);
        var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == id && n.AccountId == accountId, ct);
        if (notification is null)
            return NotFound();
        notification.ReadAt ??= time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        notifications.ForgetUnread(accountId);
        return LocalRedirect(notification.Link is { } link && Url.IsLocalUrl(link) ? link : "/notifications");
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        var accountId = KabinetClaims.AccountIdOf(User);
        var now = time.GetUtcNow().UtcDateTime;
        await db.Notifications.Where(n => n.AccountId == accountId && n.ReadAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.ReadAt, now), ct);
        notifications.ForgetUnread(accountId);
        return RedirectToPage();
    }
}
