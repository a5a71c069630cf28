using Kabinet.Web.Common.Time;
using Microsoft.Extensions.Time.Testing;

namespace Kabinet.BrowserTests.Infrastructure;

/// <summary>
/// Its own Kabinet and Chromium on a fake clock standing at 23:58 (Asia/Novokuznetsk) on the eve of the coming 1st-grade
/// campaign: 31 March before the 1 April on which the next school year's priority window opens. The demo seed runs on
/// this clock, so its campaigns and the demo family's first-grader are those of that school year.
/// </summary>
public sealed class EnrollmentNightFixture : KabinetBrowserFixture
{
    public EnrollmentNightFixture()
        : this(new FakeTimeProvider(RegionTime.ToUtc(new DateTime(CampaignYear, 3, 31, 23, 58, 0))))
    {
    }

    private EnrollmentNightFixture(FakeTimeProvider clock)
        : base(clock) => Clock = clock;

    /// <summary>
    /// The school year (its 1 September) of the coming campaign: the next 1 April still ahead on the real calendar,
    /// so the app's clock runs ahead of the browser's, never behind it.
    /// </summary>
    public static int CampaignYear { get; } = RegionTime.Today(TimeProvider.System) is var today && today < new DateOnly(today.Year, 4, 1) ? today.Year : today.Year + 1;

    /// <summary>The app's clock; it stands still until the test moves it.</summary>
    public FakeTimeProvider Clock { get; }

    /// <summary>Moves the app's clock to a moment of the region's calendar.</summary>
    public void SetRegionTime(DateTime local) => Clock.SetUtcNow(RegionTime.ToUtc(local));
}
