using System.Text.RegularExpressions;
using Kabinet.Web.Common.Time;
using Kabinet.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.CollegeAdmission.Admissions;

/// <summary>The college's admission plan of a year: specialities with places and the acceptance window, created and edited here.</summary>
[Authorize(Roles = AdmissionsScope.Role)]
public sealed partial class PlanModel(KabinetDbContext db, Institutions.InstitutionDirectory institutions, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "edit")]
    public int? EditId { get; set; }

    [BindProperty]
    public SpecialityForm Form { get; set; } = new();

    public int OrganisationId { get; private set; }

    public string College { get; private set; } = "";

    public IReadOnlyList<Speciality> Specialities { get; private set; } = [];

    public int AdmissionYear => Year ?? Speciality.AdmissionYearOn(time.Today());

    public async Task<IActionResult> OnGetAsync(int orgId, CancellationToken ct)
    {
        if (!await LoadAsync(orgId, ct))
            return NotFound();
        if (EditId is { } id)
        {
            if (Specialities.FirstOrDefault(s => s.Id == id) is not { } editing)
                return NotFound();
            Form = SpecialityForm.Of(editing);
        }
        else
        {
            var defaults = new Speciality { AdmissionYear = AdmissionYear };
            defaults.UseDefaultWindow();
            Form = SpecialityForm.Of(defaults);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int orgId, CancellationToken ct)
    {
        if (await AdmissionsScope.MunicipalityAsync(User, orgId, institutions, ct) is not { } municipality)
            return NotFound();
        Speciality? speciality = null;
        if (EditId is { } id && (speciality = await db.Specialities.FirstOrDefaultAsync(s => s.Id == id && s.OrganisationId == orgId, ct)) is null)
            return NotFound();
        Validate(speciality?.AdmissionYear ?? AdmissionYear);
        if (!ModelState.IsValid)
        {
            await LoadAsync(orgId, ct);
            return Page();
        }

        if (speciality is null)
        {
            speciality = new Speciality { OrganisationId = orgId, MunicipalityId = municipality, AdmissionYear = AdmissionYear };
            db.Specialities.Add(speciality);
        }

        Form.ApplyTo(speciality);
        speciality.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Status"] = "Специальность только что изменил другой сотрудник. Проверьте её и повторите.";
            return Redirect($"/college/org/{orgId}/plan?year={speciality.AdmissionYear}");
        }

        TempData["Status"] = $"Специальность «{speciality.Title}» сохранена.";
        return Redirect($"/college/org/{orgId}/plan?year={speciality.AdmissionYear}");
    }

    private void Validate(int year)
    {
        if (!CodePattern().IsMatch(Form.Code ?? ""))
            ModelState.AddModelError("Form.Code", "Код специальности — в виде 09.02.07.");
        if (string.IsNullOrWhiteSpace(Form.Name) || Form.Name.Length > 300)
            ModelState.AddModelError("Form.Name", "Укажите название специальности (до 300 знаков).");
        if (string.IsNullOrWhiteSpace(Form.Qualification) || Form.Qualification.Length > 200)
            ModelState.AddModelError("Form.Qualification", "Укажите квалификацию (до 200 знаков).");
        if (Form.BudgetPlaces is not (>= 0 and <= 2000))
            ModelState.AddModelError("Form.BudgetPlaces", "Бюджетных мест — от 0 до 2000.");
        if (Form.PaidPlaces is not (>= 0 and <= 2000))
            ModelState.AddModelError("Form.PaidPlaces", "Платных мест — от 0 до 2000.");
        if (Form.AcceptFrom is not { } from || from.Year != year)
            ModelState.AddModelError("Form.AcceptFrom", $"Укажите дату начала приёма в {year} году.");
        else if (Form.AcceptUntil is not { } until || until < from || until.Year != year)
            ModelState.AddModelError("Form.AcceptUntil", $"Окончание приёма — не раньше начала и в {year} году.");
        else if (Form.ExtendedUntil is { } extended && (extended < until || extended.Year != year))
            ModelState.AddModelError("Form.ExtendedUntil", $"Продление — не раньше окончания основного приёма и в {year} году.");
    }

    private async Task<bool> LoadAsync(int orgId, CancellationToken ct)
    {
        if (await AdmissionsScope.MunicipalityAsync(User, orgId, institutions, ct) is null)
            return false;
        OrganisationId = orgId;
        College = (await institutions.NamesAsync([orgId], [], ct)).Organisations.GetValueOrDefault(orgId, "");
        Specialities = await db.Specialities.AsNoTracking().Where(s => s.OrganisationId == orgId && s.AdmissionYear == AdmissionYear)
            .OrderBy(s => s.Code).ThenBy(s => s.Id).ToListAsync(ct);
        return true;
    }

    [GeneratedRegex(@"^\d{2}\.\d{2}\.\d{2}$")]
    private static partial Regex CodePattern();
}

/// <summary>The speciality as the plan's form edits it.</summary>
public sealed class SpecialityForm
{
    public string? Code { get; set; }

    public string? Name { get; set; }

    public string? Qualification { get; set; }

    public StudyForm StudyForm { get; set; }

    public EducationBasis Basis { get; set; }

    public int? BudgetPlaces { get; set; }

    public int? PaidPlaces { get; set; }

    public bool MedicalExamination { get; set; }

    public bool EntranceTests { get; set; }

    public DateOnly? AcceptFrom { get; set; }

    public DateOnly? AcceptUntil { get; set; }

    public DateOnly? ExtendedUntil { get; set; }

    public static SpecialityForm Of(Speciality s) => new()
    {
        Code = s.Code, Name = s.Name, Qualification = s.Qualification, StudyForm = s.Form, Basis = s.Basis, BudgetPlaces = s.BudgetPlaces, PaidPlaces = s.PaidPlaces,
        MedicalExamination = s.MedicalExamination, EntranceTests = s.EntranceTests, AcceptFrom = s.AcceptFrom, AcceptUntil = s.AcceptUntil, ExtendedUntil = s.ExtendedUntil,
    };

    public void ApplyTo(Speciality s)
    {
        s.Code = Code!.Trim();
        s.Name = Name!.Trim();
        s.Qualification = Qualification!.Trim();
        s.Form = StudyForm;
        s.Basis = Basis;
        s.BudgetPlaces = BudgetPlaces!.Value;
        s.PaidPlaces = PaidPlaces!.Value;
        s.MedicalExamination = MedicalExamination;
        s.EntranceTests = EntranceTests;
        s.AcceptFrom = AcceptFrom!.Value;
        s.AcceptUntil = AcceptUntil!.Value;
        s.ExtendedUntil = ExtendedUntil;
    }
}
