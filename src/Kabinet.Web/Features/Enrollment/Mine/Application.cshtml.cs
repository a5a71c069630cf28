using Kabinet.Web.Common.Files;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.Enrollment.Submit;
using Kabinet.Web.Features.Families;
using Kabinet.Web.Features.Institutions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Enrollment.Mine;

/// <summary>One school application as its family sees it: number, time, status, history, documents; withdrawing it.</summary>
[Authorize]
public sealed class ApplicationModel(KabinetDbContext db, FamilyDirectory families, InstitutionDirectory institutions, SchoolApplicationDecisions decisions, FileStore files) : PageModel
{
    public SchoolApplication Application { get; private set; } = null!;

    public string ChildName { get; private set; } = "";

    public string SchoolName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, tracked: false, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetDocumentAsync(int id, int document, CancellationToken ct)
    {
        if (!await LoadAsync(id, tracked: false, ct))
            return NotFound();
        return Download(files, Application, document) ?? (IActionResult)NotFound();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, tracked: true, ct) || Application.SubmittedByAccountId != KabinetClaims.AccountIdOf(User))
            return NotFound();
        if (await decisions.DecideAsync(Application, SchoolApplicationDecisions.Action.Withdraw, KabinetClaims.AccountIdOf(User), null, null, null, ct) is { } problem)
        {
            ModelState.AddModelError("", problem.Message);
            return Page();
        }

        TempData["Status"] = $"Заявление {Application.Number} отозвано.";
        return Redirect(EnrollmentSubmissions.Link(id));
    }

    /// <summary>A stored scan of the application as a download; null when there is none.</summary>
    public static PhysicalFileResult? Download(FileStore files, SchoolApplication application, int documentId)
    {
        var document = application.Documents.FirstOrDefault(d => d.Id == documentId);
        if (document is null || files.PathOf(document.StorageKey) is not { } path)
            return null;
        return new PhysicalFileResult(path, document.ContentType) { FileDownloadName = document.FileName };
    }

    private async Task<bool> LoadAsync(int id, bool tracked, CancellationToken ct)
    {
        var accountId = KabinetClaims.AccountIdOf(User);
        var children = families.ChildIdsOf(KabinetClaims.PersonIdOf(User));
        var query = db.SchoolApplications.Include(a => a.History).Include(a => a.Documents)
            .Where(a => a.Id == id && (a.SubmittedByAccountId == accountId || children.Contains(a.ChildPersonId)));
        var application = await (tracked ? query : query.AsNoTracking()).AsSplitQuery().FirstOrDefaultAsync(ct);
        if (application is null)
            return false;
        Application = application;
        ChildName = (await families.NamesAsync([application.ChildPersonId], ct)).GetValueOrDefault(application.ChildPersonId) ?? "";
        SchoolName = (await institutions.NamesAsync([application.SchoolId], [], ct)).Organisations.GetValueOrDefault(application.SchoolId) ?? "";
        return true;
    }
}
