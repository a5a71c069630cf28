using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.Applications.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kabinet.Web.Features.Applications.Complaints;

/// <summary>The author's page of a complaint: status, history and the answer; withdraw it before an answer, close it after.</summary>
[Authorize]
public sealed class CardModel(KabinetDbContext db, ComplaintDesk desk) : PageModel
{
    public ComplaintView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await desk.FindAsync(Mine(), id, tracked: false, ct) is not { } complaint)
            return NotFound();
        View = await desk.DescribeAsync(complaint, ct);
        return Page();
    }

    public Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken ct) =>
        MoveAsync(id, ComplaintStatus.Withdrawn, "Жалоба отозвана.", "Жалобу уже нельзя отозвать: на неё ответили.", ct);

    public Task<IActionResult> OnPostCloseAsync(int id, CancellationToken ct) =>
        MoveAsync(id, ComplaintStatus.Closed, "Жалоба закрыта. Спасибо!", "Закрыть можно жалобу, на которую ответили.", ct);

    private async Task<IActionResult> MoveAsync(int id, ComplaintStatus to, string done, string refused, CancellationToken ct)
    {
        if (await desk.FindAsync(Mine(), id, tracked: true, ct) is not { } complaint)
            return NotFound();
        if (await desk.MoveAsync(complaint, to, KabinetClaims.AccountIdOf(User), null, ct))
        {
            TempData["Status"] = done;
            return Redirect($"/applications/complaints/{id}");
        }

        ModelState.AddModelError(string.Empty, refused);
        return await OnGetAsync(id, ct);
    }

    // Ownership is part of the query: another account's complaint is not found.
    private IQueryable<Complaint> Mine()
    {
        var accountId = KabinetClaims.AccountIdOf(User);
        return db.Complaints.Where(c => c.AuthorAccountId == accountId);
    }
}
