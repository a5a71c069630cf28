using Kabinet.Web.Data;
using Kabinet.Web.Features.Families;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Kabinet.Web.Features.Applications.Staff;

/// <summary>One complaint about the organisation: its administrator takes it into work and answers.</summary>
[Authorize(Roles = ComplaintDesk.OrganisationRoles)]
public sealed class OrganisationComplaintModel(KabinetDbContext db, ComplaintDesk desk, FamilyDirectory families, TimeProvider time) : ComplaintPage(db, desk, families, time)
{
    private readonly ComplaintDesk _desk = desk;

    [BindProperty(SupportsGet = true)]
    public int OrgId { get; set; }

    public override string ListLink => $"/applications/org/{OrgId}/complaints";

    public override string ListTitle => "Жалобы об организации";

    protected override IQueryable<Complaint>? Scope() => _desk.OfOrganisation(User, OrgId);
}
