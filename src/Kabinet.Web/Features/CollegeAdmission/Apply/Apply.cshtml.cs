using Kabinet.Web.Common.Files;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.Families;
using Kabinet.Web.Features.Institutions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.CollegeAdmission.Apply;

/// <summary>
/// «Заявление о приёме в колледж» for one speciality: for oneself or for one's child, with the certificate's average,
/// the education document and the scans — filed whole or not at all.
/// </summary>
[Authorize]
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
[OversizedUpload(MaxRequestBytes, "Файлы вместе больше 40 МБ. Каждый файл — не больше 10 МБ: отсканируйте документы с меньшим разрешением.", "documents")]
public sealed class ApplyModel(KabinetDbContext db, CollegeApplications applications, FamilyDirectory families, InstitutionDirectory institutions) : PageModel
{
    /// <summary>Four scans at the limit and the form's fields.</summary>
    public const long MaxRequestBytes = (4 * ScanFiles.MaxFileBytes) + (256 * 1024);

    [BindProperty(SupportsGet = true, Name = "speciality")]
    public int SpecialityId { get; set; }

    [BindProperty]
    public int? EntrantPersonId { get; set; }

    [BindProperty]
    public string? Average { get; set; }

    [BindProperty]
    public EducationBasis? DocumentLevel { get; set; }

    [BindProperty]
    public string? DocumentSeries { get; set; }

    [BindProperty]
    public string? DocumentNumber { get; set; }

    [BindProperty]
    public DateOnly? DocumentIssuedOn { get; set; }

    [BindProperty]
    public bool PriorityRight { get; set; }

    [BindProperty]
    public List<Achievements> Achievements { get; set; } = [];

    [BindProperty]
    public bool TargetContract { get; set; }

    [BindProperty]
    public bool Consent { get; set; }

    public Speciality? Speciality { get; private set; }

    public string College { get; private set; } = "";

    public bool Open { get; private set; }

    /// <summary>Who may be the entrant: the account's own person first, then their children.</summary>
    public IReadOnlyList<NamedItem> Entrants { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
            return NotFound();
        DocumentLevel = Speciality!.Basis;
        if (TempData[OversizedUploadAttribute.ProblemKey] is string uploadProblem)
            ModelState.AddModelError(CollegeApplications.CertificateField, uploadProblem);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? certificate, IFormFile? priorityProof, IFormFile? medicalCertificate, IFormFile? other, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
            return NotFound();
        if (!ModelState.IsValid)
            return Page();
        var input = new ApplyInput(SpecialityId, EntrantPersonId, Average, DocumentLevel, DocumentSeries, DocumentNumber, DocumentIssuedOn, PriorityRight,
            Achievements.Aggregate(CollegeAdmission.Achievements.None, (all, a) => all | a), TargetContract, Consent, certificate, priorityProof, medicalCertificate, other);
        var outcome = await applications.SubmitAsync(input, KabinetClaims.AccountIdOf(User), KabinetClaims.PersonIdOf(User), ct);
        if (outcome.Application is { } application)
        {
            TempData["Status"] = $"Заявление № {application.Number} подано. Оно уже в конкурсном списке; колледж проверит документы и изменит статус.";
            return Redirect($"/college/applications/{application.Id}");
        }

        foreach (var (field, message) in outcome.Problems)
            ModelState.AddModelError(field, message);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Speciality = await db.Specialities.AsNoTracking().FirstOrDefaultAsync(s => s.Id == SpecialityId, ct);
        if (Speciality is null)
            return false;
        College = (await institutions.NamesAsync([Speciality.OrganisationId], [], ct)).Organisations.GetValueOrDefault(Speciality.OrganisationId, "");
        Open = await applications.IsOpenAsync(Speciality, ct);
        var me = await families.FindPersonAsync(KabinetClaims.PersonIdOf(User), ct);
        var children = await families.ChildrenOfAsync(KabinetClaims.PersonIdOf(User), ct);
        Entrants = [.. (me is null ? [] : new[] { new NamedItem(me.Id, $"Я сам(а): {me.FullName}") }).Concat(children.Select(c => new NamedItem(c.Id, $"Мой ребёнок: {c.FullName}")))];
        return true;
    }
}
