using System.Globalization;

namespace Kabinet.Web.Features.Kindergarten.Allocation;

/// <summary>
/// The yearly period of the main allocation (основное комплектование) of a municipality, from one day of the year
/// to another inclusive; it may run over the new year (01.12–28.02). Outside it places that free up are given by
/// доукомплектование with the same engine. Days are kept as month × 100 + day (1 April = 401); 29 February is not
/// allowed, so that the period exists every year.
/// </summary>
public readonly record struct AllocationPeriod(int From, int To)
{
    /// <summary>1 April – 31 May: a common municipal choice; every municipality sets its own (domain-rules §1.7).</summary>
    public static readonly AllocationPeriod Default = new(401, 531);

    private static readonly string[] MonthsGenitive =
        ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"];

    /// <summary>A day of the year written «дд.мм» → month × 100 + day; false for anything else (and for 29.02).</summary>
    public static bool TryParseDay(string? text, out int day)
    {
        day = 0;
        if (string.IsNullOrWhiteSpace(text)
            || !DateOnly.TryParseExact(text.Trim() + ".2027", ["dd.MM.yyyy", "d.MM.yyyy", "dd.M.yyyy", "d.M.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return false;
        day = date.Month * 100 + date.Day;
        return true;
    }

    public static bool IsValidDay(int day) => day / 100 is >= 1 and <= 12 && day % 100 >= 1 && day % 100 <= DateTime.DaysInMonth(2027, day / 100);

    /// <summary>«01.04».</summary>
    public static string Numeric(int day) => $"{day % 100:00}.{day / 100:00}";

    /// <summary>«1 апреля».</summary>
    public static string InWords(int day) => $"{day % 100} {MonthsGenitive[day / 100 - 1]}";

    /// <summary>«с 1 апреля по 31 мая».</summary>
    public string Title => $"с {InWords(From)} по {InWords(To)}";

    private bool Wraps => To < From;

    public bool Contains(DateOnly date)
    {
        var day = date.Month * 100 + date.Day;
        return Wraps ? day >= From || day <= To : day >= From && day <= To;
    }

    /// <summary>The period running on the date, or the next one to start: its first and last dates.</summary>
    public (DateOnly Start, DateOnly End) CurrentOrNext(DateOnly date)
    {
        // Try the period that started last year (it may still run when it wraps), then this year's, then next year's.
        for (var year = date.Year - 1; year <= date.Year + 1; year++)
        {
            var start = On(year, From);
            var end = On(Wraps ? year + 1 : year, To);
            if (end >= date)
                return (start, end);
        }

        throw new InvalidOperationException("A yearly period always recurs within two years.");
    }

    private static DateOnly On(int year, int day) => new(year, day / 100, day % 100);
}

/// <summary>Whether a confirmed allocation run was the main one of the year or a top-up.</summary>
public enum AllocationKind
{
    /// <summary>Основное комплектование: confirmed within the municipality's period.</summary>
    Main,

    /// <summary>Доукомплектование: places that freed up, given outside the period.</summary>
    TopUp,
}

public static class AllocationKinds
{
    public static string Title(this AllocationKind kind) => kind == AllocationKind.Main ? "основное комплектование" : "доукомплектование";
}
