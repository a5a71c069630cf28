using Kabinet.Web.Common.Time;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.Enrollment.Submit;
using Kabinet.Web.Features.Families;
using Kabinet.Web.Features.Institutions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Enrollment.Staff;

/// <summary>A row of the school's list: in number order within kind.</summary>
public sealed record StaffRow(int Id, string Number, SchoolApplicationKind Kind, int Grade, string Child, DateTime RegisteredAt, SchoolApplicationStatus Status, AdmissionRight Right, bool OnTerritory);

/// <summary>The applications to one school (its administrator only), in number order, and the school's first-grade places.</summary>
[Authorize(Roles = nameof(PortalRole.OrganisationAdmin))]
public sealed class SchoolApplicationsModel(KabinetDbContext db, InstitutionDirectory institutions, FamilyDirectory families, EnrollmentReference reference, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "kind")]
    public SchoolApplicationKind? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public SchoolApplicationStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    [BindProperty]
    public int? Places { get; set; }

    public string SchoolName { get; private set; } = "";

    public IReadOnlyList<StaffRow> Rows { get; private set; } = [];

    public int Enrolled { get; private set; }

    public int? PlacesSet { get; private set; }

    public int[] Years { get; private set; } = [];

    /// <summary>Whether the signed-in person administers the school (others get 404).</summary>
    public static bool Administers(System.Security.Claims.ClaimsPrincipal user, int organisationId) =>
        KabinetClaims.OrganisationsOf(user, PortalRole.OrganisationAdmin).Contains(organisationId);

    public async Task<IActionResult> OnGetAsync(int orgId, CancellationToken ct)
    {
        if (!Administers(User, orgId) || await institutions.SchoolAsync(orgId, ct) is not { } school)
            return NotFound();
        await LoadAsync(school, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPlacesAsync(int orgId, CancellationToken ct)
    {
        if (!Administers(User, orgId) || await institutions.SchoolAsync(orgId, ct) is not { } school)
            return NotFound();
        var year = Year ?? EnrollmentSubmissions.QueueYear(time.Today()) + 1;
        if (Places is not { } places || places < 0 || places > 1000)
        {
            ModelState.AddModelError(nameof(Places), "Укажите число мест от 0 до 1000.");
            await LoadAsync(school, ct);
            return Page();
        }

        var intake = await db.SchoolIntakes.FirstOrDefaultAsync(i => i.OrganisationId == orgId && i.StartYear == year, ct);
        if (intake is null)
            db.SchoolIntakes.Add(new SchoolIntake { OrganisationId = orgId, StartYear = year, FirstGradePlaces = places });
        else
            intake.FirstGradePlaces = places;
        await db.SaveChangesAsync(ct);
        reference.ForgetIntake(orgId, year);
        TempData["Status"] = $"Мест в 1 классе на {year}/{year + 1}: {places}.";
        return Redirect($"/enrollment/school/{orgId}?year={year}");
    }

    private async Task LoadAsync(SchoolOfMunicipality school, CancellationToken ct)
    {
        SchoolName = school.Name;
        var current = EnrollmentSubmissions.QueueYear(time.Today());
        Years = [current, current + 1];
        var year = Year ??= current + 1;
        var query = db.SchoolApplications.AsNoTracking().Where(a => a.SchoolId == school.Id && a.SchoolYear == year);
        if (Kind is { } kind)
            query = query.Where(a => a.Kind == kind);
        if (Status is { } status)
            query = query.Where(a => a.Status == status);
        var rows = await query.OrderBy(a => a.Kind).ThenBy(a => a.Sequence).Take(500)
            .Select(a => new { a.Id, a.Number, a.Kind, a.Grade, a.ChildPersonId, a.RegisteredAt, a.Status, a.Right, a.OnTerritory })
            .ToListAsync(ct);
        var names = await families.NamesAsync(rows.Select(r => r.ChildPersonId).Distinct(), ct);
        Rows = [.. rows.Select(r => new StaffRow(r.Id, r.Number, r.Kind, r.Grade, names.GetValueOrDefault(r.ChildPersonId) ?? "", r.RegisteredAt, r.Status, r.Right, r.OnTerritory))];
        var intake = await reference.CurrentFirstGradeIntakeAsync(school.Id, year, ct);
        (Enrolled, PlacesSet) = (intake.Enrolled, intake.Places);
        Places ??= PlacesSet;
    }
}
