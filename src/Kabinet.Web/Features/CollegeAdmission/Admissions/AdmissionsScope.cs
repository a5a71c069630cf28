using System.Security.Claims;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.Institutions;

namespace Kabinet.Web.Features.CollegeAdmission.Admissions;

/// <summary>The admissions office of a college: its OrganisationAdmin, for that college only.</summary>
public static class AdmissionsScope
{
    public const string Role = nameof(PortalRole.OrganisationAdmin);

    /// <summary>The college's municipality when the user administers it and it is a college; otherwise null (the page answers 404).</summary>
    public static async Task<int?> MunicipalityAsync(ClaimsPrincipal user, int organisationId, InstitutionDirectory institutions, CancellationToken ct) =>
        KabinetClaims.OrganisationsOf(user, PortalRole.OrganisationAdmin).Contains(organisationId)
            ? await institutions.CollegeMunicipalityAsync(organisationId, ct)
            : null;
}
