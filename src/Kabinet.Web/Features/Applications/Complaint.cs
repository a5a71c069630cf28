namespace Kabinet.Web.Features.Applications;

/// <summary>Where a complaint «Не выдали логин и пароль» stands.</summary>
public enum ComplaintStatus
{
    /// <summary>Подана.</summary>
    Submitted,

    /// <summary>В работе: someone at the organisation or the municipality took it.</summary>
    InProgress,

    /// <summary>Ответ дан (the answer text is required).</summary>
    Answered,

    /// <summary>Закрыта.</summary>
    Closed,

    /// <summary>Отозвана автором before an answer.</summary>
    Withdrawn,
}

public static class ComplaintStatuses
{
    private static readonly Dictionary<ComplaintStatus, ComplaintStatus[]> Next = new()
    {
        [ComplaintStatus.Submitted] = [ComplaintStatus.InProgress, ComplaintStatus.Withdrawn],
        [ComplaintStatus.InProgress] = [ComplaintStatus.Answered, ComplaintStatus.Withdrawn],
        [ComplaintStatus.Answered] = [ComplaintStatus.Closed],
        [ComplaintStatus.Closed] = [],
        [ComplaintStatus.Withdrawn] = [],
    };

    public static bool CanMove(ComplaintStatus from, ComplaintStatus to) => Next[from].Contains(to);

    /// <summary>Still waiting for an answer: counted for the answer deadline.</summary>
    public static bool AwaitsAnswer(this ComplaintStatus status) => status is ComplaintStatus.Submitted or ComplaintStatus.InProgress;

    public static bool IsFinished(this ComplaintStatus status) => status is ComplaintStatus.Closed or ComplaintStatus.Withdrawn;

    public static string Title(this ComplaintStatus status) => status switch
    {
        ComplaintStatus.Submitted => "Подана",
        ComplaintStatus.InProgress => "В работе",
        ComplaintStatus.Answered => "Ответ дан",
        ComplaintStatus.Closed => "Закрыта",
        ComplaintStatus.Withdrawn => "Отозвана",
        _ => status.ToString(),
    };
}

/// <summary>
/// A complaint that a kindergarten, school or college did not give a parent or a student their credentials (the
/// diary's login): about which organisation and child, what happened, how to reach the author; with its history.
/// </summary>
public sealed class Complaint
{
    public const int MaxText = 4000;
    public const int MaxAnswer = 4000;
    public const int MaxName = 200;
    public const int MaxClass = 50;
    public const string TypeTitle = "Жалоба «Не выдали логин и пароль»";

    public int Id { get; set; }

    /// <summary>«Ж-000123», as the author and staff see it.</summary>
    public string Number => FormatNumber(Id);

    public int AuthorAccountId { get; init; }

    public int AuthorPersonId { get; init; }

    public int MunicipalityId { get; init; }

    public int OrganisationId { get; init; }

    /// <summary>The child (or the student themself) when known to the portal; null when the name was typed.</summary>
    public int? ChildPersonId { get; init; }

    public required string ChildName { get; init; }

    public DateOnly? ChildBirthDate { get; init; }

    /// <summary>The class or group as the author wrote it («5А», «младшая группа»).</summary>
    public string? ClassName { get; init; }

    public required string Text { get; init; }

    /// <summary>+79XXXXXXXXX.</summary>
    public string? Phone { get; init; }

    public string? Email { get; init; }

    public DateTime CreatedAt { get; init; }

    public ComplaintStatus Status { get; private set; } = ComplaintStatus.Submitted;

    public DateTime StatusChangedAt { get; private set; }

    public string? Answer { get; private set; }

    public DateTime? AnsweredAt { get; private set; }

    /// <summary>Bumped on every change: two staff members answering at once cannot both succeed.</summary>
    public int Version { get; private set; }

    public List<ComplaintEvent> History { get; } = [];

    public static string FormatNumber(int id) => $"Ж-{id:000000}";

    /// <summary>Moves to another status if that transition exists (an answer needs its text); records who, when and why.</summary>
    public bool TryMove(ComplaintStatus to, int byAccountId, string? comment, DateTime now)
    {
        if (!ComplaintStatuses.CanMove(Status, to) || (to == ComplaintStatus.Answered && string.IsNullOrWhiteSpace(comment)))
            return false;
        History.Add(new ComplaintEvent { ComplaintId = Id, From = Status, To = to, At = now, ByAccountId = byAccountId, Comment = comment });
        if (to == ComplaintStatus.Answered)
        {
            Answer = comment;
            AnsweredAt = now;
        }

        Status = to;
        StatusChangedAt = now;
        Version++;
        return true;
    }

    /// <summary>The first entry of the history, when the complaint is filed.</summary>
    public void Filed(DateTime now)
    {
        StatusChangedAt = now;
        History.Add(new ComplaintEvent { From = ComplaintStatus.Submitted, To = ComplaintStatus.Submitted, At = now, ByAccountId = AuthorAccountId });
    }
}

/// <summary>One step of a complaint's history: who, when, from what to what, with the comment or answer.</summary>
public sealed class ComplaintEvent
{
    public long Id { get; set; }

    public int ComplaintId { get; set; }

    public ComplaintStatus From { get; init; }

    public ComplaintStatus To { get; init; }

    public DateTime At { get; init; }

    public int ByAccountId { get; init; }

    public string? Comment { get; init; }
}
