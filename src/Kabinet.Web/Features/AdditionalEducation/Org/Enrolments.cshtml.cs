using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.AdditionalEducation.Enrolments;
using Kabinet.Web.Features.Families;
using Kabinet.Web.Features.Institutions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.AdditionalEducation.Org;

/// <summary>The organisation's enrolments: confirm a submitted one, reject it with a reason (the money goes back), or expel a child.</summary>
public sealed class EnrolmentsModel(KabinetDbContext db, FamilyDirectory families, EnrolmentDesk desk, InstitutionDirectory institutions) : OrgPage(institutions)
{
    public const int MaxReason = 500;

    public sealed record Row(int Id, string Child, DateOnly? BirthDate, string Programme, EnrolmentStatus Status, DateTime SubmittedAt, long Amount);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>Finished enrolments are shown too when asked.</summary>
    [BindProperty(SupportsGet = true)]
    public bool All { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>The enrolment whose reject or expel form had an error.</summary>
    public int? FailedId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int orgId, CancellationToken ct)
    {
        if (!await OpenAsync(orgId, ct))
            return NotFound();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(int orgId, int enrolmentId, CancellationToken ct)
    {
        if (!await OpenAsync(orgId, ct) || await FindAsync(enrolmentId, ct) is not { } found)
            return NotFound();
        var done = await desk.ConfirmAsync(found.Enrolment, found.Programme, KabinetClaims.AccountIdOf(User), ct);
        if (done && !await SavedAsync(ct))
            return Redirect($"{Base}/enrolments");
        TempData["Status"] = done ? $"Ребёнок зачислен на программу «{found.Programme}». Семья получила уведомление." : "Эту заявку уже нельзя подтвердить.";
        return Redirect($"{Base}/enrolments");
    }

    public Task<IActionResult> OnPostRejectAsync(int orgId, int enrolmentId, CancellationToken ct) => EndAsync(orgId, enrolmentId, EnrolmentStatus.Rejected, ct);

    public Task<IActionResult> OnPostExpelAsync(int orgId, int enrolmentId, CancellationToken ct) => EndAsync(orgId, enrolmentId, EnrolmentStatus.Left, ct);

    private async Task<IActionResult> EndAsync(int orgId, int enrolmentId, EnrolmentStatus to, CancellationToken ct)
    {
        if (!await OpenAsync(orgId, ct) || await FindAsync(enrolmentId, ct) is not { } found)
            return NotFound();
        var reason = Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > MaxReason)
        {
            ModelState.AddModelError($"Reason-{enrolmentId}", string.IsNullOrEmpty(reason) ? "Укажите причину: её увидит семья." : $"Причина — не длиннее {MaxReason} символов.");
            FailedId = enrolmentId;
            await LoadAsync(ct);
            return Page();
        }

        bool done;
        try
        {
            done = await desk.EndAsync(found.Enrolment, to, found.Programme, KabinetClaims.AccountIdOf(User), reason, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Status"] = "Заявка только что изменилась. Проверьте её и повторите.";
            return Redirect($"{Base}/enrolments");
        }

        TempData["Status"] = !done ? "С этой заявкой это сделать уже нельзя."
            : to == EnrolmentStatus.Rejected ? $"Заявка на программу «{found.Programme}» отклонена, деньги возвращены на сертификат." : $"Ребёнок отчислен с программы «{found.Programme}».";
        return Redirect($"{Base}/enrolments");
    }

    private async Task<(ProgrammeEnrolment Enrolment, string Programme)?> FindAsync(int enrolmentId, CancellationToken ct)
    {
        var found = await db.ProgrammeEnrolments.Where(e => e.Id == enrolmentId && e.OrganisationId == OrganisationId)
            .Join(db.Programmes, e => e.ProgrammeId, p => p.Id, (e, p) => new { Enrolment = e, p.Name })
            .FirstOrDefaultAsync(ct);
        return found is null ? null : (found.Enrolment, found.Name);
    }

    private async Task<bool> SavedAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Status"] = "Заявка только что изменилась. Проверьте её и повторите.";
            return false;
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var query = db.ProgrammeEnrolments.AsNoTracking().Where(e => e.OrganisationId == OrganisationId);
        if (!All)
            query = query.Where(e => e.Status == EnrolmentStatus.Submitted || e.Status == EnrolmentStatus.Enrolled);
        var rows = await query
            .Join(db.Programmes, e => e.ProgrammeId, p => p.Id, (e, p) => new { e.Id, e.ChildPersonId, Programme = p.Name, e.Status, e.SubmittedAt, e.AmountKopecks })
            .OrderByDescending(e => e.SubmittedAt).Take(500)
            .ToListAsync(ct);
        var ids = rows.Select(r => r.ChildPersonId).Distinct().ToList();
        var names = await families.PersonNames().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FullName, ct);
        var births = await families.BirthDatesAsync(ids, ct);
        Rows = [.. rows.OrderBy(r => r.Status == EnrolmentStatus.Submitted ? 0 : 1)
            .Select(r => new Row(r.Id, names.GetValueOrDefault(r.ChildPersonId, ""), births.TryGetValue(r.ChildPersonId, out var b) ? b : null, r.Programme, r.Status, r.SubmittedAt, r.AmountKopecks))];
    }
}
