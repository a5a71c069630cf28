namespace Kabinet.Web.Features.Diary;

/// <summary>
/// A kind of work a mark is given for (ответ на уроке, контрольная работа, …) with the weight the school's local act
/// gives it: the weighted average is Σ(mark × weight) / Σ(weight). A school that does not weight sets every weight to 1.
/// </summary>
public sealed class WorkKind
{
    public const int MinWeight = 1;
    public const int MaxWeight = 10;
    public const int MaxNameLength = 100;

    public int Id { get; set; }

    public int OrganisationId { get; set; }

    public string Name { get; private set; } = "";

    public int Weight { get; private set; } = 1;

    public int SortOrder { get; set; }

    public static WorkKind Create(int organisationId, string name, int weight, int sortOrder)
    {
        var kind = new WorkKind { OrganisationId = organisationId, SortOrder = sortOrder };
        kind.Rename(name);
        kind.SetWeight(weight);
        return kind;
    }

    public void Rename(string name)
    {
        if (NameProblem(name) is { } problem)
            throw new Common.Errors.RuleViolationException(problem);
        Name = name.Trim();
    }

    public void SetWeight(int weight)
    {
        if (WeightProblem(weight) is { } problem)
            throw new Common.Errors.RuleViolationException(problem);
        Weight = weight;
    }

    public static string? WeightProblem(int? weight) => weight is >= MinWeight and <= MaxWeight ? null : $"Вес — целое число от {MinWeight} до {MaxWeight}.";

    public static string? NameProblem(string? name) => name?.Trim() is { Length: > 0 and <= MaxNameLength }
        ? null
        : $"Укажите вид работы (до {MaxNameLength} знаков), например «Контрольная работа».";

    /// <summary>The kinds a school starts with on first use; it changes the weights to its local act.</summary>
    public static IReadOnlyList<WorkKind> Defaults(int organisationId) =>
    [
        Create(organisationId, "Ответ на уроке", 1, 1),
        Create(organisationId, "Самостоятельная работа", 2, 2),
        Create(organisationId, "Контрольная работа", 3, 3),
        Create(organisationId, "Домашняя работа", 1, 4),
        Create(organisationId, "Проект", 2, 5),
        Create(organisationId, "Практическая работа", 2, 6),
        Create(organisationId, "Диктант", 2, 7),
    ];
}
