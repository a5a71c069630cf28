using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.Institutions;
using Kabinet.Web.Features.Kindergarten.Mine;
using Kabinet.Web.Features.Kindergarten.Queue;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Kindergarten.Apply;

/// <summary>Editing an application: kindergartens, date, group, benefit. The registration date stays; a new benefit waits for confirmation.</summary>
[Authorize]
public sealed class EditModel(KabinetDbContext db, ParentApplications applications, InstitutionDirectory institutions, FileApplication file) : PageModel
{
    [BindProperty]
    public ApplicationForm Form { get; set; } = new();

    public QueueApplication Application { get; private set; } = null!;

    public ApplicationFormView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await applications.FindAsync(KabinetClaims.PersonIdOf(User), id, ct) is not { } application)
            return NotFound();
        if (!FileApplication.Editable(application.Status))
            return Redirect($"/kindergarten/{id}");
        Application = application;
        Form = ApplicationForm.From(application);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await applications.FindAsync(KabinetClaims.PersonIdOf(User), id, ct) is not { } application)
            return NotFound();
        Application = application;
        await LoadAsync(ct);
        if (!ModelState.IsValid)
            return Page();
        var result = await file.ChangeAsync(application, KabinetClaims.AccountIdOf(User), Form, ct);
        if (result.ApplicationId is not null)
        {
            TempData["Status"] = "Изменения сохранены. Дата постановки на учёт не изменилась.";
            return Redirect($"/kindergarten/{id}");
        }

        foreach (var problem in result.Problems)
            ModelState.AddModelError(problem.Field, problem.Message);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var grounds = await db.BenefitGrounds.AsNoTracking().Where(g => g.Active || g.Id == Application.BenefitGroundId).OrderBy(g => g.Kind).ThenBy(g => g.Id).ToListAsync(ct);
        View = new ApplicationFormView(Form, await institutions.KindergartensInAsync(Application.MunicipalityId, ct), grounds, ModelState);
    }
}
