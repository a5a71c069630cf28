using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.AdditionalEducation.Certificates;
using Kabinet.Web.Features.Institutions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.AdditionalEducation.Family;

/// <summary>One certificate application of the family's child: its status with the full history, and «Отозвать» before a decision.</summary>
[Authorize]
public sealed class ApplicationModel(KabinetDbContext db, FamilyScope scope, InstitutionDirectory institutions, TimeProvider time) : PageModel
{
    public CertificateApplication Application { get; private set; } = null!;

    public string ChildName { get; private set; } = "";

    public string MunicipalityName { get; private set; } = "";

    [BindProperty]
    public bool ConfirmWithdraw { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        if (!ConfirmWithdraw)
        {
            TempData["Status"] = "Чтобы отозвать заявление, отметьте, что понимаете: его рассмотрение прекратится.";
            return Redirect($"/pfdo/applications/{id}");
        }

        if (!Application.TryMove(CertificateApplicationStatus.Withdrawn, KabinetClaims.AccountIdOf(User), "Отозвано заявителем", time.GetUtcNow().UtcDateTime))
        {
            TempData["Status"] = "Это заявление уже рассмотрено: отозвать его нельзя.";
            return Redirect($"/pfdo/applications/{id}");
        }

        try
        {
            await db.SaveChangesAsync(ct);
            TempData["Status"] = $"Заявление {Application.Number} отозвано.";
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Status"] = "Заявление только что рассмотрели. Проверьте его статус.";
        }

        return Redirect($"/pfdo/applications/{id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var children = (await scope.ChildrenOfAsync(KabinetClaims.PersonIdOf(User), ct)).ToDictionary(c => c.Id, c => c.FullName);
        var ids = children.Keys.ToList();
        if (await db.CertificateApplications.Include(a => a.History).FirstOrDefaultAsync(a => a.Id == id && ids.Contains(a.ChildPersonId), ct) is not { } application)
            return false;
        Application = application;
        ChildName = children[application.ChildPersonId];
        MunicipalityName = (await institutions.NamesAsync([], [application.MunicipalityId], ct)).Municipalities.GetValueOrDefault(application.MunicipalityId, "");
        return true;
    }
}
