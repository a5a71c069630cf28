using System.Globalization;
using Kabinet.Web.Common.Files;
using Kabinet.Web.Common.Time;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.Institutions;
using Kabinet.Web.Features.Kindergarten.Documents;
using Kabinet.Web.Features.Kindergarten.Queue;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Kabinet.Web.Features.Kindergarten.Mine;

/// <summary>
/// The parent's view of one application: status and its history, and for each chosen kindergarten the place in
/// the queue with who is ahead and why — now or on a chosen date — and a chart of the place over time; the scans
/// of documents attached to it (the upload form posts here, so the size limits are on this page).
/// </summary>
[Authorize]
[RequestSizeLimit(DocumentRules.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = DocumentRules.MaxRequestBytes)]
[OversizedUpload(DocumentRules.MaxRequestBytes, ScanFiles.TooLarge, "documents")]
public sealed class CardModel(KabinetDbContext db, ParentApplications applications, InstitutionDirectory institutions,
    QueuePositions positions, ApplicationStatusService statuses, ApplicationDocuments documents, Allocation.ReferralDecisions referrals, IMemoryCache cache, TimeProvider time) : PageModel
{
    public QueueApplication Application { get; private set; } = null!;

    public string ChildName { get; private set; } = "";

    public string MunicipalityName { get; private set; } = "";

    public IReadOnlyDictionary<int, string> Kindergartens { get; private set; } = new Dictionary<int, string>();

    public IReadOnlyList<ChoicePosition> Positions { get; private set; } = [];

    public IReadOnlyList<PositionPoint> Chart { get; private set; } = [];

    public BenefitGround? Ground { get; private set; }

    /// <summary>The municipality's yearly main allocation period, told to families waiting in the queue.</summary>
    public Allocation.AllocationPeriod AllocationPeriod { get; private set; } = Allocation.AllocationPeriod.Default;

    /// <summary>«Очередь на дату»: the date asked for, or null for now.</summary>
    [BindProperty(SupportsGet = true, Name = "on")]
    public DateOnly? On { get; set; }

    [BindProperty]
    public bool ConfirmWithdraw { get; set; }

    public IReadOnlyList<ApplicationDocument> Documents { get; private set; } = [];

    [BindProperty(Name = ApplicationDocuments.KindField)]
    public ApplicationDocumentKind? UploadKind { get; set; }

    public int AccountId => KabinetClaims.AccountIdOf(User);

    /// <summary>The referral that holds a place for the child now, when the application is «Направлен».</summary>
    public Allocation.ReferralView? Offer { get; private set; }

    [BindProperty]
    public bool ConfirmAnswer { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct, tracked: false))
            return NotFound();
        if (TempData[OversizedUploadAttribute.ProblemKey] is string uploadProblem)
            ModelState.AddModelError(ApplicationDocuments.FileField, uploadProblem);
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostUploadAsync(int id, IFormFile? file, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        On = null;
        if (ModelState.GetFieldValidationState(ApplicationDocuments.KindField) == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
            return await ShowAsync(ct);
        var outcome = await documents.AttachAsync(Application, UploadKind, file, AccountId, ct);
        if (outcome.Document is not { } document)
        {
            ModelState.AddModelError(outcome.Field!, outcome.Problem!);
            return await ShowAsync(ct);
        }

        TempData["Status"] = $"Файл «{document.FileName}» приложен к заявлению: {document.Kind.Title()}.";
        return Redirect($"/kindergarten/{id}#documents");
    }

    public async Task<IActionResult> OnPostRemoveDocumentAsync(int id, int documentId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        TempData["Status"] = await documents.RemoveAsync(Application, documentId, AccountId, ct)
            ? "Файл убран из заявления."
            : "Этот файл убрать нельзя: его приложил другой человек или заявление уже рассмотрено.";
        return Redirect($"/kindergarten/{id}#documents");
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        var today = time.Today();
        if (On is { } on && (on > today || on < DateOnly.FromDateTime(RegionTime.ToLocal(Application.RegisteredAt))))
        {
            ModelState.AddModelError("on", $"Выберите дату от {RegionTime.ToLocal(Application.RegisteredAt):dd.MM.yyyy} до сегодняшнего дня.");
            On = null;
        }

        // The end of the chosen day in the region's time.
        DateTime? moment = On is { } day ? RegionTime.ToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue)).AddTicks(-1) : null;
        Positions = await positions.OfAsync(Application, moment, ct);
        Chart = await positions.ChartAsync(Application, time.GetUtcNow().UtcDateTime, ct);
        if (ApplicationStatuses.InQueue.Contains(Application.Status))
        {
            // Settings change a few times a year: a minute's staleness on this page is harmless.
            AllocationPeriod = await cache.GetOrCreateAsync(("allocation-period", Application.MunicipalityId), async entry =>
            {
                entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
                return (await Allocation.AllocationService.SettingsAsync(db, Application.MunicipalityId, ct)).MainAllocation;
            });
        }

        return Page();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        if (!ConfirmWithdraw)
        {
            TempData["Status"] = "Чтобы отозвать заявление, отметьте, что понимаете: место в очереди будет потеряно.";
            return Redirect($"/kindergarten/{id}");
        }

        if (!await statuses.MoveAsync(Application, ApplicationStatus.Archived, KabinetClaims.AccountIdOf(User), "Отозвано заявителем", ct))
        {
            TempData["Status"] = "Это заявление уже нельзя отозвать.";
            return Redirect($"/kindergarten/{id}");
        }

        if (!await SavedAsync(ct))
            return Redirect($"/kindergarten/{id}");

        TempData["Status"] = $"Заявление № {id} отозвано и перенесено в архив.";
        return Redirect("/kindergarten");
    }

    public Task<IActionResult> OnPostAcceptAsync(int id, CancellationToken ct) => AnswerAsync(id, accept: true, ct);

    public Task<IActionResult> OnPostDeclineAsync(int id, CancellationToken ct) => AnswerAsync(id, accept: false, ct);

    private async Task<IActionResult> AnswerAsync(int id, bool accept, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        if (!ConfirmAnswer)
        {
            TempData["Status"] = accept
                ? "Чтобы согласиться, отметьте, что подтверждаете согласие с направлением."
                : "Чтобы отказаться, отметьте, что понимаете: место перейдёт следующему в очереди.";
            return Redirect($"/kindergarten/{id}");
        }

        var referral = Offer?.Referral;
        var account = KabinetClaims.AccountIdOf(User);
        var done = referral is not null && (accept ? referrals.Accept(Application, referral, account) : await referrals.DeclineAsync(Application, referral, account, ct));
        if (!done)
        {
            TempData["Status"] = "На это направление уже нельзя ответить: проверьте статус заявления.";
            return Redirect($"/kindergarten/{id}");
        }

        if (!await SavedAsync(ct))
            return Redirect($"/kindergarten/{id}");

        TempData["Status"] = accept
            ? "Вы согласились с направлением. Детский сад пригласит вас для заключения договора."
            : "Вы отказались от направления. Ребёнок остаётся в очереди со статусом «Желает изменить ДОУ».";
        return Redirect($"/kindergarten/{id}");
    }

    /// <summary>Saves the family's answer; false (with the notice set) when someone changed the application meanwhile.</summary>
    private async Task<bool> SavedAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Status"] = "Заявление только что изменилось. Проверьте его и повторите.";
            return false;
        }
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct, bool tracked = true)
    {
        if (await applications.FindWithChildAsync(KabinetClaims.PersonIdOf(User), id, tracked, ct) is not { } found)
            return false;
        var application = Application = found.Application;
        ChildName = found.ChildName;
        Documents = found.Documents;
        Ground = found.Ground;
        var (organisations, municipalities) = await institutions.NamesAsync(application.Choices.Select(c => c.OrganisationId), [application.MunicipalityId], ct);
        Kindergartens = organisations;
        MunicipalityName = municipalities.GetValueOrDefault(application.MunicipalityId, "");
        if (application.Status == ApplicationStatus.Referred)
            Offer = await referrals.ViewAsync(await referrals.OpenOfAsync(application.Id, ct), ct);
        return true;
    }

    /// <summary>The chart as SVG polyline points: x by month, y by place (1 — at the top).</summary>
    public string ChartPoints(int width, int height)
    {
        if (Chart.Count == 0)
            return "";
        var max = Math.Max(Chart.Max(p => p.Place), 1);
        var step = Chart.Count == 1 ? 0 : (double)width / (Chart.Count - 1);
        return string.Join(' ', Chart.Select((p, i) => string.Create(CultureInfo.InvariantCulture,
            $"{i * step:0.#},{(max == 1 ? height / 2.0 : (p.Place - 1) * (double)height / (max - 1)):0.#}")));
    }

    public static string Plural(int n, string one, string few, string many) =>
        (n % 10 == 1 && n % 100 != 11) ? one : (n % 10 is >= 2 and <= 4 && n % 100 is < 12 or > 14) ? few : many;
}
