using System.Globalization;

namespace Kabinet.Web.Features.AdditionalEducation;

/// <summary>
/// Money is kept in whole kopecks (long): EF Core stores decimal as TEXT on SQLite and cannot compare it in SQL,
/// and the balance check must be done by the database in one conditional update.
/// </summary>
public static class Money
{
    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");

    /// <summary>«12 500 ₽» or «12 500,50 ₽».</summary>
    public static string Display(long kopecks) =>
        (kopecks % 100 == 0 ? (kopecks / 100).ToString("N0", Russian) : (kopecks / 100m).ToString("N2", Russian)) + " ₽";

    /// <summary>Rubles as people type them («12500», «12 500,50», «12500.5») in kopecks; null when it is not an amount.</summary>
    public static long? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var cleaned = text.Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal).Replace("₽", "", StringComparison.Ordinal).Replace(',', '.');
        if (!decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var rubles)
            || decimal.Round(rubles, 2) != rubles || Math.Abs(rubles) > 100_000_000m)
            return null;
        return (long)(rubles * 100);
    }

    /// <summary>The amount as a form shows it back: «12500» or «12500,50».</summary>
    public static string Input(long kopecks) => kopecks % 100 == 0
        ? (kopecks / 100).ToString(CultureInfo.InvariantCulture)
        : (kopecks / 100m).ToString("0.00", Russian);
}
