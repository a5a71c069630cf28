using Kabinet.Web.Common.Files;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.Families;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Enrollment.Staff;

/// <summary>The school reviews an application: accepts it for review, enrolls it with the order, or refuses with the reason.</summary>
[Authorize(Roles = nameof(PortalRole.OrganisationAdmin))]
public sealed class ReviewModel(KabinetDbContext db, FamilyDirectory families, SchoolApplicationDecisions decisions, FileStore files) : PageModel
{
    [BindProperty]
    public string? OrderNumber { get; set; }

    [BindProperty]
    public DateOnly? OrderDate { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public SchoolApplication Application { get; private set; } = null!;

    public string ChildName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int orgId, int id, CancellationToken ct) =>
        await LoadAsync(orgId, id, tracked: false, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetDocumentAsync(int orgId, int id, int document, CancellationToken ct)
    {
        if (!await LoadAsync(orgId, id, tracked: false, ct))
            return NotFound();
        return Mine.ApplicationModel.Download(files, Application, document) ?? (IActionResult)NotFound();
    }

    public Task<IActionResult> OnPostReviewAsync(int orgId, int id, CancellationToken ct) => DecideAsync(orgId, id, SchoolApplicationDecisions.Action.Review, ct);

    public Task<IActionResult> OnPostEnrollAsync(int orgId, int id, CancellationToken ct) => DecideAsync(orgId, id, SchoolApplicationDecisions.Action.Enroll, ct);

    public Task<IActionResult> OnPostRefuseAsync(int orgId, int id, CancellationToken ct) => DecideAsync(orgId, id, SchoolApplicationDecisions.Action.Refuse, ct);

    private async Task<IActionResult> DecideAsync(int orgId, int id, SchoolApplicationDecisions.Action action, CancellationToken ct)
    {
        if (!await LoadAsync(orgId, id, tracked: true, ct))
            return NotFound();
        ModelState.Clear();
        if (await decisions.DecideAsync(Application, action, KabinetClaims.AccountIdOf(User), OrderNumber, OrderDate, Reason, ct) is { } problem)
        {
            ModelState.AddModelError(problem.Field, problem.Message);
            return Page();
        }

        TempData["Status"] = $"Заявление {Application.Number}: {Application.Status.Title()}. Заявитель получит уведомление.";
        return Redirect($"/enrollment/school/{orgId}/applications/{id}");
    }

    private async Task<bool> LoadAsync(int orgId, int id, bool tracked, CancellationToken ct)
    {
        if (!SchoolApplicationsModel.Administers(User, orgId))
            return false;
        var query = db.SchoolApplications.Include(a => a.History).Include(a => a.Documents).Where(a => a.Id == id && a.SchoolId == orgId);
        var application = await (tracked ? query : query.AsNoTracking()).AsSplitQuery().FirstOrDefaultAsync(ct);
        if (application is null)
            return false;
        Application = application;
        ChildName = (await families.NamesAsync([application.ChildPersonId], ct)).GetValueOrDefault(application.ChildPersonId) ?? "";
        return true;
    }
}
