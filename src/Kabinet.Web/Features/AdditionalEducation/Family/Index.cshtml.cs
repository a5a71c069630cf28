using Kabinet.Web.Common.Time;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.AdditionalEducation.Certificates;
using Kabinet.Web.Features.AdditionalEducation.Enrolments;
using Kabinet.Web.Features.Families;
using Kabinet.Web.Features.Institutions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.AdditionalEducation.Family;

/// <summary>
/// The family's additional education: for each child the certificate (number, type, the year's nominal, start
/// balance, balance and the ledger) or the application for it, and the child's enrolments with «Отчислить».
/// </summary>
[Authorize]
public sealed class IndexModel(KabinetDbContext db, FamilyScope scope, CertificateIssuing issuing, EnrolmentDesk desk, InstitutionDirectory institutions, TimeProvider time) : PageModel
{
    public sealed record EnrolmentRow(int Id, int ProgrammeId, string Programme, string Organisation, EnrolmentStatus Status, long Amount, long Refunded, int Year);

    public sealed record ChildBlock(PersonSummary Child, int? Age, CertificateView? Certificate, CertificateApplication? Application, IReadOnlyList<EnrolmentRow> Enrolments)
    {
        /// <summary>A child of the right age without a certificate and without an application under consideration may apply.</summary>
        public bool MayApply(DateOnly today) => Certificate is null && Application?.Status.IsFinal() != false
            && Child.BirthDate is { } birth && CertificateApplication.AgeProblem(birth, today) is null;
    }

    public IReadOnlyList<ChildBlock> Children { get; private set; } = [];

    public DateOnly Today { get; private set; }

    [BindProperty]
    public bool ConfirmLeave { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostLeaveAsync(int enrolmentId, CancellationToken ct)
    {
        var children = (await scope.ChildrenOfAsync(KabinetClaims.PersonIdOf(User), ct)).Select(c => c.Id).ToList();
        var found = await db.ProgrammeEnrolments.Where(e => e.Id == enrolmentId && children.Contains(e.ChildPersonId))
            .Join(db.Programmes, e => e.ProgrammeId, p => p.Id, (e, p) => new { Enrolment = e, p.Name }).FirstOrDefaultAsync(ct);
        if (found is null)
            return NotFound();
        if (!ConfirmLeave)
        {
            TempData["Status"] = "Чтобы отчислить ребёнка, отметьте, что понимаете: место на программе освободится.";
            return Redirect("/pfdo");
        }

        try
        {
            TempData["Status"] = await desk.EndAsync(found.Enrolment, EnrolmentStatus.Left, found.Name, KabinetClaims.AccountIdOf(User), "Отчислен по заявлению семьи", ct)
                ? $"Ребёнок отчислен с программы «{found.Name}»." + (found.Enrolment.RefundedKopecks > 0 ? $" На сертификат возвращено {Money.Display(found.Enrolment.RefundedKopecks)}." : "")
                : "С этой программы ребёнок уже отчислен.";
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Status"] = "Запись только что изменилась. Проверьте её и повторите.";
        }

        return Redirect("/pfdo");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Today = time.Today();
        var children = await scope.ChildrenOfAsync(KabinetClaims.PersonIdOf(User), ct);
        var ids = children.Select(c => c.Id).ToList();
        var certificates = await issuing.ViewsAsync(ids, ct);
        var applications = (await db.CertificateApplications.AsNoTracking().Where(a => ids.Contains(a.ChildPersonId)).ToListAsync(ct))
            .GroupBy(a => a.ChildPersonId).ToDictionary(g => g.Key, g => g.MaxBy(a => a.SubmittedAt)!);
        var enrolments = await db.ProgrammeEnrolments.AsNoTracking().Where(e => ids.Contains(e.ChildPersonId))
            .Join(db.Programmes, e => e.ProgrammeId, p => p.Id, (e, p) => new { e.Id, e.ChildPersonId, e.ProgrammeId, p.Name, e.OrganisationId, e.Status, e.AmountKopecks, e.RefundedKopecks, e.Year, e.SubmittedAt })
            .OrderByDescending(e => e.SubmittedAt).ToListAsync(ct);
        var (organisations, _) = await institutions.NamesAsync(enrolments.Select(e => e.OrganisationId), [], ct);
        Children = [.. children.Select(c => new ChildBlock(c, c.BirthDate is { } b ? CertificateApplication.AgeOn(b, Today) : null,
            certificates.GetValueOrDefault(c.Id), applications.GetValueOrDefault(c.Id),
            [.. enrolments.Where(e => e.ChildPersonId == c.Id).Select(e => new EnrolmentRow(e.Id, e.ProgrammeId, e.Name, organisations.GetValueOrDefault(e.OrganisationId, ""), e.Status, e.AmountKopecks, e.RefundedKopecks, e.Year))]))];
    }
}
