using System.Text;

namespace Kabinet.Web.Common.Text;

/// <summary>
/// Folds text for substring search that behaves the same on SQLite and PostgreSQL: lower case (SQLite's
/// lower() only knows ASCII), ё as е, and quotes, «№» and punctuation as spaces, so «гимназия 1»
/// finds «Гимназия №1».
/// </summary>
public static class SearchTextFolding
{
    public static string Fold(string text)
    {
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

    /// <summary>A key for natural ordering: folded text with every number padded to six digits.</summary>
    public static string SortKey(string text) =>
        System.Text.RegularExpressions.Regex.Replace(Fold(text), "[0-9]+", m => m.Value.PadLeft(6, '0'));

    /// <summary>The words of a query, folded; a record matches when it contains every one.</summary>
    public static string[] Terms(string? query, int maxTerms = 6) => string.IsNullOrWhiteSpace(query)
        ? []
        : Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().Take(maxTerms).ToArray();
}
