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

    public static string Title(this MunicipalityKind kind) => kind switch
    {
        MunicipalityKind.UrbanDistrict => "городской округ",
        MunicipalityKind.MunicipalDistrict => "муниципальный округ",
        MunicipalityKind.MunicipalRaion => "муниципальный район",
        _ => kind.ToString(),
    };

    /// <summary>Parses a kind from a query string: the API name («School») in any letter case.</summary>
    public static bool TryParse(string? text, out OrganisationKind kind) =>
        Enum.TryParse(text, ignoreCase: true, out kind) && Enum.IsDefined(kind);
}
