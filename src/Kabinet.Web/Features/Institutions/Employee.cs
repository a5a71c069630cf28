namespace Kabinet.Web.Features.Institutions;

/// <summary>A person working at an organisation (учитель, воспитатель, директор, ...).</summary>
public sealed class Employee
{
    public int Id { get; set; }

    public int OrganisationId { get; set; }

    /// <summary>The person (Families module), stored by id.</summary>
    public int PersonId { get; set; }

    /// <summary>«Учитель математики», «Воспитатель», «Директор».</summary>
    public required string Position { get; set; }
}

/// <summary>A student's membership of a class or college group.</summary>
public sealed class ClassMembership
{
    public int Id { get; set; }

    public int ClassGroupId { get; set; }

    public int PersonId { get; set; }

    public DateOnly Since { get; set; }
}

/// <summary>A child attending a kindergarten group.</summary>
public sealed class KindergartenPlacement
{
    public int Id { get; set; }

    public int KindergartenGroupId { get; set; }

    public int PersonId { get; set; }

    public DateOnly Since { get; set; }
}
