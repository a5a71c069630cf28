using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Kabinet.Web.Features.Enrollment.Territories;

/// <summary>A street as compared: its kind («ул», «пр», …; null — not said) and its name folded (case, ё, dots).</summary>
public sealed record StreetKey(string? Kind, string Name)
{
    public bool Matches(StreetKey other) => Name == other.Name && (Kind is null || other.Kind is null || Kind == other.Kind);
}

/// <summary>A house as written: its number and the rest («12а» → 12, «а»; «12/1» → 12, «/1»).</summary>
public sealed record HouseNumber(int Number, string Suffix)
{
    public override string ToString() => Number.ToString(CultureInfo.InvariantCulture) + Suffix;
}

/// <summary>One street of a territory: every house, or ranges (by parity when both ends share it) and single houses.</summary>
public sealed record TerritoryStreet(StreetKey Street, bool AllHouses, IReadOnlyList<(int From, int To)> Ranges, IReadOnlyList<HouseNumber> Houses)
{
    public bool Covers(HouseNumber house)
    {
        if (AllHouses)
            return true;
        foreach (var (from, to) in Ranges)
        {
            if (house.Number < from || house.Number > to)
                continue;
            // «1–45» is the odd side of the street, «2–60» the even one; «1–60» is both.
            if (from % 2 != to % 2 || house.Number % 2 == from % 2)
                return true;
        }

        // «12» takes in 12а and 12/1 (the same plot); «71а» only itself.
        return Houses.Any(h => h.Number == house.Number && (h.Suffix.Length == 0 || h.Suffix == house.Suffix));
    }
}

/// <summary>Reads territory lines and matches addresses to them.</summary>
public static partial class TerritoryRules
{
    private static readonly Dictionary<string, string> Kinds = new(StringComparer.Ordinal)
    {
        ["ул"] = "ул", ["улица"] = "ул",
        ["пр"] = "пр", ["пр-т"] = "пр", ["просп"] = "пр", ["проспект"] = "пр",
        ["пер"] = "пер", ["переулок"] = "пер",
        ["б-р"] = "б-р", ["бульвар"] = "б-р",
        ["пл"] = "пл", ["площадь"] = "пл",
        ["ш"] = "ш", ["шоссе"] = "ш",
        ["проезд"] = "проезд", ["мкр"] = "мкр", ["микрорайон"] = "мкр",
    };

    public static StreetKey? ParseStreet(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var folded = text.Trim().ToLowerInvariant().Replace('ё', 'е').Replace('.', ' ').Replace(',', ' ');
        var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        string? kind = null;
        foreach (var word in words.ToList())
        {
            if (Kinds.TryGetValue(word, out var k) && words.Count > 1)
            {
                kind = k;
                words.Remove(word);
                break;
            }
        }

        return words.Count == 0 ? null : new StreetKey(kind, string.Join(' ', words));
    }

    public static HouseNumber? ParseHouse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var match = HousePattern().Match(text.Trim().ToLowerInvariant().Replace('ё', 'е'));
        if (!match.Success || !int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number == 0)
            return null;
        var suffix = new StringBuilder();
        foreach (var c in match.Groups[2].Value)
        {
            if (!char.IsWhiteSpace(c) && c != '"' && c != '«' && c != '»')
                suffix.Append(c);
        }

        return new HouseNumber(number, suffix.ToString());
    }

    /// <summary>Reads the lines; a line that cannot be read is reported by its number, in Russian.</summary>
    public static (IReadOnlyList<TerritoryStreet> Streets, IReadOnlyList<string> Problems) Parse(string? lines)
    {
        var streets = new List<TerritoryStreet>();
        var problems = new List<string>();
        var number = 0;
        foreach (var raw in (lines ?? "").Split('\n'))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0)
                continue;
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var street = colon > 0 ? ParseStreet(line[..colon]) : null;
            if (street is null)
            {
                problems.Add($"Строка {number}: укажите улицу и через двоеточие дома, например «ул. Ленина: 1–45, 2–60, 71а» или «пр. Советский: все».");
                continue;
            }

            var spec = line[(colon + 1)..].Trim();
            if (spec.Equals("все", StringComparison.OrdinalIgnoreCase) || spec.Equals("все дома", StringComparison.OrdinalIgnoreCase))
            {
                streets.Add(new TerritoryStreet(street, true, [], []));
                continue;
            }

            var ranges = new List<(int, int)>();
            var houses = new List<HouseNumber>();
            var ok = spec.Length > 0;
            foreach (var item in spec.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var range = RangePattern().Match(item);
                if (range.Success)
                {
                    var from = int.Parse(range.Groups[1].Value, CultureInfo.InvariantCulture);
                    var to = int.Parse(range.Groups[2].Value, CultureInfo.InvariantCulture);
                    if (from > 0 && from <= to)
                    {
                        ranges.Add((from, to));
                        continue;
                    }
                }
                else if (ParseHouse(item) is { } house)
                {
                    houses.Add(house);
                    continue;
                }

                ok = false;
            }

            if (ok)
                streets.Add(new TerritoryStreet(street, false, ranges, houses));
            else
                problems.Add($"Строка {number}: дома не разобраны. Пишите диапазоны как «1–45» (нечётная сторона), «2–60» (чётная), «1–60» (обе) и отдельные дома как «71а», «12/1».");
        }

        return (streets, problems);
    }

    /// <summary>Whether the address (street and house as a parent typed them) lies on the territory.</summary>
    public static bool Covers(IReadOnlyList<TerritoryStreet> territory, string? street, string? house)
    {
        var s = ParseStreet(street);
        var h = ParseHouse(house);
        return s is not null && h is not null && territory.Any(t => t.Street.Matches(s) && t.Covers(h));
    }

    [GeneratedRegex(@"^(\d{1,5})\s*([\p{L}/\-\d\s""«»]{0,12})$")]
    private static partial Regex HousePattern();

    [GeneratedRegex(@"^(\d{1,5})\s*[-–—]\s*(\d{1,5})$")]
    private static partial Regex RangePattern();
}
