namespace Kabinet.Web.Features.Institutions;

/// <summary>A kindergarten group (группа ДОУ): an age band, a focus, a daily mode and a number of places.</summary>
public sealed class KindergartenGroup
{
    public int Id { get; set; }

    public int OrganisationId { get; set; }

    public required string Name { get; set; }

    /// <summary>The youngest age the group takes, in months (e.g. 24 for «от 2 лет»).</summary>
    public int AgeFromMonths { get; set; }

    /// <summary>The age the group is for up to, in months, exclusive (e.g. 36 for «до 3 лет»).</summary>
    public int AgeToMonths { get; set; }

    public GroupFocus Focus { get; set; }

    public DailyMode Mode { get; set; }

    /// <summary>Number of places (наполняемость).</summary>
    public int Capacity { get; set; }

    /// <summary>«от 1,5 до 2 лет», «от 3 до 4 лет».</summary>
    public string AgeBandTitle => AgeBand(AgeFromMonths, AgeToMonths);

    /// <summary>An age band in months as people say it: (18, 24) → «от 1,5 до 2 лет».</summary>
    public static string AgeBand(int fromMonths, int toMonths) => $"от {Years(fromMonths)} до {Years(toMonths)} лет";

    private static string Years(int months) => months % 12 == 0
        ? (months / 12).ToString(System.Globalization.CultureInfo.InvariantCulture)
        : (months / 12.0).ToString("0.#", System.Globalization.CultureInfo.GetCultureInfo("ru-RU"));
}

/// <summary>Направленность группы (Приказ Минпросвещения №373).</summary>
public enum GroupFocus
{
    /// <summary>Общеразвивающая.</summary>
    General,

    /// <summary>Компенсирующая — for children with ОВЗ.</summary>
    Compensating,

    /// <summary>Оздоровительная.</summary>
    Health,

    /// <summary>Комбинированная.</summary>
    Combined,
}

/// <summary>Режим пребывания.</summary>
public enum DailyMode
{
    /// <summary>Кратковременного пребывания (до 5 ч).</summary>
    ShortStay,

    /// <summary>Сокращённого дня (8–10 ч).</summary>
    Reduced,

    /// <summary>Полного дня (10,5–12 ч).</summary>
    Full,

    /// <summary>Продлённого дня (13–14 ч).</summary>
    Extended,

    /// <summary>Круглосуточного пребывания.</summary>
    RoundTheClock,
}
