using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.Families;
using Kabinet.Web.Features.Institutions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.CollegeAdmission.Mine;

/// <summary>One application as its applicant sees it: status and history, documents, the place in the ranking list; withdrawing it.</summary>
[Authorize]
public sealed class CardModel(KabinetDbContext db, CollegeApplications applications, RankingList rankings, FamilyDirectory families, InstitutionDirectory institutions) : PageModel
{
    public CollegeApplication Application { get; private set; } = null!;

    public Speciality Speciality { get; private set; } = null!;

    public string College { get; private set; } = "";

    public string Entrant { get; private set; } = "";

    public (int Place, int Total)? Place { get; private set; }

    public int? PassingHundredths { get; private set; }

    public ApplicationView View => new(Application, Speciality, College, Entrant, $"/college/applications/{Application.Id}/documents/");

    [BindProperty]
    public bool ConfirmWithdraw { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, tracked: false, ct))
            return NotFound();
        var ranking = await rankings.OfAsync(Speciality.Id, Speciality.BudgetPlaces, ct);
        PassingHundredths = ranking.PassingHundredths;
        Place = ranking.PlaceOf(id) is { } place ? (place, ranking.Rows.Count) : null;
        Entrant = (await families.FindPersonAsync(Application.EntrantPersonId, ct))?.FullName ?? "";
        College = (await institutions.NamesAsync([Application.OrganisationId], [], ct)).Organisations.GetValueOrDefault(Application.OrganisationId, "");
        return Page();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, tracked: true, ct))
            return NotFound();
        if (!ConfirmWithdraw)
        {
            TempData["Status"] = "Чтобы отозвать заявление, отметьте, что понимаете: место в конкурсном списке будет потеряно.";
            return Redirect($"/college/applications/{id}");
        }

        if (!await applications.MoveAsync(Application, CollegeApplicationStatus.Withdrawn, KabinetClaims.AccountIdOf(User), "Отозвано заявителем", ct))
        {
            TempData["Status"] = "Это заявление уже нельзя отозвать.";
            return Redirect($"/college/applications/{id}");
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Status"] = "Заявление только что изменилось. Проверьте его и повторите.";
            return Redirect($"/college/applications/{id}");
        }

        TempData["Status"] = $"Заявление № {Application.Number} отозвано.";
        return Redirect($"/college/applications/{id}");
    }

    private async Task<bool> LoadAsync(int id, bool tracked, CancellationToken ct)
    {
        var query = applications.VisibleTo(KabinetClaims.AccountIdOf(User), KabinetClaims.PersonIdOf(User)).Include(a => a.History).Include(a => a.Documents);
        var application = await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
            return false;
        Application = application;
        Speciality = await db.Specialities.AsNoTracking().FirstAsync(s => s.Id == application.SpecialityId, ct);
        return true;
    }
}
