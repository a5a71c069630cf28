using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.Families;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kabinet.Web.Features.Applications.Staff;

/// <summary>A staff page of one complaint: read it, take it into work, answer it (the author is told each time).</summary>
public abstract class ComplaintPage(KabinetDbContext db, ComplaintDesk desk, FamilyDirectory families, TimeProvider time) : PageModel
{
    [BindProperty]
    public string? Answer { get; set; }

    public ComplaintView View { get; private set; } = null!;

    public abstract string ListLink { get; }

    public abstract string ListTitle { get; }

    /// <summary>The complaints the user may work with here, or null (404).</summary>
    protected abstract IQueryable<Complaint>? Scope();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (Scope() is not { } scope || await desk.FindAsync(scope, id, tracked: false, ct) is not { } complaint)
            return NotFound();
        if (complaint.ChildPersonId is { } child)
        {
            // Staff reading a child's data is logged for the family (152-ФЗ).
            families.RecordView(KabinetClaims.AccountIdOf(User), child, $"жалоба {complaint.Number} «Не выдали логин и пароль»", time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
        }

        View = await desk.DescribeAsync(complaint, ct);
        return Page();
    }

    public Task<IActionResult> OnPostTakeAsync(int id, CancellationToken ct) => MoveAsync(id, ComplaintStatus.InProgress, null, ct);

    public Task<IActionResult> OnPostAnswerAsync(int id, CancellationToken ct)
    {
        var answer = Answer?.Trim();
        if (string.IsNullOrEmpty(answer))
            ModelState.AddModelError(nameof(Answer), "Напишите ответ.");
        else if (answer.Length > Complaint.MaxAnswer)
            ModelState.AddModelError(nameof(Answer), $"Ответ не длиннее {Complaint.MaxAnswer} символов, сейчас {answer.Length}.");
        return MoveAsync(id, ComplaintStatus.Answered, answer, ct);
    }

    private async Task<IActionResult> MoveAsync(int id, ComplaintStatus to, string? answer, CancellationToken ct)
    {
        if (Scope() is not { } scope || await desk.FindAsync(scope, id, tracked: true, ct) is not { } complaint)
            return NotFound();
        if (ModelState.IsValid)
        {
            if (await desk.MoveAsync(complaint, to, KabinetClaims.AccountIdOf(User), answer, ct))
            {
                TempData["Status"] = to == ComplaintStatus.Answered ? $"Ответ на жалобу {complaint.Number} отправлен автору." : $"Жалоба {complaint.Number} взята в работу.";
                return Redirect(Request.Path);
            }

            ModelState.AddModelError(string.Empty, $"Это действие уже недоступно: жалоба сейчас в статусе «{complaint.Status.Title()}». Обновите страницу.");
        }

        db.ChangeTracker.Clear();
        var fresh = await desk.FindAsync(scope, id, tracked: false, ct);
        View = await desk.DescribeAsync(fresh!, ct);
        return Page();
    }
}
