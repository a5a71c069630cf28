using System.Globalization;
using Kabinet.Web.Common.Files;
using Kabinet.Web.Common.Time;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.Enrollment.Submit;
using Kabinet.Web.Features.Families;
using Kabinet.Web.Features.Institutions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kabinet.Web.Features.Enrollment.Apply;

/// <summary>
/// «Заявление в школу»: the municipality is chosen first (a plain GET, so the schools list needs no script), then the
/// form. Its hidden idempotency key survives every re-render, so «Отправить» pressed again after an overload is safe.
/// </summary>
[Authorize]
[RequestSizeLimit(ScanRules.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ScanRules.MaxRequestBytes)]
[OversizedUpload(ScanRules.MaxRequestBytes, "Файлы вместе больше 50 МБ, а каждый — не больше 10 МБ. Уменьшите сканы и отправьте заявление снова.", "documents")]
public sealed class ApplyModel(EnrollmentSubmissions submissions, AdmissionGate gate, FamilyDirectory families, InstitutionDirectory institutions, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "kind")]
    public string? KindSlug { get; set; }

    [BindProperty(SupportsGet = true, Name = "municipality")]
    public int? MunicipalityId { get; set; }

    [BindProperty]
    public ApplyForm Form { get; set; } = new();

    public SchoolApplicationKind Kind { get; private set; }

    public IReadOnlyList<PersonSummary> Children { get; private set; } = [];

    public IReadOnlyList<NamedItem> Municipalities { get; private set; } = [];

    public IReadOnlyList<NamedItem> Schools { get; private set; } = [];

    public IReadOnlyList<int> Years { get; private set; } = [];

    /// <summary>The plain message after an overload: the application is NOT registered, press again.</summary>
    public string? Overload { get; private set; }

    public string Title => Kind switch
    {
        SchoolApplicationKind.FirstGrade => "Заявление в 1 класс",
        SchoolApplicationKind.Transfer => "Заявление о переводе из другой школы",
        _ => "Заявление в 10 класс",
    };

    public string? UploadProblem => TempData.Peek(OversizedUploadAttribute.ProblemKey) as string;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
            return NotFound();
        Form.IdempotencyKey = Guid.NewGuid().ToString("N");
        Form.SchoolYear = Years[^1];
        if (UploadProblem is { } problem)
            ModelState.AddModelError("documents", problem);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct) || MunicipalityId is not { } municipality)
            return NotFound();
        if (Form.IdempotencyKey is not { Length: > 0 and <= EnrollmentSubmissions.MaxKeyLength })
            Form.IdempotencyKey = Guid.NewGuid().ToString("N");
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith("Form.", StringComparison.Ordinal)).ToList())
        {
            // Binding problems («not a number», «not a date») are shown by the field's own message below.
            if (ModelState[key]!.Errors.Count > 0)
                ModelState[key]!.Errors.Clear();
        }

        var accountId = KabinetClaims.AccountIdOf(User);
        var (slot, refusal) = await gate.EnterAsync(accountId, ct);
        if (refusal is not null)
            return Overloaded(refusal);
        SubmissionOutcome outcome;
        using (slot)
            outcome = await submissions.SubmitAsync(accountId, KabinetClaims.PersonIdOf(User), Form.IdempotencyKey, Form.ToRequest(Kind, municipality), Form.Scans(), ct);

        switch (outcome.Result)
        {
            case SubmissionResult.Created or SubmissionResult.Replayed:
                TempData["Status"] = "Заявление зарегистрировано. Номер и время регистрации — ниже; о решении школы придёт уведомление.";
                return Redirect(EnrollmentSubmissions.Link(outcome.ApplicationId!.Value));
            case SubmissionResult.NotFound:
                ModelState.AddModelError("Form.ChildId", "Выберите ребёнка из списка.");
                return Page();
            case SubmissionResult.Unavailable:
                return Overloaded(new GateRefusal(StatusCodes.Status503ServiceUnavailable, gate.RetryAfterSeconds));
            case SubmissionResult.KeyConflict:
                ModelState.AddModelError("", "Это заявление уже было отправлено с другими данными. Проверьте «Мои заявления» или откройте форму заново.");
                return Page();
            default:
                foreach (var problem in outcome.Problems)
                    ModelState.AddModelError(problem.Field is "" ? "" : "Form." + problem.Field, problem.Message);
                return Page();
        }
    }

    private PageResult Overloaded(GateRefusal refusal)
    {
        Response.StatusCode = refusal.Status;
        Response.Headers.RetryAfter = refusal.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        Overload = $"Заявление НЕ зарегистрировано: сейчас очень много обращений. Данные формы сохранены — нажмите «Отправить» ещё раз через {refusal.RetryAfterSeconds} секунд."
            + (Form.Scans().Count > 0 ? " Файлы сканов приложите заново." : "");
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (ApplyForm.KindOf(KindSlug) is not { } kind)
            return false;
        Kind = kind;
        Children = await families.ChildrenOfAsync(KabinetClaims.PersonIdOf(User), ct);
        Municipalities = await institutions.MunicipalitiesAsync(ct);
        if (MunicipalityId is { } m && !Municipalities.Any(x => x.Id == m))
            return false;
        if (MunicipalityId is { } chosen)
            Schools = await institutions.SchoolsInAsync(chosen, ct);
        var year = EnrollmentSubmissions.QueueYear(time.Today());
        Years = [year, year + 1];
        return true;
    }

    public string? Error(string field) => ModelState["Form." + field]?.Errors.FirstOrDefault()?.ErrorMessage;
}
