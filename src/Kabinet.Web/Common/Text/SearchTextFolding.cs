using System.Text;

namespace Kabinet.Web.Common.Text;

/// <summary>
/// Folds text for substring search that behaves the same on SQLite and PostgreSQL: lower case (SQLite's
/// lower() only knows ASCII), ё as е, and quotes, «№» and punctuation as spaces, so «гимназия 1»
/// finds «Гимназия №1».
/// </summary>
public static partial class SearchTextFolding
{
    public static string Fold(string text)
    {
        // Text pasted from some editors spells «й» as «и» + a combining breve: compose it first.
        text = text.Normalize(NormalizationForm.FormC);
        var sb = new StringBuilder(text.Length);
        var lastWasSpace = true;
        foreach (var raw in text)
        {
            var c = char.ToLowerInvariant(raw);
            if (c == 'ё')
                c = 'е';
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(c);
                lastWasSpace = false;
            }
            else if (!lastWasSpace)
            {
                sb.Append(' ');
                lastWasSpace = true;
            }
        }

        return sb.ToString().TrimEnd();
    }

    /// <summary>
    /// A key for the order of municipal lists: organisations with a number («№ 2») by that number first,
    /// then the others by name; any other numbers compare naturally («№ 2» before «№ 10»).
    /// </summary>
    public static string SortKey(string text)
    {
        var padded = Numbers().Replace(Fold(text), m => m.Value.PadLeft(6, '0'));
        var number = NumberSign().Match(text);
        return number.Success ? "0 " + number.Groups[1].Value.PadLeft(6, '0') + " " + padded : "1 " + padded;
    }

    [System.Text.RegularExpressions.GeneratedRegex("[0-9]+")]
    private static partial System.Text.RegularExpressions.Regex Numbers();

    [System.Text.RegularExpressions.GeneratedRegex(@"№\s*([0-9]+)")]
    private static partial System.Text.RegularExpressions.Regex NumberSign();

    /// <summary>The words of a query, folded; a record matches when it contains every one.</summary>
    public static string[] Terms(string? query, int maxTerms = 6) => string.IsNullOrWhiteSpace(query)
        ? []
        : Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().Take(maxTerms).ToArray();
}
