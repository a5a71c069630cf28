using System.Security.Claims;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.AdditionalEducation.Certificates;

namespace Kabinet.Web.Features.AdditionalEducation.Municipal;

/// <summary>A municipal operator decides their municipality's certificate applications and nominal; a regional administrator any.</summary>
public static class OperatorScope
{
    public const string Roles = $"{nameof(PortalRole.MunicipalOperator)},{nameof(PortalRole.RegionalAdmin)}";

    /// <summary>The municipalities the user may work with; null — every one.</summary>
    public static IReadOnlySet<int>? MunicipalitiesOf(ClaimsPrincipal user) =>
        user.IsInRole(nameof(PortalRole.RegionalAdmin)) ? null : KabinetClaims.MunicipalitiesOf(user, PortalRole.MunicipalOperator);

    public static bool Covers(ClaimsPrincipal user, int municipalityId) => MunicipalitiesOf(user) is not { } mine || mine.Contains(municipalityId);

    public static IQueryable<CertificateApplication> Applications(KabinetDbContext db, ClaimsPrincipal user)
    {
        if (MunicipalitiesOf(user) is not { } mine)
            return db.CertificateApplications;
        var ids = mine.ToList();
        return db.CertificateApplications.Where(a => ids.Contains(a.MunicipalityId));
    }
}
