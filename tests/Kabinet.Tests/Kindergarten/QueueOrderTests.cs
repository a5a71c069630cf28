using Kabinet.Web.Features.Kindergarten.Queue;

namespace Kabinet.Tests.Kindergarten;

/// <summary>Queue order (domain-rules §1.5) for every benefit combination, and the age group on 1 September.</summary>
public sealed class QueueOrderTests
{
    [Theory]
    [InlineData(BenefitKind.OutOfTurn, true, true, 1)]
    [InlineData(BenefitKind.OutOfTurn, true, false, 2)]
    [InlineData(BenefitKind.FirstPriority, true, true, 3)]
    [InlineData(BenefitKind.FirstPriority, true, false, 4)]
    [InlineData(BenefitKind.Preferential, true, false, 5)]
    [InlineData(BenefitKind.Preferential, true, true, 5)]
    [InlineData(BenefitKind.None, false, true, 5)]
    [InlineData(BenefitKind.None, false, false, 6)]
    // An unconfirmed benefit counts as none; a sibling still gives the preferential right.
    [InlineData(BenefitKind.OutOfTurn, false, true, 5)]
    [InlineData(BenefitKind.OutOfTurn, false, false, 6)]
    [InlineData(BenefitKind.FirstPriority, false, true, 5)]
    [InlineData(BenefitKind.FirstPriority, false, false, 6)]
    [InlineData(BenefitKind.Preferential, false, false, 6)]
    public void Each_benefit_combination_has_its_place_in_the_order(BenefitKind benefit, bool confirmed, bool sibling, int rank) =>
        Assert.Equal(rank, QueueOrder.Rank(benefit, confirmed, sibling));

    [Fact]
    public void Within_a_benefit_group_the_earlier_registration_goes_first_and_groups_go_before_dates()
    {
        var early = new DateTime(2024, 3, 1, 9, 0, 0, DateTimeKind.Utc);
        var entries = new List<QueueEntry>
        {
            new(1, 6, early),
            new(2, 4, early.AddYears(1)),
            new(3, 6, early.AddMinutes(-1)),
            new(4, 2, early.AddYears(2)),
            new(5, 4, early.AddYears(1)), // same group and moment as 2: the lower number first
        };

        entries.Sort(QueueOrder.Compare);

        Assert.Equal([4, 2, 5, 3, 1], entries.Select(e => e.ApplicationId));
    }

    [Theory]
    [InlineData("2027-03-10", 2026)]
    [InlineData("2027-08-31", 2026)]
    [InlineData("2027-09-01", 2027)]
    [InlineData("2026-12-31", 2026)]
    public void The_admission_year_is_the_school_year_of_the_desired_date(string desired, int year) =>
        Assert.Equal(year, QueueApplication.SchoolYearOf(DateOnly.Parse(desired, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("2024-09-01", "2027-09-01", 3)] // turns 3 on the day itself
    [InlineData("2024-09-02", "2027-09-01", 2)] // a day short of three
    [InlineData("2024-08-31", "2027-09-01", 3)]
    [InlineData("2024-02-29", "2027-02-27", 2)]
    [InlineData("2024-02-29", "2027-02-28", 3)] // no 29 February: the year ends on the month's last day (ст. 192 ГК РФ)
    public void The_age_is_counted_in_full_years(string born, string on, int age) =>
        Assert.Equal(age, QueueApplication.AgeOn(DateOnly.Parse(born, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void The_age_group_follows_the_desired_date_s_first_of_September()
    {
        var application = new QueueApplication { ChildBirthDate = new DateOnly(2024, 9, 2) };

        application.Want(new DateOnly(2027, 8, 20));
        Assert.Equal((2026, 1), (application.AdmissionYear, application.AgeGroup));

        application.Want(new DateOnly(2027, 9, 1));
        Assert.Equal((2027, 2), (application.AdmissionYear, application.AgeGroup));
    }

    [Theory]
    [InlineData(ApplicationStatus.New, ApplicationStatus.Enrolled, false)]
    [InlineData(ApplicationStatus.New, ApplicationStatus.UnderReview, true)]
    [InlineData(ApplicationStatus.Waiting, ApplicationStatus.Referred, true)]
    [InlineData(ApplicationStatus.Referred, ApplicationStatus.WantsChange, true)]
    [InlineData(ApplicationStatus.Refused, ApplicationStatus.Waiting, false)]
    [InlineData(ApplicationStatus.Archived, ApplicationStatus.Waiting, false)]
    [InlineData(ApplicationStatus.Enrolled, ApplicationStatus.Waiting, false)]
    public void Only_valid_transitions_exist(ApplicationStatus from, ApplicationStatus to, bool valid)
    {
        var application = new QueueApplication { Status = from };

        Assert.Equal(valid, application.TryMove(to, byAccountId: 1, comment: null, new DateTime(2026, 11, 29, 3, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(valid ? to : from, application.Status);
        Assert.Equal(valid ? 1 : 0, application.History.Count);
    }
}
