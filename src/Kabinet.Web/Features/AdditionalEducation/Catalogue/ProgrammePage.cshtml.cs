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

namespace Kabinet.Web.Features.AdditionalEducation.Catalogue;

/// <summary>
/// One programme: details and places left, and «Записать ребёнка» for a signed-in family — for a certificate-funded
/// programme each child's balance before and after the enrolment is shown.
/// </summary>
[AllowAnonymous]
public sealed class ProgrammePageModel(KabinetDbContext db, InstitutionDirectory institutions, FamilyScope scope, CertificateIssuing issuing, EnrolmentDesk desk, TimeProvider time) : PageModel
{
    /// <summary>A child the family may enrol, with what the enrolment would do to the certificate.</summary>
    public sealed record Candidate(PersonSummary Child, int? Age, CertificateView? Certificate);

    public Programme Programme { get; private set; } = null!;

    public string OrganisationName { get; private set; } = "";

    public IReadOnlyList<Candidate> Candidates { get; private set; } = [];

    [BindProperty(Name = "child")]
    public int? ChildId { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true)
            return Challenge();
        if (!await LoadAsync(id, ct))
            return NotFound();
        if (Candidates.FirstOrDefault(c => c.Child.Id == ChildId) is not { } candidate)
        {
            ModelState.AddModelError("child", "Выберите ребёнка.");
            return Page();
        }

        if (candidate.Child.BirthDate is not { } birth)
        {
            ModelState.AddModelError("child", "В кабинете не указана дата рождения ребёнка.");
            return Page();
        }

        var outcome = await desk.EnrolAsync(id, candidate.Child.Id, birth, KabinetClaims.AccountIdOf(User), ct);
        if (outcome.Problem is { } problem)
        {
            ModelState.AddModelError("child", problem);
            await LoadAsync(id, ct);
            return Page();
        }

        TempData["Status"] = $"Заявка на программу «{Programme.Name}» подана ({outcome.Enrolment!.Number}). Организация подтвердит запись в течение 3–5 дней."
            + (outcome.Enrolment.AmountKopecks > 0 ? $" С сертификата списано {Money.Display(outcome.Enrolment.AmountKopecks)}." : "");
        return Redirect("/pfdo");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await db.Programmes.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is not { } programme)
            return false;
        Programme = programme;
        OrganisationName = (await institutions.NamesAsync([programme.OrganisationId], [], ct)).Organisations.GetValueOrDefault(programme.OrganisationId, "");
        if (User.Identity?.IsAuthenticated == true)
        {
            var today = time.Today();
            var children = await scope.ChildrenOfAsync(KabinetClaims.PersonIdOf(User), ct);
            var certificates = programme.Funding == Funding.Certificate ? await issuing.ViewsAsync([.. children.Select(c => c.Id)], ct) : new Dictionary<int, CertificateView>();
            Candidates = [.. children.Select(c => new Candidate(c, c.BirthDate is { } b ? CertificateApplication.AgeOn(b, today) : null, certificates.GetValueOrDefault(c.Id)))];
        }

        return true;
    }
}
