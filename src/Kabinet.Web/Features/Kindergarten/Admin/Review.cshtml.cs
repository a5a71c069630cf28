using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.Families;
using Kabinet.Web.Features.Institutions;
using Kabinet.Web.Features.Kindergarten.Documents;
using Kabinet.Web.Features.Kindergarten.Queue;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Kindergarten.Admin;

/// <summary>
/// An operator reviews one application: the child's and the applicant's data (the view is logged for the
/// family), the kindergartens chosen, the scans the family attached, the benefit to confirm or refuse, and the
/// status to change with a comment.
/// </summary>
[Authorize(Roles = AdminScope.Roles)]
public sealed class ReviewModel(KabinetDbContext db, FamilyDirectory families, InstitutionDirectory institutions, ApplicationStatusService statuses,
    ApplicationDocuments documents, Allocation.ReferralDecisions referrals, TimeProvider time) : PageModel
{
    public const int MaxComment = 1000;

    public QueueApplication Application { get; private set; } = null!;

    public PersonProfile? Child { get; private set; }

    public PersonProfile? Applicant { get; private set; }

    public IReadOnlyDictionary<int, string> Kindergartens { get; private set; } = new Dictionary<int, string>();

    public BenefitGround? Ground { get; private set; }

    public IReadOnlyList<ApplicationDocument> Documents { get; private set; } = [];

    [BindProperty]
    public ApplicationStatus? To { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    [BindProperty]
    public bool? ConfirmBenefit { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        families.RecordView(KabinetClaims.AccountIdOf(User), Application.ChildPersonId, "заявление в детский сад", time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        Version = Application.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostStatusAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        var comment = CommentProblem(required: To == ApplicationStatus.Refused);
        if (To is not { } to || !ApplicationStatuses.ManualNextOf(Application.Status).Contains(to))
            ModelState.AddModelError(nameof(To), "Выберите новый статус из списка.");
        if (!ModelState.IsValid)
            return Page();
        if (Version != Application.Version)
            return Changed();

        if (To == ApplicationStatus.Enrolled)
        {
            // Enrollment fulfils the referral and places the child in its group.
            if (await referrals.OpenOfAsync(Application.Id, ct) is not { } referral
                || !await referrals.EnrollAsync(Application, referral, KabinetClaims.AccountIdOf(User), comment, ct))
            {
                ModelState.AddModelError(nameof(To), "У заявления нет действующего направления: зачислить можно только по направлению.");
                return Page();
            }

            return await SaveAsync($"Статус заявления № {id}: «{To.Value.Title()}».", ct);
        }

        await statuses.MoveAsync(Application, To!.Value, KabinetClaims.AccountIdOf(User), comment, ct);
        return await SaveAsync($"Статус заявления № {id}: «{To.Value.Title()}».", ct);
    }

    public async Task<IActionResult> OnPostBenefitAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        if (Application.BenefitStatus == BenefitStatus.None)
            ModelState.AddModelError(nameof(ConfirmBenefit), "В заявлении нет льготы.");
        if (ConfirmBenefit is null)
            ModelState.AddModelError(nameof(ConfirmBenefit), "Выберите: подтвердить льготу или отказать.");
        var comment = CommentProblem(required: ConfirmBenefit == false);
        if (!ModelState.IsValid)
            return Page();
        if (Version != Application.Version)
            return Changed();

        var now = time.GetUtcNow().UtcDateTime;
        Application.BenefitStatus = ConfirmBenefit!.Value ? BenefitStatus.Confirmed : BenefitStatus.Refused;
        Application.BenefitDecidedAt = now;
        var text = ConfirmBenefit.Value
            ? $"Льгота подтверждена: ребёнок учитывается в очереди как «{Application.Benefit.Title()} право»."
            : $"Льгота не подтверждена: ребёнок остаётся в общей очереди. Причина: {comment}";
        Application.History.Add(new StatusChange { ApplicationId = Application.Id, From = Application.Status, To = Application.Status, At = now, ByAccountId = KabinetClaims.AccountIdOf(User), Comment = text });
        Application.Touch(now);
        await statuses.NotifyAsync(Application, $"Заявление № {Application.Id}: {(ConfirmBenefit.Value ? "льгота подтверждена" : "льгота не подтверждена")}", text, ct);
        return await SaveAsync(ConfirmBenefit.Value ? "Льгота подтверждена." : "В льготе отказано.", ct);
    }

    private string? CommentProblem(bool required)
    {
        var comment = string.IsNullOrWhiteSpace(Comment) ? null : Comment.Trim();
        if (required && comment is null)
            ModelState.AddModelError(nameof(Comment), "Напишите причину: заявитель увидит её в уведомлении.");
        else if (comment?.Length > MaxComment)
            ModelState.AddModelError(nameof(Comment), $"Комментарий не длиннее {MaxComment} символов.");
        return comment;
    }

    private async Task<IActionResult> SaveAsync(string done, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Changed();
        }

        TempData["Status"] = done;
        return Redirect($"/operator/kindergarten/{Application.Id}");
    }

    private RedirectResult Changed()
    {
        TempData["Status"] = "Пока вы смотрели, заявление изменилось. Проверьте его и повторите.";
        return Redirect($"/operator/kindergarten/{Application.Id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var application = await AdminScope.Applications(db, User).Include(a => a.Choices).Include(a => a.History).AsSplitQuery().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
            return false;
        Application = application;
        Child = await families.ProfileAsync(application.ChildPersonId, ct);
        Applicant = await families.ProfileAsync(application.ApplicantPersonId, ct);
        Kindergartens = (await institutions.NamesAsync(application.Choices.Select(c => c.OrganisationId), [], ct)).Organisations;
        Ground = application.BenefitGroundId is { } groundId ? await db.BenefitGrounds.AsNoTracking().FirstOrDefaultAsync(g => g.Id == groundId, ct) : null;
        Documents = await documents.ListAsync(application.Id, ct);
        return true;
    }
}
