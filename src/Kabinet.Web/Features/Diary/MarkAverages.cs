namespace Kabinet.Web.Features.Diary;

/// <summary>
/// A student's marks in a subject for a period, summed up: the weighted average Σ(mark × weight) / Σ(weight) over
/// numeric marks (зачёт/незачёт do not count), the mark it rounds to, and how many fives (or fours) of weight 1 the
/// student needs to reach the next mark — as Ruobr's need_five / need_four.
/// </summary>
public sealed record MarkSummary(decimal? Average, int NumericCount, int? Suggested, int? FivesForFive, int? FoursForFour);

public static class MarkAverages
{
    /// <summary>The lowest averages that round to 5, 4 and 3 (the common «4,5 — уже пять» rule).</summary>
    public const decimal FiveFrom = 4.5m;
    public const decimal FourFrom = 3.5m;
    public const decimal ThreeFrom = 2.5m;

    public static MarkSummary Summarise(IEnumerable<(MarkValue Value, int Weight)> marks)
    {
        decimal sum = 0;
        var weights = 0;
        var count = 0;
        foreach (var (value, weight) in marks)
        {
            if (value.Points() is not { } points || weight <= 0)
                continue;
            sum += points * weight;
            weights += weight;
            count++;
        }

        decimal? average = weights == 0 ? null : Math.Round(sum / weights, 2, MidpointRounding.AwayFromZero);
        return new MarkSummary(average, count, Suggest(average),
            Needed(sum, weights, mark: 5, FiveFrom), Needed(sum, weights, mark: 4, FourFrom));
    }

    /// <summary>The mark an average rounds to: 4,50 → 5, 3,49 → 3; null without numeric marks.</summary>
    public static int? Suggest(decimal? average) => average switch
    {
        null => null,
        >= FiveFrom => 5,
        >= FourFrom => 4,
        >= ThreeFrom => 3,
        _ => 2,
    };

    /// <summary>
    /// The least number of marks <paramref name="mark"/> (weight 1) after which the average reaches
    /// <paramref name="target"/>: 0 when it already has, null when the target is already passed by a mark of this
    /// kind's reach (a four can never lift an average to 4,5) or nothing is needed. Without marks one is enough.
    /// </summary>
    private static int? Needed(decimal sum, int weights, int mark, decimal target)
    {
        if (weights > 0 && sum / weights >= target)
            return 0;
        if (mark <= target)
            return null;
        if (weights == 0)
            return 1;
        // (sum + mark·n) / (weights + n) ≥ target  ⇔  n ≥ (target·weights − sum) / (mark − target)
        return (int)Math.Ceiling((target * weights - sum) / (mark - target));
    }
}
