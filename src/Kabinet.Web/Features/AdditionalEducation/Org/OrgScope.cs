using System.Security.Claims;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.Institutions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kabinet.Web.Features.AdditionalEducation.Org;

/// <summary>An organisation's programmes and enrolments are kept by its administrators; a regional administrator may open any.</summary>
public static class OrgScope
{
    public const string Roles = $"{nameof(PortalRole.OrganisationAdmin)},{nameof(PortalRole.RegionalAdmin)}";

    public static bool Covers(ClaimsPrincipal user, int organisationId) =>
        user.IsInRole(nameof(PortalRole.RegionalAdmin)) || KabinetClaims.OrganisationsOf(user, PortalRole.OrganisationAdmin).Contains(organisationId);
}

/// <summary>
/// A page under /pfdo/org/{orgId}/…: only for that organisation's administrators (another organisation's
/// administrator gets «not found»), for additional-education organisations and schools (schools offer clubs too).
/// </summary>
[Authorize(Roles = OrgScope.Roles)]
public abstract class OrgPage(InstitutionDirectory institutions) : PageModel
{
    public int OrganisationId { get; private set; }

    public string OrganisationName { get; private set; } = "";

    public int MunicipalityId { get; private set; }

    /// <summary>Checks the caller's scope and loads the organisation; false — answer «not found».</summary>
    protected async Task<bool> OpenAsync(int organisationId, CancellationToken ct)
    {
        if (!OrgScope.Covers(User, organisationId))
            return false;
        if (await institutions.OrganisationAsync(organisationId, ct) is not { Kind: OrganisationKind.AdditionalEducation or OrganisationKind.School } organisation
            || await institutions.MunicipalityOfAsync(organisationId, ct) is not { } municipalityId)
            return false;
        OrganisationId = organisationId;
        OrganisationName = organisation.Name;
        MunicipalityId = municipalityId;
        return true;
    }

    public string? ErrorOf(string key) => ModelState[key]?.Errors.FirstOrDefault()?.ErrorMessage;

    public string Base => $"/pfdo/org/{OrganisationId}";
}
