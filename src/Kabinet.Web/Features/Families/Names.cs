namespace Kabinet.Web.Features.Families;

public static class Names
{
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
