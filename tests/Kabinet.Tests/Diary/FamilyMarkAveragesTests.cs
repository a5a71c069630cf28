using Kabinet.Web.Features.Diary;
using Kabinet.Web.Features.Diary.Family;

namespace Kabinet.Tests.Diary;

/// <summary>The weighted average and «how many fives / fours are needed», against sums done by hand.</summary>
public sealed class FamilyMarkAveragesTests
{
    [Fact]
    public void No_marks_have_no_average_and_one_five_makes_a_five()
    {
        var summary = MarkAverages.Summarise([]);

        Assert.Null(summary.Average);
        Assert.Null(summary.Suggested);
        Assert.Equal(0, summary.NumericCount);
        Assert.Equal(1, summary.FivesForFive);
        Assert.Null(MarksModel.Needed(summary));
    }

    [Fact]
    public void Only_pass_and_fail_results_count_for_no_average()
    {
        var summary = MarkAverages.Summarise([(MarkValue.Pass, 1), (MarkValue.Fail, 2), (MarkValue.Pass, 1)]);

        Assert.Null(summary.Average);
        Assert.Equal(0, summary.NumericCount);
        Assert.Null(summary.Suggested);
    }

    [Fact]
    public void A_test_of_weight_2_and_an_answer_of_weight_1_average_to_4_33()
    {
        // (5·2 + 3·1) / 3 = 13 / 3 = 4.333…
        var summary = MarkAverages.Summarise([(MarkValue.Five, 2), (MarkValue.Three, 1)]);

        Assert.Equal(4.33m, summary.Average);
        Assert.Equal(4, summary.Suggested);
        // (13 + 5n) / (3 + n) ≥ 4.5 ⇔ 0.5n ≥ 0.5 ⇔ n ≥ 1
        Assert.Equal(1, summary.FivesForFive);
        Assert.Equal(0, summary.FoursForFour);
        Assert.Equal("до пятёрки нужна 1 пятёрка", MarksModel.Needed(summary));
    }

    [Fact]
    public void Exactly_four_and_a_half_is_a_five()
    {
        var summary = MarkAverages.Summarise([(MarkValue.Five, 1), (MarkValue.Four, 1)]);

        Assert.Equal(4.5m, summary.Average);
        Assert.Equal(5, summary.Suggested);
        Assert.Equal(0, summary.FivesForFive);
        Assert.Null(MarksModel.Needed(summary));
    }

    [Fact]
    public void Two_threes_need_six_fives_for_a_five_and_two_fours_for_a_four()
    {
        // Fives: (6 + 5n) / (2 + n) ≥ 4.5 ⇔ 0.5n ≥ 3 ⇔ n ≥ 6 (five fives give 31/7 = 4.43, six give 36/8 = 4.5).
        // Fours: (6 + 4n) / (2 + n) ≥ 3.5 ⇔ 0.5n ≥ 1 ⇔ n ≥ 2.
        var summary = MarkAverages.Summarise([(MarkValue.Three, 1), (MarkValue.Three, 1)]);

        Assert.Equal(3m, summary.Average);
        Assert.Equal(3, summary.Suggested);
        Assert.Equal(6, summary.FivesForFive);
        Assert.Equal(2, summary.FoursForFour);
        Assert.Equal("до пятёрки нужно 6 пятёрок; до четвёрки нужно 2 четвёрки", MarksModel.Needed(summary));
    }

    [Fact]
    public void A_two_and_a_three_need_five_fives_and_three_fours()
    {
        // Fives: (5 + 5n) / (2 + n) ≥ 4.5 ⇔ 0.5n ≥ 4 ⇔ n ≥ 8. Fours: (5 + 4n) / (2 + n) ≥ 3.5 ⇔ 0.5n ≥ 2 ⇔ n ≥ 4.
        var summary = MarkAverages.Summarise([(MarkValue.Two, 1), (MarkValue.Three, 1)]);

        Assert.Equal(2.5m, summary.Average);
        Assert.Equal(3, summary.Suggested);
        Assert.Equal(8, summary.FivesForFive);
        Assert.Equal(4, summary.FoursForFour);
    }

    [Fact]
    public void A_four_average_needs_fives_but_no_fours()
    {
        var summary = MarkAverages.Summarise([(MarkValue.Four, 1), (MarkValue.Four, 1), (MarkValue.Four, 1)]);

        Assert.Equal(4, summary.Suggested);
        // (12 + 5n) / (3 + n) ≥ 4.5 ⇔ 0.5n ≥ 1.5 ⇔ n ≥ 3
        Assert.Equal(3, summary.FivesForFive);
        Assert.Equal("до пятёрки нужно 3 пятёрки", MarksModel.Needed(summary));
    }

    [Fact]
    public void Numeric_marks_and_pass_fail_together_average_only_the_numbers()
    {
        var summary = MarkAverages.Summarise([(MarkValue.Pass, 1), (MarkValue.Two, 1), (MarkValue.Five, 3)]);

        // (2 + 15) / 4 = 4.25
        Assert.Equal(4.25m, summary.Average);
        Assert.Equal(2, summary.NumericCount);
    }
}
