using System.Security.Claims;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.Kindergarten.Queue;

namespace Kabinet.Web.Features.Kindergarten.Admin;

/// <summary>A municipal operator works with their municipality's applications only; a regional administrator with all.</summary>
public static class AdminScope
{
    public const string Roles = $"{nameof(PortalRole.MunicipalOperator)},{nameof(PortalRole.RegionalAdmin)}";

    /// <summary>The municipalities the user may work with; null — every one.</summary>
    public static IReadOnlySet<int>? MunicipalitiesOf(ClaimsPrincipal user) =>
        user.IsInRole(nameof(PortalRole.RegionalAdmin)) ? null : KabinetClaims.MunicipalitiesOf(user, PortalRole.MunicipalOperator);

    public static IQueryable<QueueApplication> Applications(KabinetDbContext db, ClaimsPrincipal user) =>
        MunicipalitiesOf(user) is { } mine ? db.QueueApplications.Where(a => mine.Contains(a.MunicipalityId)) : db.QueueApplications;

    public static bool Covers(ClaimsPrincipal user, int municipalityId) => MunicipalitiesOf(user) is not { } mine || mine.Contains(municipalityId);
}
