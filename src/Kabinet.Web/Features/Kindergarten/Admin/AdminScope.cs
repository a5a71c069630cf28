using System.Security.Claims;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.Institutions;
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

    /// <summary>
    /// The municipalities a back-office page offers the user (by name) and the one it shows: the one asked for, or
    /// the first. Allowed is false when the one asked for is not the user's (or does not exist): the page answers 404.
    /// </summary>
    public static async Task<(IReadOnlyList<NamedItem> Offered, int? Chosen, bool Allowed)> ChooseMunicipalityAsync(
        ClaimsPrincipal user, InstitutionDirectory institutions, int? asked, CancellationToken ct)
    {
        var mine = MunicipalitiesOf(user);
        List<NamedItem> offered = [.. (await institutions.MunicipalitiesAsync(ct)).Where(m => mine is null || mine.Contains(m.Id))];
        var chosen = asked ?? (offered.Count > 0 ? offered[0].Id : null);
        return (offered, chosen, chosen is not { } id || offered.Exists(m => m.Id == id));
    }
}
