using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.Enrollment.Territories;
using Kabinet.Web.Features.Institutions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Enrollment.Municipal;

/// <summary>One application in the municipality's read-only list.</summary>
public sealed record OperatorRow(int Id, string Number, SchoolApplicationKind Kind, int SchoolId, int SchoolYear, DateTime RegisteredAt, SchoolApplicationStatus Status);

/// <summary>
/// The municipal operator's enrollment page (their municipality; a regional administrator any): the campaigns' windows,
/// the schools' assigned territories, and all applications of the municipality to read.
/// </summary>
[Authorize(Roles = $"{nameof(PortalRole.MunicipalOperator)},{nameof(PortalRole.RegionalAdmin)}")]
public sealed class IndexModel(KabinetDbContext db, InstitutionDirectory institutions, EnrollmentReference reference, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "municipality")]
    public int? MunicipalityId { get; set; }

    [BindProperty(SupportsGet = true, Name = "school")]
    public int? SchoolId { get; set; }

    [BindProperty]
    public EnrollmentCampaign? Campaign { get; set; }

    [BindProperty]
    public string? Lines { get; set; }

    public IReadOnlyList<NamedItem> Municipalities { get; private set; } = [];

    public IReadOnlyList<NamedItem> Schools { get; private set; } = [];

    public IReadOnlyList<EnrollmentCampaign> Campaigns { get; private set; } = [];

    public IReadOnlyList<OperatorRow> Applications { get; private set; } = [];

    public int? EditedCampaignId { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
            return NotFound();
        if (SchoolId is { } school)
            Lines = await db.SchoolTerritories.AsNoTracking().Where(t => t.OrganisationId == school).Select(t => t.Lines).FirstOrDefaultAsync(ct) ?? "";
        return Page();
    }

    public async Task<IActionResult> OnPostCampaignAsync(int campaignId, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
            return NotFound();
        var campaign = await db.EnrollmentCampaigns.FirstOrDefaultAsync(c => c.Id == campaignId && c.MunicipalityId == MunicipalityId, ct);
        if (campaign is null || Campaign is null)
            return NotFound();
        campaign.PriorityFrom = Campaign.PriorityFrom;
        campaign.PriorityTo = Campaign.PriorityTo;
        campaign.GeneralFrom = Campaign.GeneralFrom;
        campaign.GeneralTo = Campaign.GeneralTo;
        campaign.TenthFrom = Campaign.TenthFrom;
        campaign.TenthTo = Campaign.TenthTo;
        if (campaign.CheckWindows() is { } problem)
        {
            EditedCampaignId = campaignId;
            ModelState.AddModelError($"campaign-{campaignId}", problem);
            return Page();
        }

        campaign.Version++;
        await db.SaveChangesAsync(ct);
        reference.ForgetCampaign(campaign.MunicipalityId, campaign.StartYear);
        TempData["Status"] = $"Сроки приёма на {campaign.StartYear}/{campaign.StartYear + 1} сохранены.";
        return Redirect($"/enrollment/operator?municipality={MunicipalityId}");
    }

    public async Task<IActionResult> OnPostTerritoryAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct) || SchoolId is not { } school || !Schools.Any(s => s.Id == school))
            return NotFound();
        var (_, problems) = TerritoryRules.Parse(Lines);
        if (problems.Count > 0 || Lines?.Length > 20000)
        {
            ModelState.AddModelError(nameof(Lines), problems.Count > 0 ? string.Join(" ", problems.Take(3)) : "Не длиннее 20 000 символов.");
            return Page();
        }

        var territory = await db.SchoolTerritories.FirstOrDefaultAsync(t => t.OrganisationId == school, ct);
        var now = time.GetUtcNow().UtcDateTime;
        if (territory is null)
            db.SchoolTerritories.Add(new SchoolTerritory { OrganisationId = school, MunicipalityId = MunicipalityId!.Value, Lines = Lines?.Trim() ?? "", UpdatedAt = now });
        else
        {
            territory.Lines = Lines?.Trim() ?? "";
            territory.UpdatedAt = now;
            territory.Version++;
        }

        await db.SaveChangesAsync(ct);
        reference.ForgetTerritory(school);
        TempData["Status"] = "Закреплённая территория сохранена.";
        return Redirect($"/enrollment/operator?municipality={MunicipalityId}&school={school}#territory");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var mine = User.IsInRole(nameof(PortalRole.RegionalAdmin)) ? null : KabinetClaims.MunicipalitiesOf(User, PortalRole.MunicipalOperator);
        Municipalities = [.. (await institutions.MunicipalitiesAsync(ct)).Where(m => mine is null || mine.Contains(m.Id))];
        MunicipalityId ??= Municipalities.Count > 0 ? Municipalities[0].Id : null;
        if (MunicipalityId is not { } municipality || !Municipalities.Any(m => m.Id == municipality))
            return false;
        Schools = await institutions.SchoolsInAsync(municipality, ct);
        Campaigns = await db.EnrollmentCampaigns.AsNoTracking().Where(c => c.MunicipalityId == municipality).OrderByDescending(c => c.StartYear).ToListAsync(ct);
        Applications = await db.SchoolApplications.AsNoTracking().Where(a => a.MunicipalityId == municipality)
            .OrderByDescending(a => a.RegisteredAt).Take(200)
            .Select(a => new OperatorRow(a.Id, a.Number, a.Kind, a.SchoolId, a.SchoolYear, a.RegisteredAt, a.Status)).ToListAsync(ct);
        return true;
    }
}
