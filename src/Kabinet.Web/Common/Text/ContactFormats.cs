using System.Net.Mail;

namespace Kabinet.Web.Common.Text;

/// <summary>Normal forms of the contacts people type, so that «8 (913) 123-45-67» and «+79131234567» are the same phone.</summary>
public static class ContactFormats
{
    /// <summary>A Russian mobile number as +79XXXXXXXXX, or null when it is not one.</summary>
    public static string? RussianMobile(string? input)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > 40)
            return null;
        if (input.Any(c => !(char.IsAsciiDigit(c) || c is ' ' or '-' or '(' or ')' or '+' or '.')))
            return null;
        var digits = new string([.. input.Where(char.IsAsciiDigit)]);
        if (digits.Length == 11 && digits[0] is '8' or '7')
            digits = digits[1..];
        return digits.Length == 10 && digits[0] == '9' ? "+7" + digits : null;
    }

    /// <summary>«+7 (913) 123-45-67» for people to read.</summary>
    public static string DisplayPhone(string normalized) => normalized.Length == 12
        ? $"+7 ({normalized[2..5]}) {normalized[5..8]}-{normalized[8..10]}-{normalized[10..]}"
        : normalized;

    /// <summary>An e-mail address trimmed and lower-cased, or null when it is not a plain address.</summary>
    public static string? Email(string? input)
    {
        var text = input?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > 254 || text.Any(char.IsWhiteSpace) || text.Count(c => c == '@') != 1)
            return null;
        if (!MailAddress.TryCreate(text, out var address) || address.Address != text || !address.Host.Contains('.', StringComparison.Ordinal))
            return null;
        return text.ToLowerInvariant();
    }
}
