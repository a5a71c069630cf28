namespace Kabinet.Web.Features.Families;

public enum LinkRequestStatus
{
    Pending,
    Approved,
    Rejected,
}

/// <summary>
/// A parent asks to be linked to a child who already studies somewhere, when what the parent typed does not
/// match the school's record exactly. The organisation confirms or refuses; until then nothing is linked.
/// </summary>
public sealed class ChildLinkRequest
{
    public int Id { get; set; }

    /// <summary>The parent (a person) and the account that asked.</summary>
    public int GuardianId { get; init; }

    public int RequestedByAccountId { get; init; }

    /// <summary>The student record the data points to.</summary>
    public int ChildId { get; init; }

    /// <summary>The organisation whose administrator decides (Institutions module, by id).</summary>
    public int OrganisationId { get; init; }

    public FamilyRelation Relation { get; init; }

    // What the parent typed, kept as evidence for the decision.
    public required string LastName { get; init; }

    public required string FirstName { get; init; }

    public string? MiddleName { get; init; }

    public DateOnly BirthDate { get; init; }

    public DocumentKind DocumentKind { get; init; }

    public required string DocumentSeries { get; init; }

    public required string DocumentNumber { get; init; }

    public DateTime CreatedAt { get; init; }

    public LinkRequestStatus Status { get; private set; }

    public DateTime? DecidedAt { get; private set; }

    public int? DecidedByAccountId { get; private set; }

    public string? Comment { get; private set; }

    public string TypedFullName => MiddleName is null ? $"{LastName} {FirstName}" : $"{LastName} {FirstName} {MiddleName}";

    public void Decide(bool approve, int accountId, string? comment, DateTime now)
    {
        if (Status != LinkRequestStatus.Pending)
            throw new InvalidOperationException($"Link request {Id} is already decided.");
        Status = approve ? LinkRequestStatus.Approved : LinkRequestStatus.Rejected;
        DecidedAt = now;
        DecidedByAccountId = accountId;
        Comment = comment;
    }
}

/// <summary>A record that someone looked at or changed a person's data (152-ФЗ accountability): who, when, what.</summary>
public sealed class PersonalDataAccess
{
    public long Id { get; set; }

    public int ActorAccountId { get; init; }

    public int SubjectPersonId { get; init; }

    /// <summary>«view» or «change».</summary>
    public required string Action { get; init; }

    /// <summary>What was seen or changed, in Russian: «данные для подтверждения связи с родителем», «СНИЛС».</summary>
    public required string What { get; init; }

    public DateTime At { get; init; }
}
