namespace Kabinet.Web.Features.Accounts.Roles;

public enum RoleRequestStatus
{
    Pending,
    Approved,
    Rejected,
}

/// <summary>
/// An employee asks for a role: teacher or administrator of an organisation, or operator of a municipality.
/// The organisation's administrator decides on teachers, a regional administrator on the others.
/// </summary>
public sealed class RoleRequest
{
    public int Id { get; set; }

    public int AccountId { get; init; }

    public PortalRole Role { get; init; }

    public int? OrganisationId { get; init; }

    public int? MunicipalityId { get; init; }

    public required string Text { get; init; }

    public DateTime CreatedAt { get; init; }

    public RoleRequestStatus Status { get; private set; }

    public DateTime? DecidedAt { get; private set; }

    public int? DecidedByAccountId { get; private set; }

    public string? Comment { get; private set; }

    public static readonly PortalRole[] Requestable = [PortalRole.Teacher, PortalRole.OrganisationAdmin, PortalRole.MunicipalOperator];

    /// <summary>Teachers are approved by their organisation's administrator; administrators and operators by the region.</summary>
    public PortalRole ApproverRole => Role == PortalRole.Teacher ? PortalRole.OrganisationAdmin : PortalRole.RegionalAdmin;

    public void Decide(bool approve, int deciderId, string? comment, DateTime now)
    {
        if (Status != RoleRequestStatus.Pending)
            throw new InvalidOperationException($"Role request {Id} is already decided.");
        Status = approve ? RoleRequestStatus.Approved : RoleRequestStatus.Rejected;
        DecidedAt = now;
        DecidedByAccountId = deciderId;
        Comment = comment;
    }
}
