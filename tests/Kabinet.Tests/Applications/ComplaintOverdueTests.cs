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
        Assert.Empty(page.QuerySelectorAll("#complaints tr.is-overdue"));
        Assert.Null(page.QuerySelector("#overdue-count"));
        Assert.Equal($"/applications/operator/complaints/{fresh}", FirstLink(page));

        clock.Advance(TimeSpan.FromMinutes(1));
        operatorBrowser = await app.SignedInAsync("demo.operator");
        page = await operatorBrowser.GetPageAsync("/applications/operator/complaints");
        var overdue = Assert.Single(page.QuerySelectorAll("#complaints tr.is-overdue"));
        Assert.Equal($"/applications/operator/complaints/{old}", overdue.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("срок ответа прошёл", overdue.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/applications/operator/complaints/{old}", FirstLink(page));
        Assert.Equal("1", page.Text("#overdue-count"));
        var onlyOverdue = await operatorBrowser.GetPageAsync("/applications/operator/complaints?overdue=true");
        Assert.Equal([$"/applications/operator/complaints/{old}"], onlyOverdue.QuerySelectorAll("#complaints tbody a").Select(a => a.GetAttribute("href")));
        Assert.NotNull((await operatorBrowser.GetPageAsync($"/applications/operator/complaints/{old}")).QuerySelector("#complaint-overdue"));

        // Taken into work it is still unanswered; answered, it is no longer overdue.
        var url = $"/applications/operator/complaints/{old}";
        await operatorBrowser.SubmitFormAsync(url, new Dictionary<string, string>(), handler: "Take");
        Assert.Single((await operatorBrowser.GetPageAsync("/applications/operator/complaints")).QuerySelectorAll("#complaints tr.is-overdue"));
        await operatorBrowser.SubmitFormAsync(url, new Dictionary<string, string> { ["Answer"] = "Логин выдадут завтра в кабинете 12." }, handler: "Answer");
        page = await operatorBrowser.GetPageAsync("/applications/operator/complaints");
        Assert.Empty(page.QuerySelectorAll("#complaints tr.is-overdue"));
        Assert.Equal($"/applications/operator/complaints/{fresh}", FirstLink(page));
        Assert.Null((await operatorBrowser.GetPageAsync(url)).QuerySelector("#complaint-overdue"));
    }

    private static string? FirstLink(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelector("#complaints tbody a")?.GetAttribute("href");
}
