namespace Kabinet.Web.Features.Diary;

/// <summary>How a subject's work is assessed.</summary>
public enum ResultKind
{
    /// <summary>Marks 1–5.</summary>
    Marks,

    /// <summary>Зачёт / незачёт.</summary>
    PassFail,
}

/// <summary>A subject (учебный предмет) an organisation teaches: «Математика», short name «Матем.».</summary>
public sealed class Subject
{
    public const int MaxNameLength = 100;
    public const int MaxShortNameLength = 20;

    public int Id { get; set; }

    public int OrganisationId { get; set; }

    public string Name { get; private set; } = "";

    public string ShortName { get; private set; } = "";

    public ResultKind ResultKind { get; private set; }

    public static Subject Create(int organisationId, string name, string? shortName, ResultKind kind)
    {
        var subject = new Subject { OrganisationId = organisationId };
        subject.Change(name, shortName, kind);
        return subject;
    }

    /// <summary>Renames the subject; an empty short name becomes the name itself (cut to fit).</summary>
    public void Change(string name, string? shortName, ResultKind kind)
    {
        if (NameProblem(name) is { } problem)
            throw new Common.Errors.RuleViolationException(problem);
        Name = name.Trim();
        var s = shortName?.Trim();
        ShortName = string.IsNullOrEmpty(s) ? Name[..Math.Min(Name.Length, MaxShortNameLength)] : s;
        if (ShortName.Length > MaxShortNameLength)
            throw new Common.Errors.RuleViolationException($"Краткое название — не длиннее {MaxShortNameLength} знаков.");
        ResultKind = Enum.IsDefined(kind) ? kind : throw new Common.Errors.RuleViolationException("Выберите, как оценивается предмет.");
    }

    public static string? NameProblem(string? name) => name?.Trim() is not { Length: > 0 and <= MaxNameLength }
        ? $"Укажите название предмета (до {MaxNameLength} знаков), например «Математика»."
        : null;

    public static string? ShortNameProblem(string? shortName) => shortName?.Trim().Length > MaxShortNameLength
        ? $"Краткое название — не длиннее {MaxShortNameLength} знаков."
        : null;

    /// <summary>Names compare without case and ё/е differences: «Русский язык» and «русский  язык» are one subject.</summary>
    public static string Key(string name) =>
        string.Join(' ', name.Trim().ToLowerInvariant().Replace('ё', 'е').Split(' ', StringSplitOptions.RemoveEmptyEntries));
}

public static class ResultKindNames
{
    public static string Title(this ResultKind kind) => kind switch
    {
        ResultKind.Marks => "отметки 1–5",
        ResultKind.PassFail => "зачёт / незачёт",
        _ => kind.ToString(),
    };
}
