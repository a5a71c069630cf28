namespace Kabinet.Web.Features.Institutions;

public static class OrganisationKindNames
{
    public static string Title(this OrganisationKind kind) => kind switch
    {
        OrganisationKind.Kindergarten => "Детский сад",
        OrganisationKind.School => "Школа",
        OrganisationKind.College => "Колледж, техникум (СПО)",
        OrganisationKind.AdditionalEducation => "Дополнительное образование",
        _ => kind.ToString(),
    };

    public static string PluralTitle(this OrganisationKind kind) => kind switch
    {
        OrganisationKind.Kindergarten => "Детские сады",
        OrganisationKind.School => "Школы",
        OrganisationKind.College => "Колледжи и техникумы",
        OrganisationKind.AdditionalEducation => "Организации дополнительного образования",
        _ => kind.ToString(),
    };

    public static string Title(this GroupFocus focus) => focus switch
    {
        GroupFocus.General => "общеразвивающая",
        GroupFocus.Compensating => "компенсирующая",
        GroupFocus.Health => "оздоровительная",
        GroupFocus.Combined => "комбинированная",
        _ => focus.ToString(),
    };

    public static string Title(this DailyMode mode) => mode switch
    {
        DailyMode.ShortStay => "кратковременного пребывания",
        DailyMode.Reduced => "сокращённого дня",
        DailyMode.Full => "полного дня",
        DailyMode.Extended => "продлённого дня",
        DailyMode.RoundTheClock => "круглосуточного пребывания",
        _ => mode.ToString(),
    };


    /// <summary>Parses a kind from a query string: exactly one API name («School») in any letter case; no numbers, no lists.</summary>
    public static bool TryParse(string? text, out OrganisationKind kind)
    {
        foreach (var candidate in Enum.GetValues<OrganisationKind>())
        {
            if (string.Equals(candidate.ToString(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
