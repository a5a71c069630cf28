namespace Kabinet.Web.Features.Support;

/// <summary>A request to technical support, numbered; kept with its answer. Administrators answer, the answer goes by e-mail.</summary>
public sealed class SupportRequest
{
    public const int MaxText = 4000;

    /// <summary>The request's number, as the person sees it («обращение № 17»).</summary>
    public int Id { get; set; }

    public required string AuthorName { get; init; }

    public required string ContactEmail { get; init; }

    /// <summary>The account, when the person wrote while signed in.</summary>
    public int? AccountId { get; init; }

    /// <summary>The login the person says is theirs (people write here exactly when they cannot sign in).</summary>
    public string? Login { get; init; }

    public required string Text { get; init; }

    public DateTime CreatedAt { get; init; }

    public string? IpAddress { get; init; }

    public string? Answer { get; private set; }

    public DateTime? AnsweredAt { get; private set; }

    public int? AnsweredByAccountId { get; private set; }

    public bool IsAnswered => AnsweredAt is not null;

    public void AnswerWith(string answer, int administratorId, DateTime now)
    {
        if (IsAnswered)
            throw new InvalidOperationException($"Request {Id} is already answered.");
        Answer = answer;
        AnsweredAt = now;
        AnsweredByAccountId = administratorId;
    }
}
