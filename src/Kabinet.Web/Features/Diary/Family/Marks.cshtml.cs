using Kabinet.Web.Common.Text;

namespace Kabinet.Web.Features.Diary.Family;

/// <summary>A student's marks for a study period by subject: the weighted average, what is needed for a five or a four, the period and year marks.</summary>
public sealed class MarksModel(FamilyDiary diary, TimeProvider time) : FamilyPeriodPage(diary, time)
{
    /// <summary>«до пятёрки нужна 1 пятёрка», «до четвёрки нужно 2 четвёрки»; null when nothing is to be said.</summary>
    public static string? Needed(MarkSummary summary)
    {
        if (summary.Suggested is null or 5)
            return null;
        var parts = new List<string>();
        if (summary.FivesForFive is > 0 and var fives)
            parts.Add($"до пятёрки {RussianPlural.Choose(fives, "нужна", "нужно", "нужно")} {fives} {RussianPlural.Choose(fives, "пятёрка", "пятёрки", "пятёрок")}");
        if (summary.Suggested < 4 && summary.FoursForFour is > 0 and var fours)
            parts.Add($"до четвёрки {RussianPlural.Choose(fours, "нужна", "нужно", "нужно")} {fours} {RussianPlural.Choose(fours, "четвёрка", "четвёрки", "четвёрок")}");
        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    public static string Average(decimal? average) =>
        average is { } a ? a.ToString("0.00", System.Globalization.CultureInfo.GetCultureInfo("ru-RU")) : "—";
}
