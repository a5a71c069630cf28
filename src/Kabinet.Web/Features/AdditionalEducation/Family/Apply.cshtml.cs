using Kabinet.Web.Common.Files;
using Kabinet.Web.Common.Time;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.AdditionalEducation.Certificates;
using Kabinet.Web.Features.Families;
using Kabinet.Web.Features.Institutions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.AdditionalEducation.Family;

/// <summary>
/// An application for the certificate: a parent for their child aged 5–18, or a student of 14+ for themself; the
/// municipality and the proof of residence there (an address, a scan, or both).
/// </summary>
[Authorize]
[RequestSizeLimit(ProofScan.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ProofScan.MaxRequestBytes)]
[OversizedUpload(ProofScan.MaxRequestBytes, Kabinet.Web.Common.Files.ScanFiles.TooLarge, "Proof")]
public sealed class ApplyModel(KabinetDbContext db, FamilyScope scope, InstitutionDirectory institutions, FileStore files, TimeProvider time) : PageModel
{
    public const int MaxAddress = 300;

    public IReadOnlyList<PersonSummary> Children { get; private set; } = [];

    public IReadOnlyList<NamedItem> Municipalities { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "child")]
    public int? ChildId { get; set; }

    [BindProperty]
    public int? MunicipalityId { get; set; }

    [BindProperty]
    public string? Address { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (TempData[OversizedUploadAttribute.ProblemKey] is string problem)
            ModelState.AddModelError("Proof", problem);
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? proof, CancellationToken ct)
    {
        await LoadAsync(ct);
        var today = time.Today();
        var child = Children.FirstOrDefault(c => c.Id == ChildId);
        if (child is null)
            ModelState.AddModelError("child", "Выберите ребёнка.");
        else if (child.BirthDate is not { } birth)
            ModelState.AddModelError("child", "В кабинете не указана дата рождения ребёнка: добавьте её в профиле ребёнка.");
        else if (CertificateApplication.AgeProblem(birth, today) is { } ageProblem)
            ModelState.AddModelError("child", ageProblem);
        else if (await db.Certificates.AnyAsync(c => c.ChildPersonId == child.Id, ct))
            ModelState.AddModelError("child", "У ребёнка уже есть сертификат: он выдаётся один раз и действует до 18 лет.");
        else if (await db.CertificateApplications.AnyAsync(a => a.ChildPersonId == child.Id && (a.Status == CertificateApplicationStatus.Submitted || a.Status == CertificateApplicationStatus.UnderReview), ct))
            ModelState.AddModelError("child", "Заявление на сертификат для этого ребёнка уже подано и рассматривается.");
        if (MunicipalityId is not { } municipalityId || !Municipalities.Any(m => m.Id == municipalityId))
            ModelState.AddModelError(nameof(MunicipalityId), "Выберите муниципалитет, в котором живёт ребёнок.");
        var address = string.IsNullOrWhiteSpace(Address) ? null : Address.Trim();
        if (address?.Length > MaxAddress)
            ModelState.AddModelError(nameof(Address), $"Адрес — не длиннее {MaxAddress} символов.");
        if (address is null && proof is null)
            ModelState.AddModelError(nameof(Address), "Подтвердите проживание в муниципалитете: укажите адрес или приложите скан документа (свидетельство о регистрации по месту жительства или пребывания).");
        if (!ModelState.IsValid)
            return Page();

        StoredFile? stored = null;
        string? contentType = null;
        if (proof is not null)
        {
            var (file, type, problem) = await ProofScan.SaveAsync(files, proof, ct);
            if (problem is not null)
            {
                ModelState.AddModelError("Proof", problem);
                return Page();
            }

            (stored, contentType) = (file, type);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var application = new CertificateApplication
        {
            ChildPersonId = child!.Id, ChildBirthDate = child.BirthDate!.Value, ApplicantPersonId = KabinetClaims.PersonIdOf(User),
            SubmittedByAccountId = KabinetClaims.AccountIdOf(User), MunicipalityId = MunicipalityId!.Value, ResidenceAddress = address, SubmittedAt = now,
            ProofStorageKey = stored?.Key, ProofFileName = stored is null ? null : FileNames.Display(proof!.FileName, contentType == "application/pdf" ? ".pdf" : contentType == "image/png" ? ".png" : ".jpg"),
            ProofContentType = contentType, ProofSize = stored?.Size,
        };
        application.Submit(now);
        db.CertificateApplications.Add(application);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The other parent applied for the same child at the same moment: one application stays, this scan goes.
            if (stored is not null)
                files.Discard(stored.Key);
            db.ChangeTracker.Clear();
            ModelState.AddModelError("child", "Заявление на сертификат для этого ребёнка уже подано и рассматривается.");
            return Page();
        }

        TempData["Status"] = $"Заявление {application.Number} подано. Муниципалитет рассмотрит его и выдаст сертификат; статус виден на этой странице.";
        return Redirect($"/pfdo/applications/{application.Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Children = await scope.ChildrenOfAsync(KabinetClaims.PersonIdOf(User), ct);
        Municipalities = await institutions.MunicipalitiesAsync(ct);
    }

    public string? ErrorOf(string key) => ModelState[key]?.Errors.FirstOrDefault()?.ErrorMessage;
}
