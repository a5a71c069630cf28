namespace Kabinet.Web.Features.Accounts.Issuing;

/// <summary>
/// A list file from which an organisation's administrator issued accounts: who, when, how many. Its SHA-256
/// stops the same file from being issued twice (a second upload would give everyone a second account).
/// </summary>
public sealed class IssuedList
{
    public int Id { get; set; }

    public int OrganisationId { get; init; }

    public required string Sha256 { get; init; }

    public required string FileName { get; init; }

    public int People { get; init; }

    public int IssuedByAccountId { get; init; }

    public DateTime IssuedAt { get; init; }
}
