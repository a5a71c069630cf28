using Kabinet.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kabinet.Tests.Applications;

/// <summary>Complaints unanswered past Applications:ComplaintAnswerDays are highlighted to the operator and listed first (fake clock).</summary>
public sealed class ComplaintOverdueTests
{
    [Fact]
    public async Task Unanswered_complaints_past_the_configured_days_are_highlighted_and_first_until_answered()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 3, 0, 0, TimeSpan.Zero));
        await using var app = new KabinetApp(new Dictionary<string, string?> { ["Applications:ComplaintAnswerDays"] = "3" }, services => services.AddSingleton<TimeProvider>(clock));
        await app.InitializeAsync();
        var (gymnasium, _) = await ComplaintTestData.GymnasiumAsync(app);
        var old = await ComplaintTestData.AddComplaintAsync(app, "demo.roditel", gymnasium, clock.GetUtcNow().UtcDateTime);
        clock.Advance(TimeSpan.FromDays(2));
        var fresh = await ComplaintTestData.AddComplaintAsync(app, "demo.uchenik", gymnasium, clock.GetUtcNow().UtcDateTime);

        // Exactly three days: the deadline has not passed yet. (Signed in after each jump of the clock: sessions expire.)
        clock.Advance(TimeSpan.FromDays(1));
        var operatorBrowser = await app.SignedInAsync("demo.operator");
        var page = await operatorBrowser.GetPageAsync("/applications/operator/complaints");
        Assert.Equal([(fresh, false), (old, false)], Rows(page, old, fresh));
        var seeded = OverdueCount(page); // the demo region's week-old complaint
        Assert.True(seeded >= 1, "the demo complaint of a week ago is overdue");

        clock.Advance(TimeSpan.FromMinutes(1));
        operatorBrowser = await app.SignedInAsync("demo.operator");
        page = await operatorBrowser.GetPageAsync("/applications/operator/complaints");
        Assert.Equal([(old, true), (fresh, false)], Rows(page, old, fresh));
        Assert.Contains("срок ответа прошёл", page.QuerySelectorAll("#complaints tr.is-overdue").Single(r => r.QuerySelector("a")!.GetAttribute("href")!.EndsWith($"/{old}", StringComparison.Ordinal)).TextContent, StringComparison.Ordinal);
        // Overdue ones come before every complaint still in time.
        var flags = page.QuerySelectorAll("#complaints tbody tr").Select(r => !r.ClassList.Contains("is-overdue")).ToList();
        Assert.Equal(flags.Order(), flags);
        Assert.Equal(seeded + 1, OverdueCount(page));
        var onlyOverdue = await operatorBrowser.GetPageAsync("/applications/operator/complaints?overdue=true");
        Assert.Equal([(old, true)], Rows(onlyOverdue, old, fresh));
        Assert.NotNull((await operatorBrowser.GetPageAsync($"/applications/operator/complaints/{old}")).QuerySelector("#complaint-overdue"));

        // Taken into work it is still unanswered; answered, it is no longer overdue.
        var url = $"/applications/operator/complaints/{old}";
        await operatorBrowser.SubmitFormAsync(url, new Dictionary<string, string>(), handler: "Take");
        Assert.Equal([(old, true), (fresh, false)], Rows(await operatorBrowser.GetPageAsync("/applications/operator/complaints"), old, fresh));
        await operatorBrowser.SubmitFormAsync(url, new Dictionary<string, string> { ["Answer"] = "Логин выдадут завтра в кабинете 12." }, handler: "Answer");
        page = await operatorBrowser.GetPageAsync("/applications/operator/complaints");
        Assert.Equal([(fresh, false), (old, false)], Rows(page, old, fresh));
        Assert.Equal(seeded, OverdueCount(page));
        Assert.Null((await operatorBrowser.GetPageAsync(url)).QuerySelector("#complaint-overdue"));
    }

    /// <summary>The test's own complaints in the order listed, with whether each is highlighted.</summary>
    private static List<(int Id, bool Overdue)> Rows(AngleSharp.Html.Dom.IHtmlDocument page, params int[] ids) =>
        [.. page.QuerySelectorAll("#complaints tbody tr")
            .Select(r => (Id: int.Parse(r.QuerySelector("a")!.GetAttribute("href")!.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture), Overdue: r.ClassList.Contains("is-overdue")))
            .Where(r => ids.Contains(r.Id))];

    private static int OverdueCount(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelector("#overdue-count") is { } count ? int.Parse(count.TextContent, System.Globalization.CultureInfo.InvariantCulture) : 0;
}
