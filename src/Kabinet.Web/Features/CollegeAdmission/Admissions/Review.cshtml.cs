using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.Families;
using Kabinet.Web.Features.Institutions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.CollegeAdmission.Admissions;

/// <summary>The admissions office reviews one application: accepts, records the original, recommends, enrolls or refuses with a reason.</summary>
[Authorize(Roles = AdmissionsScope.Role)]
public sealed class ReviewModel(KabinetDbContext db, CollegeApplications applications, FamilyDirectory families, InstitutionDirectory institutions, TimeProvider time) : PageModel
{
    public CollegeApplication Application { get; private set; } = null!;

    public Speciality Speciality { get; private set; } = null!;

    public string College { get; private set; } = "";

    public string Entrant { get; private set; } = "";

    public ApplicationView View => new(Application, Speciality, College, Entrant, $"/college/applications/{Application.Id}/documents/");

    [BindProperty]
    public CollegeApplicationStatus? To { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    public async Task<IActionResult> OnGetAsync(int orgId, int id, CancellationToken ct)
    {
        if (!await LoadAsync(orgId, id, tracked: false, ct))
            return NotFound();
        families.RecordView(KabinetClaims.AccountIdOf(User), Application.EntrantPersonId, $"заявление в колледж № {Application.Number}", time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostMoveAsync(int orgId, int id, CancellationToken ct)
    {
        if (!await LoadAsync(orgId, id, tracked: true, ct))
            return NotFound();
        var comment = string.IsNullOrWhiteSpace(Comment) ? null : Comment.Trim();
        if (To is not { } to || !CollegeStatuses.CanMove(Application.Status, to))
            ModelState.AddModelError(nameof(To), "Выберите одно из предложенных действий.");
        else if (to == CollegeApplicationStatus.Refused && comment is null)
            ModelState.AddModelError(nameof(Comment), "Укажите причину отказа: поступающий её увидит.");
        else if (to == CollegeApplicationStatus.Enrolled && !Application.OriginalSubmitted)
            ModelState.AddModelError(nameof(To), "Зачислить можно только после того, как поступающий сдал оригинал аттестата.");
        else if (comment?.Length > 1000)
            ModelState.AddModelError(nameof(Comment), "Комментарий — не длиннее 1000 знаков.");
        if (!ModelState.IsValid)
            return Page();

        await applications.MoveAsync(Application, To!.Value, KabinetClaims.AccountIdOf(User), comment, ct);
        return await SavedAsync(orgId, id, $"Статус заявления № {Application.Number}: «{To.Value.Title()}». Поступающий получил уведомление.", ct);
    }

    public async Task<IActionResult> OnPostOriginalAsync(int orgId, int id, bool received, CancellationToken ct)
    {
        if (!await LoadAsync(orgId, id, tracked: true, ct))
            return NotFound();
        if (!Application.IsActive || Application.Status == CollegeApplicationStatus.Enrolled)
        {
            TempData["Status"] = "У этого заявления отметку об оригинале менять нельзя.";
            return Redirect($"/college/org/{orgId}/applications/{id}");
        }

        Application.OriginalSubmitted = received;
        Application.Version++;
        return await SavedAsync(orgId, id, received ? "Отмечено: оригинал аттестата сдан." : "Отметка об оригинале аттестата снята.", ct);
    }

    private async Task<IActionResult> SavedAsync(int orgId, int id, string status, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            TempData["Status"] = status;
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Status"] = "Заявление только что изменилось. Проверьте его и повторите.";
        }

        return Redirect($"/college/org/{orgId}/applications/{id}");
    }

    private async Task<bool> LoadAsync(int orgId, int id, bool tracked, CancellationToken ct)
    {
        if (await AdmissionsScope.MunicipalityAsync(User, orgId, institutions, ct) is null)
            return false;
        var query = db.CollegeApplications.Include(a => a.History).Include(a => a.Documents).Where(a => a.Id == id && a.OrganisationId == orgId);
        if (await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(ct) is not { } application)
            return false;
        Application = application;
        Speciality = await db.Specialities.AsNoTracking().FirstAsync(s => s.Id == application.SpecialityId, ct);
        College = (await institutions.NamesAsync([orgId], [], ct)).Organisations.GetValueOrDefault(orgId, "");
        Entrant = (await families.FindPersonAsync(application.EntrantPersonId, ct))?.FullName ?? "";
        return true;
    }
}
