using Microsoft.AspNetCore.Authorization;

namespace Kabinet.Web.Features.Applications.Staff;

/// <summary>The complaints of the operator's municipality (all of them for the regional administrator), overdue first.</summary>
[Authorize(Roles = ComplaintDesk.OperatorRoles)]
public sealed class OperatorComplaintsModel(ComplaintDesk desk) : ComplaintListPage(desk)
{
    private readonly ComplaintDesk _desk = desk;

    public override string ListLink => "/applications/operator/complaints";

    public override string LinkOf(ComplaintRow row) => $"{ListLink}/{row.Id}";

    protected override Task<IQueryable<Complaint>?> ScopeAsync(CancellationToken ct)
    {
        Heading = "Жалобы «Не выдали логин и пароль»";
        return Task.FromResult<IQueryable<Complaint>?>(_desk.OfOperator(User));
    }
}
