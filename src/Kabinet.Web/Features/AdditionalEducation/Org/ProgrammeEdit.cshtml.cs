using Kabinet.Web.Data;
using Kabinet.Web.Features.AdditionalEducation.Catalogue;
using Kabinet.Web.Features.Institutions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.AdditionalEducation.Org;

/// <summary>Edits one programme of the organisation; places never drop below the children already enrolled.</summary>
public sealed class ProgrammeEditModel(KabinetDbContext db, InstitutionDirectory institutions) : OrgPage(institutions)
{
    public Programme Programme { get; private set; } = null!;

    [BindProperty]
    public ProgrammeForm Form { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(int orgId, int id, CancellationToken ct)
    {
        if (!await LoadAsync(orgId, id, ct))
            return NotFound();
        Form = ProgrammeForm.Of(Programme);
        Version = Programme.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int orgId, int id, CancellationToken ct)
    {
        if (!await LoadAsync(orgId, id, ct))
            return NotFound();
        if (!Form.Check(ModelState, Programme.Taken))
            return Page();
        if (Version != Programme.Version)
        {
            ModelState.AddModelError("", "Программу только что изменил кто-то другой. Проверьте её и сохраните снова.");
            Form = ProgrammeForm.Of(Programme);
            Version = Programme.Version;
            return Page();
        }

        Form.ApplyTo(Programme);
        Programme.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A family took a place meanwhile (places ≥ taken is a database constraint) or someone else saved first.
            ModelState.AddModelError("Form.Places", "Пока вы правили программу, на неё записались дети. Проверьте число мест и сохраните снова.");
            return Page();
        }

        TempData["Status"] = $"Программа «{Programme.Name}» сохранена.";
        return Redirect($"{Base}/programmes");
    }

    private async Task<bool> LoadAsync(int orgId, int id, CancellationToken ct)
    {
        if (!await OpenAsync(orgId, ct) || await db.Programmes.FirstOrDefaultAsync(p => p.Id == id && p.OrganisationId == orgId, ct) is not { } programme)
            return false;
        Programme = programme;
        return true;
    }
}
