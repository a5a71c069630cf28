using System.Security.Claims;
using Kabinet.Web.Common.Time;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.Institutions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kabinet.Web.Features.Diary.Admin;

/// <summary>A school's structure is kept by the administrators of that school; a regional administrator may open any school.</summary>
public static class SchoolScope
{
    public const string Roles = $"{nameof(PortalRole.OrganisationAdmin)},{nameof(PortalRole.RegionalAdmin)}";

    public static bool Covers(ClaimsPrincipal user, int organisationId) =>
        user.IsInRole(nameof(PortalRole.RegionalAdmin)) || KabinetClaims.OrganisationsOf(user, PortalRole.OrganisationAdmin).Contains(organisationId);
}

/// <summary>
/// A page of a school's structure under /school/{organisationId}/…: only for that school's administrators (another
/// school's administrator gets «not found»), only for schools and colleges, in the academic year that is current today.
/// </summary>
[Authorize(Roles = SchoolScope.Roles)]
public abstract class SchoolAdminPage(InstitutionDirectory institutions, TimeProvider time) : PageModel
{
    public int OrganisationId { get; private set; }

    public string OrganisationName { get; private set; } = "";

    /// <summary>The academic year the pages work in; null when the school has none yet.</summary>
    public SchoolYear? Year { get; private set; }

    public DateOnly Today { get; private set; }

    /// <summary>Checks the caller's scope and loads the school; false — answer «not found».</summary>
    protected async Task<bool> OpenAsync(int organisationId, CancellationToken ct)
    {
        if (!SchoolScope.Covers(User, organisationId))
            return false;
        if (await institutions.OrganisationAsync(organisationId, ct) is not { Kind: OrganisationKind.School or OrganisationKind.College } organisation)
            return false;
        OrganisationId = organisationId;
        OrganisationName = organisation.Name;
        Today = time.Today();
        Year = await institutions.SchoolYearOnAsync(organisationId, Today, ct);
        return true;
    }

    /// <summary>The first error of a form field, shown next to it.</summary>
    public string? ErrorOf(string key) => ModelState[key]?.Errors.FirstOrDefault()?.ErrorMessage;

    public string Base => $"/school/{OrganisationId}";
}
