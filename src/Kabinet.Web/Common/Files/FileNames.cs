using System.Globalization;
using System.Text;

namespace Kabinet.Web.Common.Files;

/// <summary>How an uploaded file's name and size are shown to people.</summary>
public static class FileNames
{
    public const int MaxLength = 120;

    /// <summary>
    /// The name as shown and offered for download: the last part of whatever path the browser sent, without
    /// control and direction-changing characters, shortened keeping the extension. Never used in a path.
    /// An empty name becomes «документ» with <paramref name="fallbackExtension"/> (".pdf").
    /// </summary>
    public static string Display(string? original, string fallbackExtension)
    {
        var name = (original ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var clean = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormC))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned)
                continue;
            clean.Append(char.IsWhiteSpace(c) ? ' ' : c);
        }

        var text = string.Join(' ', clean.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim('.', ' ');
        var extension = Path.GetExtension(text);
        var stem = Path.GetFileNameWithoutExtension(text);
        if (stem.Length == 0)
            return "документ" + fallbackExtension;
        if (text.Length > MaxLength)
            text = stem[..Math.Max(1, MaxLength - extension.Length)].TrimEnd() + extension;
        return text;
    }

    public static string DisplaySize(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} Б",
        < 1024 * 1024 => $"{Math.Ceiling(bytes / 1024.0):0} КБ",
        _ => (bytes / (1024.0 * 1024.0)).ToString("0.#", CultureInfo.GetCultureInfo("ru-RU")) + " МБ",
    };
}
