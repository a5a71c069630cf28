namespace Kabinet.Web.Features.Diary;

/// <summary>
/// A result in the journal: a mark 1–5, or зачёт / незачёт for subjects assessed that way. Colleges show the same
/// marks in their words (отлично … неудовлетворительно; зачтено / не зачтено).
/// </summary>
public enum MarkValue
{
    One = 1,
    Two = 2,
    Three = 3,
    Four = 4,
    Five = 5,
    Pass = 10,
    Fail = 11,
}

public static class MarkValues
{
    /// <summary>The points of a numeric mark; null for зачёт / незачёт (they do not count in averages).</summary>
    public static int? Points(this MarkValue value) => value is >= MarkValue.One and <= MarkValue.Five ? (int)value : null;

    /// <summary>Whether the value fits how the subject is assessed.</summary>
    public static bool Fits(this MarkValue value, ResultKind kind) => Enum.IsDefined(value) && (kind == ResultKind.PassFail
        ? value is MarkValue.Pass or MarkValue.Fail
        : value is >= MarkValue.One and <= MarkValue.Five);

    /// <summary>The short form in a journal cell: «5», «зч», «нз»; at a college «отл», «хор», «уд», «неуд», «зач», «незач».</summary>
    public static string Cell(this MarkValue value, bool college = false) => (value, college) switch
    {
        (MarkValue.Pass, false) => "зч",
        (MarkValue.Fail, false) => "нз",
        (MarkValue.Pass, true) => "зач",
        (MarkValue.Fail, true) => "незач",
        (MarkValue.Five, true) => "отл",
        (MarkValue.Four, true) => "хор",
        (MarkValue.Three, true) => "уд",
        (MarkValue.Two or MarkValue.One, true) => "неуд",
        _ => ((int)value).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>The full words: «5 (отлично)» at school, «отлично» at a college.</summary>
    public static string Title(this MarkValue value, bool college = false) => value switch
    {
        MarkValue.Pass => college ? "зачтено" : "зачёт",
        MarkValue.Fail => college ? "не зачтено" : "незачёт",
        _ when college => value switch
        {
            MarkValue.Five => "отлично",
            MarkValue.Four => "хорошо",
            MarkValue.Three => "удовлетворительно",
            _ => "неудовлетворительно",
        },
        _ => ((int)value).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// Reads what a teacher types into a journal cell: «5», «4», …, «зч»/«з»/«+» for зачёт, «нз»/«н/з»/«-» for
    /// незачёт (and the college words). Null — not a mark.
    /// </summary>
    public static MarkValue? Parse(string? text) => text?.Trim().ToLowerInvariant().Replace('ё', 'е') switch
    {
        "1" => MarkValue.One,
        "2" or "неуд" => MarkValue.Two,
        "3" or "уд" => MarkValue.Three,
        "4" or "хор" => MarkValue.Four,
        "5" or "отл" => MarkValue.Five,
        "зч" or "з" or "+" or "зач" or "зачет" or "зачтено" => MarkValue.Pass,
        "нз" or "н/з" or "-" or "незач" or "незачет" or "не зачтено" => MarkValue.Fail,
        _ => null,
    };
}
