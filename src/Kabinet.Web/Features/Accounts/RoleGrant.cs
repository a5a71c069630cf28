namespace Kabinet.Web.Features.Accounts;

/// <summary>A role an account holds, in the scope it holds it (an organisation or a municipality). Grants are never deleted: revoking one records when and by whom.</summary>
public sealed class RoleGrant
{
    public int Id { get; set; }

    public int AccountId { get; set; }

    public PortalRole Role { get; set; }

    /// <summary>For teachers and organisation administrators.</summary>
    public int? OrganisationId { get; set; }

    /// <summary>For municipal operators.</summary>
    public int? MunicipalityId { get; set; }

    public DateTime GrantedAt { get; set; }

    public int? GrantedById { get; set; }

    public DateTime? RevokedAt { get; set; }

    public int? RevokedById { get; set; }

    public void Revoke(int byAccountId, DateTime now)
    {
        if (RevokedAt is not null)
            throw new InvalidOperationException($"Grant {Id} is already revoked.");
        RevokedAt = now;
        RevokedById = byAccountId;
    }

    public static RoleGrant Create(int accountId, PortalRole role, DateTime grantedAt, int? organisationId = null, int? municipalityId = null, int? grantedById = null)
    {
        var needsOrganisation = role is PortalRole.Teacher or PortalRole.OrganisationAdmin or PortalRole.Student;
        if (needsOrganisation != organisationId.HasValue)
            throw new ArgumentException($"Role {role} {(needsOrganisation ? "needs" : "takes no")} organisation.", nameof(organisationId));
        if ((role == PortalRole.MunicipalOperator) != municipalityId.HasValue)
            throw new ArgumentException($"Role {role} {(role == PortalRole.MunicipalOperator ? "needs" : "takes no")} municipality.", nameof(municipalityId));

        return new RoleGrant
        {
            AccountId = accountId,
            Role = role,
            OrganisationId = organisationId,
            MunicipalityId = municipalityId,
            GrantedAt = grantedAt,
            GrantedById = grantedById,
        };
    }
}

public enum PortalRole
{
    /// <summary>Родитель (законный представитель), заявитель.</summary>
    Parent,

    /// <summary>Обучающийся школы или колледжа.</summary>
    Student,

    /// <summary>Педагог организации.</summary>
    Teacher,

    /// <summary>Администратор организации.</summary>
    OrganisationAdmin,

    /// <summary>Оператор муниципалитета (управление образования).</summary>
    MunicipalOperator,

    /// <summary>Региональный администратор.</summary>
    RegionalAdmin,
}

public static class PortalRoleNames
{
    public static string Title(this PortalRole role) => role switch
    {
        PortalRole.Parent => "Родитель (законный представитель)",
        PortalRole.Student => "Обучающийся",
        PortalRole.Teacher => "Педагог",
        PortalRole.OrganisationAdmin => "Администратор организации",
        PortalRole.MunicipalOperator => "Оператор муниципалитета",
        PortalRole.RegionalAdmin => "Региональный администратор",
        _ => role.ToString(),
    };
}
