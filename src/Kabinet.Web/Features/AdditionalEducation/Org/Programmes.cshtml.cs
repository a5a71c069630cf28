using Kabinet.Web.Data;
using Kabinet.Web.Features.AdditionalEducation.Catalogue;
using Kabinet.Web.Features.Institutions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.AdditionalEducation.Org;

/// <summary>The organisation's programmes with places taken, and the form for a new one.</summary>
public sealed class ProgrammesModel(KabinetDbContext db, InstitutionDirectory institutions) : OrgPage(institutions)
{
    public IReadOnlyList<Programme> Programmes { get; private set; } = [];

    [BindProperty]
    public ProgrammeForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int orgId, CancellationToken ct)
    {
        if (!await OpenAsync(orgId, ct))
            return NotFound();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int orgId, CancellationToken ct)
    {
        if (!await OpenAsync(orgId, ct))
            return NotFound();
        if (!Form.Check(ModelState, taken: 0))
        {
            await LoadAsync(ct);
            return Page();
        }

        var programme = new Programme { OrganisationId = OrganisationId, MunicipalityId = MunicipalityId };
        Form.ApplyTo(programme);
        db.Programmes.Add(programme);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = $"Программа «{programme.Name}» добавлена в каталог.";
        return Redirect($"{Base}/programmes");
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Programmes = await db.Programmes.AsNoTracking().Where(p => p.OrganisationId == OrganisationId).OrderBy(p => p.Name).ToListAsync(ct);
}
