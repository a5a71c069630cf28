using Kabinet.Web.Common.Applications;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.Enrollment.Territories;
using Kabinet.Web.Features.Institutions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Enrollment.Mine;

/// <summary>A school with its territory lines and whether the address asked about lies on it.</summary>
public sealed record SchoolTerritoryRow(int Id, string Name, IReadOnlyList<string> Lines, bool Covers);

/// <summary>«Запись в школу»: apply, my applications, and schools with their assigned territories (with an address check).</summary>
[Authorize]
public sealed class IndexModel(KabinetDbContext db, InstitutionDirectory institutions, SchoolApplicationSource source) : PageModel
{
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true, Name = "municipality")]
    public int? MunicipalityId { get; set; }

    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true, Name = "street")]
    public string? Street { get; set; }

    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true, Name = "house")]
    public string? House { get; set; }

    public IReadOnlyList<ApplicationListItem> Mine { get; private set; } = [];

    public IReadOnlyList<NamedItem> Municipalities { get; private set; } = [];

    public IReadOnlyList<SchoolTerritoryRow> Schools { get; private set; } = [];

    public bool AddressAsked => !string.IsNullOrWhiteSpace(Street) && !string.IsNullOrWhiteSpace(House);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Mine = await source.OfAccountAsync(KabinetClaims.AccountIdOf(User), KabinetClaims.PersonIdOf(User), ct);
        Municipalities = await institutions.MunicipalitiesAsync(ct);
        if (MunicipalityId is not { } municipality || !Municipalities.Any(m => m.Id == municipality))
            return;
        var schools = await institutions.SchoolsInAsync(municipality, ct);
        var territories = await db.SchoolTerritories.AsNoTracking().Where(t => t.MunicipalityId == municipality)
            .ToDictionaryAsync(t => t.OrganisationId, t => t.Lines, ct);
        var rows = schools.Select(s =>
        {
            var lines = territories.GetValueOrDefault(s.Id) ?? "";
            var covers = AddressAsked && TerritoryRules.Covers(TerritoryRules.Parse(lines).Streets, Street, House);
            return new SchoolTerritoryRow(s.Id, s.Name, [.. lines.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)], covers);
        });
        Schools = AddressAsked ? [.. rows.Where(r => r.Covers)] : [.. rows];
    }
}
