using Kabinet.Web.Common.Time;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.Families;
using Kabinet.Web.Features.Institutions;
using Kabinet.Web.Features.Kindergarten.Queue;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Kindergarten.Apply;

/// <summary>A child of the signed-in person, and why an application cannot be filed for them (null — it can).</summary>
public sealed record ChildOption(int Id, string Name, string? Obstacle);

/// <summary>
/// «Заявление в детский сад»: first the child and the municipality, then the form. A kindergarten chosen on the
/// map (?kindergarten=) comes pre-filled as the first priority.
/// </summary>
[Authorize]
public sealed class ApplyModel(KabinetDbContext db, FamilyDirectory families, InstitutionDirectory institutions, FileApplication file, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "child")]
    public int? ChildId { get; set; }

    [BindProperty(SupportsGet = true, Name = "municipality")]
    public int? MunicipalityId { get; set; }

    [BindProperty(SupportsGet = true, Name = "kindergarten")]
    public int? KindergartenId { get; set; }

    [BindProperty]
    public ApplicationForm Form { get; set; } = new();

    public IReadOnlyList<ChildOption> Children { get; private set; } = [];

    public IReadOnlyList<NamedItem> Municipalities { get; private set; } = [];

    public ApplicationFormView? View { get; private set; }

    public ChildOption? Child => Children.FirstOrDefault(c => c.Id == ChildId && c.Obstacle is null);

    public string MunicipalityName => Municipalities.FirstOrDefault(m => m.Id == MunicipalityId)?.Name ?? "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (KindergartenId is { } kindergarten && (await institutions.KindergartenMunicipalitiesAsync([kindergarten], ct)).TryGetValue(kindergarten, out var municipality))
        {
            MunicipalityId ??= municipality;
            if (municipality == MunicipalityId)
                Form.Kindergartens = [kindergarten];
        }

        Form.DesiredDate = NextSeptember();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Child is null || View is null)
        {
            var obstacle = Children.FirstOrDefault(c => c.Id == ChildId)?.Obstacle;
            ModelState.AddModelError("child", obstacle is null ? "Выберите ребёнка и муниципалитет." : $"Для этого ребёнка заявление подать нельзя: {obstacle}.");
            return Page();
        }

        if (!ModelState.IsValid)
            return Page();
        var result = await file.FileAsync(KabinetClaims.PersonIdOf(User), KabinetClaims.AccountIdOf(User), Child.Id, MunicipalityId!.Value, Form, ct);
        if (result.ApplicationId is { } id)
        {
            TempData["Status"] = $"Заявление № {id} подано. Управление образования рассмотрит его в течение 7 дней. Сканы документов можно приложить ниже, в разделе «Документы».";
            return Redirect($"/kindergarten/{id}");
        }

        foreach (var problem in result.Problems)
            ModelState.AddModelError(problem.Field == "ChildId" ? "child" : problem.Field, problem.Message);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var today = time.Today();
        var children = await families.ChildrenOfAsync(KabinetClaims.PersonIdOf(User), ct);
        var ids = children.Select(c => c.Id).ToList();
        var active = await db.QueueApplications.AsNoTracking()
            .Where(a => ids.Contains(a.ChildPersonId) && a.Status != ApplicationStatus.Refused && a.Status != ApplicationStatus.Archived)
            .ToDictionaryAsync(a => a.ChildPersonId, a => a.Id, ct);
        Children = [.. children.Select(c => new ChildOption(c.Id, c.FullName,
            active.TryGetValue(c.Id, out var number) ? $"уже есть заявление № {number}"
            : c.BirthDate is not { } born ? "не указана дата рождения"
            : QueueApplication.AgeOn(born, today) >= FileApplication.MaxAgeYears ? "старше 7 лет"
            : null))];
        Municipalities = await institutions.MunicipalitiesAsync(ct);
        if (Child is not null && MunicipalityId is { } municipality && Municipalities.Any(m => m.Id == municipality))
        {
            var grounds = await db.BenefitGrounds.AsNoTracking().Where(g => g.Active).OrderBy(g => g.Kind).ThenBy(g => g.Id).ToListAsync(ct);
            View = new ApplicationFormView(Form, await institutions.KindergartensInAsync(municipality, ct), grounds, ModelState);
        }
    }

    private DateOnly NextSeptember()
    {
        var today = time.Today();
        return new DateOnly(today.Month >= 6 ? today.Year + 1 : today.Year, 9, 1);
    }
}
