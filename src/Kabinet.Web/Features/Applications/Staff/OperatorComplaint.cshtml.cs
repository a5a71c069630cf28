using Kabinet.Web.Data;
using Kabinet.Web.Features.Families;
using Microsoft.AspNetCore.Authorization;

namespace Kabinet.Web.Features.Applications.Staff;

/// <summary>One complaint of the operator's municipality: the operator may take it and answer too.</summary>
[Authorize(Roles = ComplaintDesk.OperatorRoles)]
public sealed class OperatorComplaintModel(KabinetDbContext db, ComplaintDesk desk, FamilyDirectory families, TimeProvider time) : ComplaintPage(db, desk, families, time)
{
    private readonly ComplaintDesk _desk = desk;

    public override string ListLink => "/applications/operator/complaints";

    public override string ListTitle => "Жалобы «Не выдали логин и пароль»";

    protected override IQueryable<Complaint>? Scope() => _desk.OfOperator(User);
}
