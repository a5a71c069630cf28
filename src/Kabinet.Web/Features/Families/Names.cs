using System.Text.RegularExpressions;

namespace Kabinet.Web.Features.Families;

public static partial class Names
{
    /// <summary>A surname, first name or patronymic: letters (any alphabet), spaces, hyphens and apostrophes, starting with a letter.</summary>
    public const string Pattern = @"^[\p{L}][\p{L}\p{M} '’\-]*$";

    public static bool IsValid(string name) => ValidName().IsMatch(name);

    [GeneratedRegex(Pattern)]
    private static partial Regex ValidName();

    /// <summary>«иванова-петрова» → «Иванова-Петрова»: names are stored as people write them on documents.</summary>
    public static string Capitalize(string name)
    {
        var chars = name.Trim().ToLowerInvariant().ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (i == 0 || chars[i - 1] is ' ' or '-' or '\'' or '’')
                chars[i] = char.ToUpperInvariant(chars[i]);
        }

        return new string(chars);
    }
}
