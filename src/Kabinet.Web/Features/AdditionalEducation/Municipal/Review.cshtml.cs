using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.AdditionalEducation.Certificates;
using Kabinet.Web.Features.Families;
using Kabinet.Web.Features.Institutions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.AdditionalEducation.Municipal;

/// <summary>The operator reviews one certificate application (the view is logged for the family): take it into review, issue the certificate, or refuse with a reason.</summary>
[Authorize(Roles = OperatorScope.Roles)]
public sealed class ReviewModel(KabinetDbContext db, FamilyDirectory families, InstitutionDirectory institutions, CertificateIssuing issuing, TimeProvider time) : PageModel
{
    public const int MaxReason = 1000;

    public CertificateApplication Application { get; private set; } = null!;

    public string ChildName { get; private set; } = "";

    public string ApplicantName { get; private set; } = "";

    public string MunicipalityName { get; private set; } = "";

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        families.RecordView(KabinetClaims.AccountIdOf(User), Application.ChildPersonId, $"заявление на сертификат дополнительного образования {Application.Number}", time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        Version = Application.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostReviewAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        if (Version != Application.Version)
            return Changed(id);
        var done = await issuing.MoveAsync(Application, CertificateApplicationStatus.UnderReview, KabinetClaims.AccountIdOf(User), null, ct);
        return await SaveAsync(id, done ? "Заявление принято на рассмотрение." : "Это заявление уже нельзя взять на рассмотрение.", ct);
    }

    public async Task<IActionResult> OnPostIssueAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        if (Version != Application.Version)
            return Changed(id);
        if (await issuing.IssueAsync(Application, KabinetClaims.AccountIdOf(User), ct) is { } problem)
        {
            ModelState.AddModelError("", problem);
            return Page();
        }

        return await SaveAsync(id, $"Сертификат № {Certificate.NumberFor(Application.MunicipalityId, Application.Id)} выдан. Семья получила уведомление.", ct);
    }

    public async Task<IActionResult> OnPostRefuseAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        var reason = Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > MaxReason)
        {
            ModelState.AddModelError(nameof(Reason), string.IsNullOrEmpty(reason) ? "Укажите причину отказа: её увидит семья." : $"Причина — не длиннее {MaxReason} символов.");
            return Page();
        }

        if (Version != Application.Version)
            return Changed(id);
        var done = await issuing.MoveAsync(Application, CertificateApplicationStatus.Refused, KabinetClaims.AccountIdOf(User), reason, ct);
        return await SaveAsync(id, done ? "В выдаче сертификата отказано. Семья получила уведомление." : "Это заявление уже рассмотрено или отозвано.", ct);
    }

    private async Task<IActionResult> SaveAsync(int id, string status, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The applicant withdrew meanwhile, or another operator issued the child's certificate.
            return Changed(id);
        }

        TempData["Status"] = status;
        return Redirect($"/pfdo/operator/{id}");
    }

    private RedirectResult Changed(int id)
    {
        TempData["Status"] = "Заявление только что изменилось. Проверьте его и повторите.";
        return Redirect($"/pfdo/operator/{id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await OperatorScope.Applications(db, User).Include(a => a.History).FirstOrDefaultAsync(a => a.Id == id, ct) is not { } application)
            return false;
        Application = application;
        var names = await families.NamesAsync([application.ChildPersonId, application.ApplicantPersonId], ct);
        ChildName = names.GetValueOrDefault(application.ChildPersonId, "");
        ApplicantName = names.GetValueOrDefault(application.ApplicantPersonId, "");
        MunicipalityName = (await institutions.NamesAsync([], [application.MunicipalityId], ct)).Municipalities.GetValueOrDefault(application.MunicipalityId, "");
        return true;
    }

    public string? ErrorOf(string key) => ModelState[key]?.Errors.FirstOrDefault()?.ErrorMessage;
}
