using System.Text.RegularExpressions;

namespace Kabinet.Web.Features.Families;

/// <summary>Identity documents people record for themselves and their children.</summary>
public enum DocumentKind
{
    /// <summary>Свидетельство о рождении (РФ).</summary>
    BirthCertificate,

    /// <summary>Паспорт гражданина РФ.</summary>
    Passport,

    /// <summary>Документ иностранного государства или иной документ.</summary>
    Other,
}

/// <summary>Checks of document numbers as the forms enforce them; the messages are Russian and shown next to the field.</summary>
public static partial class Documents
{
    public static string Title(this DocumentKind kind) => kind switch
    {
        DocumentKind.BirthCertificate => "Свидетельство о рождении (РФ)",
        DocumentKind.Passport => "Паспорт гражданина РФ",
        _ => "Иной документ",
    };

    /// <summary>
    /// СНИЛС: 11 digits; the last two are a check number over the first nine (digit × weight 9…1, sum
    /// below 100 is the check, 100 and 101 give 00, above that the remainder of division by 101). Numbers up
    /// to 001-001-998 carry no check. Returns the digits, or null with the reason.
    /// </summary>
    public static string? NormalizeSnils(string input, out string? error)
    {
        var digits = new string([.. input.Where(char.IsAsciiDigit)]);
        if (digits.Length != 11 || input.Any(c => !(char.IsAsciiDigit(c) || c is ' ' or '-')))
        {
            error = "СНИЛС — 11 цифр, например 112-233-445 95.";
            return null;
        }

        var number = long.Parse(digits[..9], System.Globalization.CultureInfo.InvariantCulture);
        if (number > 1001998 && SnilsCheck(digits[..9]) != int.Parse(digits[9..], System.Globalization.CultureInfo.InvariantCulture))
        {
            error = "В номере СНИЛС ошибка: не сходится контрольное число. Проверьте цифры.";
            return null;
        }

        error = null;
        return digits;
    }

    public static int SnilsCheck(string nineDigits)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++)
            sum += (nineDigits[i] - '0') * (9 - i);
        if (sum < 100)
            return sum;
        if (sum is 100 or 101)
            return 0;
        var remainder = sum % 101;
        return remainder == 100 ? 0 : remainder;
    }

    /// <summary>«112-233-445 95».</summary>
    public static string DisplaySnils(string digits) => digits.Length == 11 ? $"{digits[..3]}-{digits[3..6]}-{digits[6..9]} {digits[9..]}" : digits;

    /// <summary>
    /// Checks a document's series and number; returns them normalised, or an error. Birth certificate (РФ):
    /// series «римские цифры-две русские буквы» (IV-ИК), number 6 digits. Passport (РФ): series 4 digits,
    /// number 6 digits. Other documents: any letters and digits.
    /// </summary>
    public static (string Series, string Number)? Normalize(DocumentKind kind, string? series, string? number, out string? seriesError, out string? numberError)
    {
        seriesError = numberError = null;
        var s = (series ?? "").Trim().ToUpperInvariant().Replace(" ", "", StringComparison.Ordinal).Replace('–', '-').Replace('—', '-');
        var n = (number ?? "").Trim().Replace(" ", "", StringComparison.Ordinal);
        switch (kind)
        {
            case DocumentKind.BirthCertificate:
                s = LatinLookalikes(s);
                if (!BirthCertificateSeries().IsMatch(s))
                    seriesError = "Серия свидетельства — римские цифры, дефис и две русские буквы, например IV-ИК.";
                if (!SixDigits().IsMatch(n))
                    numberError = "Номер свидетельства — 6 цифр.";
                break;
            case DocumentKind.Passport:
                if (!FourDigits().IsMatch(s))
                    seriesError = "Серия паспорта — 4 цифры.";
                if (!SixDigits().IsMatch(n))
                    numberError = "Номер паспорта — 6 цифр.";
                break;
            default:
                if (s.Length > 20 || !OtherPart().IsMatch(s.Length == 0 ? "-" : s))
                    seriesError = "Серия — буквы и цифры, не длиннее 20 символов.";
                if (n.Length is 0 or > 30 || !OtherPart().IsMatch(n))
                    numberError = "Номер — буквы и цифры, не длиннее 30 символов.";
                break;
        }

        return seriesError is null && numberError is null ? (s, n) : null;
    }

    // People type the Roman numerals of a birth certificate's series with Cyrillic letters that look alike (Х, С, І…).
    private static string LatinLookalikes(string series)
    {
        var dash = series.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
            return series;
        var roman = series[..dash].Replace('Х', 'X').Replace('С', 'C').Replace('І', 'I').Replace('У', 'V').Replace('Ѵ', 'V');
        return roman + series[dash..];
    }

    [GeneratedRegex("^[IVXLC]{1,6}-[А-ЯЁ]{2}$")]
    private static partial Regex BirthCertificateSeries();

    [GeneratedRegex("^[0-9]{6}$")]
    private static partial Regex SixDigits();

    [GeneratedRegex("^[0-9]{4}$")]
    private static partial Regex FourDigits();

    [GeneratedRegex(@"^[\p{L}0-9\-]+$")]
    private static partial Regex OtherPart();
}
