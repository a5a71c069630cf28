using Kabinet.Web.Features.Institutions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Kabinet.Web.Features.Applications.Staff;

/// <summary>The complaints about one organisation, for its administrators (and the regional administrator).</summary>
[Authorize(Roles = ComplaintDesk.OrganisationRoles)]
public sealed class OrganisationComplaintsModel(ComplaintDesk desk, InstitutionDirectory institutions) : ComplaintListPage(desk)
{
    private readonly ComplaintDesk _desk = desk;

    [BindProperty(SupportsGet = true)]
    public int OrgId { get; set; }

    public override string ListLink => $"/applications/org/{OrgId}/complaints";

    public override string LinkOf(ComplaintRow row) => $"{ListLink}/{row.Id}";

    protected override async Task<IQueryable<Complaint>?> ScopeAsync(CancellationToken ct)
    {
        if (_desk.OfOrganisation(User, OrgId) is not { } scope || await institutions.OrganisationAsync(OrgId, ct) is not { } organisation)
            return null;
        Heading = $"Жалобы «Не выдали логин и пароль»: {organisation.Name}";
        return scope;
    }
}
