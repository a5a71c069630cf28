using Kabinet.Web.Features.Enrollment;
using Kabinet.Web.Features.Enrollment.Submit;
using Kabinet.Web.Features.Enrollment.Territories;

namespace Kabinet.Tests.Enrollment;

/// <summary>The rules of one application, one campaign and one territory, without the app.</summary>
public sealed class EnrollmentRulesTests
{
    private static readonly DateTime Now = new(2027, 4, 1, 3, 0, 0, DateTimeKind.Utc);

    public static TheoryData<SchoolApplicationStatus, SchoolApplicationStatus, bool> Transitions()
    {
        var allowed = new HashSet<(SchoolApplicationStatus, SchoolApplicationStatus)>
        {
            (SchoolApplicationStatus.Registered, SchoolApplicationStatus.UnderReview),
            (SchoolApplicationStatus.Registered, SchoolApplicationStatus.Refused),
            (SchoolApplicationStatus.Registered, SchoolApplicationStatus.Withdrawn),
            (SchoolApplicationStatus.UnderReview, SchoolApplicationStatus.Enrolled),
            (SchoolApplicationStatus.UnderReview, SchoolApplicationStatus.Refused),
            (SchoolApplicationStatus.UnderReview, SchoolApplicationStatus.Withdrawn),
        };
        var data = new TheoryData<SchoolApplicationStatus, SchoolApplicationStatus, bool>();
        foreach (var from in Enum.GetValues<SchoolApplicationStatus>())
        {
            foreach (var to in Enum.GetValues<SchoolApplicationStatus>())
                data.Add(from, to, allowed.Contains((from, to)));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Transitions))]
    public void Only_the_listed_transitions_exist_and_each_is_recorded(SchoolApplicationStatus from, SchoolApplicationStatus to, bool allowed)
    {
        var application = new SchoolApplication { Status = from };

        var moved = application.TryMove(to, 7, "комментарий", Now);

        Assert.Equal(allowed, moved);
        Assert.Equal(allowed ? to : from, application.Status);
        Assert.Equal(allowed ? 1 : 0, application.History.Count);
    }

    [Fact]
    public void Enrolling_needs_the_order_and_refusing_needs_the_reason()
    {
        var application = new SchoolApplication { Status = SchoolApplicationStatus.UnderReview };

        Assert.False(application.TryEnroll(" ", new DateOnly(2027, 4, 5), 1, Now));
        Assert.False(application.TryEnroll("15-у", null, 1, Now));
        Assert.False(application.TryRefuse("", 1, Now));
        Assert.True(application.TryEnroll("15-у", new DateOnly(2027, 4, 5), 1, Now));
        Assert.Equal(SchoolApplicationStatus.Enrolled, application.Status);
        Assert.Equal("15-у", application.OrderNumber);
        Assert.False(application.TryRefuse("поздно", 1, Now));
    }

    [Theory]
    [InlineData("2021-03-01", true)] // 6 years 6 months on 1 September 2027
    [InlineData("2021-03-02", false)] // a day younger
    [InlineData("2019-09-01", true)] // 8 years exactly
    [InlineData("2019-08-31", false)] // a day older
    public void First_grade_age_is_from_six_and_a_half_to_eight_on_the_first_of_September(string born, bool fits) =>
        Assert.Equal(fits, EnrollmentSubmissions.FirstGradeAge(DateOnly.Parse(born, System.Globalization.CultureInfo.InvariantCulture), 2027));

    [Theory]
    [InlineData("2027-03-31", true, false)]
    [InlineData("2027-04-01", true, true)]
    [InlineData("2027-04-01", false, false)]
    [InlineData("2027-06-30", true, true)]
    [InlineData("2027-07-01", true, false)]
    [InlineData("2027-07-05", false, false)]
    [InlineData("2027-07-06", false, true)]
    [InlineData("2027-09-05", false, true)]
    [InlineData("2027-09-06", true, false)]
    public void First_grade_windows_follow_the_right_and_the_territory(string day, bool priority, bool open)
    {
        var campaign = EnrollmentCampaign.WithDefaults(1, 2027);

        var problem = campaign.WindowProblem(SchoolApplicationKind.FirstGrade, priority, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(open, problem is null);
        if (!open)
            Assert.Contains("06.07.2027", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Transfers_are_taken_all_year_and_the_tenth_grade_in_its_window()
    {
        var campaign = EnrollmentCampaign.WithDefaults(1, 2027);

        Assert.Null(campaign.WindowProblem(SchoolApplicationKind.Transfer, false, new DateOnly(2027, 1, 15)));
        Assert.Contains("20.06.2027", campaign.WindowProblem(SchoolApplicationKind.TenthGrade, false, new DateOnly(2027, 6, 19)), StringComparison.Ordinal);
        Assert.Null(campaign.WindowProblem(SchoolApplicationKind.TenthGrade, false, new DateOnly(2027, 6, 20)));
    }

    [Theory]
    [InlineData("ул. Ленина", "1", true)]
    [InlineData("улица Ленина", "45", true)]
    [InlineData("Ленина", "47", false)] // odd side ends at 45
    [InlineData("ул.  ЛЕНИНА", "60", true)]
    [InlineData("ул. Ленина", "62", false)]
    [InlineData("ул. Ленина", "71а", true)]
    [InlineData("ул. Ленина", "71б", false)]
    [InlineData("ул. Ленина", "12/1", true)] // 12 is on the even side 2–60
    [InlineData("проспект Советский", "999", true)]
    [InlineData("ул. Советская", "1", false)]
    [InlineData("ул. Берёзовая", "5", true)]
    [InlineData("ул. Березовая", "6", true)]
    [InlineData("пер. Ленина", "1", false)] // another kind of street with the same name
    [InlineData("ул. Ленина", "абв", false)]
    public void A_territory_covers_streets_and_houses_by_parity(string street, string house, bool covered)
    {
        var (territory, problems) = TerritoryRules.Parse("ул. Ленина: 1–45, 2–60, 71а\nпр. Советский: все\nул. Берёзовая: 1-10");

        Assert.Empty(problems);
        Assert.Equal(covered, TerritoryRules.Covers(territory, street, house));
    }

    [Fact]
    public void Unreadable_territory_lines_are_named_by_number()
    {
        var (_, problems) = TerritoryRules.Parse("ул. Ленина: 1–45\nпросто текст\nул. Мира: 10–2");

        Assert.Equal(2, problems.Count);
        Assert.StartsWith("Строка 2", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("Строка 3", problems[1], StringComparison.Ordinal);
    }
}
