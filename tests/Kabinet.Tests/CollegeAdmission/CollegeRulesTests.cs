using Kabinet.Web.Common.Time;
using Kabinet.Web.Features.CollegeAdmission;
using Microsoft.Extensions.Time.Testing;

namespace Kabinet.Tests.CollegeAdmission;

/// <summary>The rules of a college application that need no database: the average, the window, the statuses.</summary>
public sealed class CollegeRulesTests
{
    [Theory]
    [InlineData("2.00", 200)]
    [InlineData("5.00", 500)]
    [InlineData("4,5", 450)]
    [InlineData(" 4,57 ", 457)]
    [InlineData("3", 300)]
    public void An_average_from_2_to_5_is_taken_exactly(string typed, int hundredths)
    {
        Assert.Equal(hundredths, AverageMark.Parse(typed, out var problem));
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("1.99", "от 2,00 до 5,00")]
    [InlineData("5.01", "от 2,00 до 5,00")]
    [InlineData("4,555", "до сотых")]
    [InlineData("четыре", "число")]
    [InlineData("", "Укажите")]
    [InlineData("-4", "число")]
    public void Another_average_is_refused_in_Russian(string typed, string reason)
    {
        Assert.Null(AverageMark.Parse(typed, out var problem));
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }

    private static Speciality Plan(bool tests = false)
    {
        var speciality = new Speciality { AdmissionYear = 2026, EntranceTests = tests };
        speciality.UseDefaultWindow();
        return speciality;
    }

    /// <summary>The window is in region days: its edges are midnights in Asia/Novokuznetsk (UTC+7), not in UTC.</summary>
    [Theory]
    [InlineData("2026-06-19T16:59:59Z", false, false)] // 23:59:59 on 19 June in Kemerovo
    [InlineData("2026-06-19T17:00:00Z", false, true)] // 00:00 on 20 June in Kemerovo, still 19 June in UTC
    [InlineData("2026-08-15T16:59:59Z", false, true)] // the last second of 15 August
    [InlineData("2026-08-15T17:00:00Z", false, false)] // 16 August, no free places
    [InlineData("2026-08-15T17:00:00Z", true, true)] // 16 August, places remain: the extension
    [InlineData("2026-11-25T16:59:59Z", true, true)]
    [InlineData("2026-11-25T17:00:00Z", true, false)]
    public void The_default_window_opens_and_closes_at_midnight_in_the_region(string utc, bool placesRemain, bool open)
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(open, Plan().IsOpenOn(time.Today(), placesRemain));
    }

    [Fact]
    public void Entrance_tests_end_the_main_window_on_10_August()
    {
        Assert.True(Plan(tests: true).IsOpenOn(new DateOnly(2026, 8, 10), placesRemain: false));
        Assert.False(Plan(tests: true).IsOpenOn(new DateOnly(2026, 8, 11), placesRemain: false));
        Assert.True(Plan(tests: false).IsOpenOn(new DateOnly(2026, 8, 11), placesRemain: false));
    }

    [Fact]
    public void Statuses_go_forward_only_and_enrollment_needs_the_original()
    {
        var now = new DateTime(2026, 7, 1, 3, 0, 0, DateTimeKind.Utc);
        var application = new CollegeApplication();
        application.Register(1, now);

        Assert.False(application.TryMove(CollegeApplicationStatus.Enrolled, 2, null, now));
        Assert.False(application.TryMove(CollegeApplicationStatus.Recommended, 2, null, now));
        Assert.True(application.TryMove(CollegeApplicationStatus.Accepted, 2, null, now));
        Assert.True(application.TryMove(CollegeApplicationStatus.Recommended, 2, null, now));
        Assert.False(application.TryMove(CollegeApplicationStatus.Enrolled, 2, null, now)); // the original is not in yet
        application.OriginalSubmitted = true;
        Assert.True(application.TryMove(CollegeApplicationStatus.Enrolled, 2, "Приказ № 15-к", now));
        Assert.False(application.TryMove(CollegeApplicationStatus.Withdrawn, 1, null, now)); // enrolled: too late to withdraw
        Assert.False(application.TryMove(CollegeApplicationStatus.Refused, 2, null, now));

        Assert.Equal([null, CollegeApplicationStatus.Submitted, CollegeApplicationStatus.Accepted, CollegeApplicationStatus.Recommended],
            application.History.Select(h => h.From));
        Assert.Equal("Приказ № 15-к", application.History[^1].Comment);
    }

    [Theory]
    [InlineData(CollegeApplicationStatus.Refused)]
    [InlineData(CollegeApplicationStatus.Withdrawn)]
    public void Nothing_follows_a_refusal_or_a_withdrawal(CollegeApplicationStatus final)
    {
        var application = new CollegeApplication();
        Assert.True(application.TryMove(final, null, null, DateTime.UnixEpoch));
        Assert.All(Enum.GetValues<CollegeApplicationStatus>(), to => Assert.False(application.TryMove(to, null, null, DateTime.UnixEpoch)));
        Assert.False(application.IsActive);
    }
}
