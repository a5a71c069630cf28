using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kabinet.Web.Features.Institutions.Profile;

[AllowAnonymous]
public sealed class OrganisationModel(OrganisationProfile profile) : PageModel
{
    public OrganisationDetails Details { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await profile.HandleAsync(id, ct) is not { } details)
            return NotFound();
        Details = details;
        return Page();
    }

    public string Coordinates => FormattableString.Invariant($"{Details.Latitude:0.00000}, {Details.Longitude:0.00000}");

    public string OpenStreetMapUrl => FormattableString.Invariant(
        $"https://www.openstreetmap.org/?mlat={Details.Latitude:0.00000}&mlon={Details.Longitude:0.00000}#map=16/{Details.Latitude:0.00000}/{Details.Longitude:0.00000}");
}
