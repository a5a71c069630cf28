using Kabinet.Tests.Infrastructure;
using Kabinet.Web.Features.CollegeAdmission;
using Microsoft.Extensions.DependencyInjection;

namespace Kabinet.Tests.CollegeAdmission;

/// <summary>Ranking lists: priority right first, then the average, ties by the target contract, achievements, time; public without names.</summary>
[Collection(CollegeGroup.Name)]
public sealed class RankingTests(CollegeApp app)
{
    [Fact]
    public async Task The_list_orders_by_priority_then_average_then_the_documented_tie_breaks()
    {
        var cast = await app.CastAsync();
        var speciality = await app.SpecialityAsync(cast.College, budget: 3);
        var late = await app.PaperApplicationAsync(speciality, "Поздний", 450, earlier: TimeSpan.FromHours(1));
        var early = await app.PaperApplicationAsync(speciality, "Ранний", 450, earlier: TimeSpan.FromHours(5));
        var achiever = await app.PaperApplicationAsync(speciality, "Призёр", 450, achievements: Achievements.Professionals, earlier: TimeSpan.Zero);
        var twoAchievements = await app.PaperApplicationAsync(speciality, "Дважды", 450, achievements: Achievements.Professionals | Achievements.ArtMasters);
        var target = await app.PaperApplicationAsync(speciality, "Целевик", 450, target: true);
        var best = await app.PaperApplicationAsync(speciality, "Отличник", 498);
        var priority = await app.PaperApplicationAsync(speciality, "Льготник", 310, priority: true);
        await app.PaperApplicationAsync(speciality, "Отозвавший", 500, status: CollegeApplicationStatus.Withdrawn);
        await app.PaperApplicationAsync(speciality, "Отказник", 500, status: CollegeApplicationStatus.Refused);

        await using var scope = app.Services.CreateAsyncScope();
        var ranking = await scope.ServiceProvider.GetRequiredService<RankingList>().OfAsync(speciality, 3, TestContext.Current.CancellationToken);

        Assert.Equal([priority, best, target, twoAchievements, achiever, early, late], ranking.Rows.Select(r => r.ApplicationId));
        Assert.Equal(Enumerable.Range(1, 7), ranking.Rows.Select(r => r.Place));
        Assert.Equal(450, ranking.PassingHundredths); // the third inside 3 budget places
    }

    [Fact]
    public async Task The_public_list_shows_numbers_and_the_budget_line_but_no_names()
    {
        var cast = await app.CastAsync();
        var speciality = await app.SpecialityAsync(cast.College, budget: 1);
        var first = await app.PaperApplicationAsync(speciality, "Секретова", 480);
        await app.PaperApplicationAsync(speciality, "Тайнова", 420);
        var browser = app.CreateBrowser();

        var page = await browser.GetPageAsync($"/college/specialities/{speciality}");

        var rows = page.QuerySelectorAll("#ranking-list tbody tr:not(.cutoff)");
        Assert.Equal(2, rows.Length);
        Assert.Contains($"СПО-2026-{first:000000}", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("4,80", rows[0].TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Секретова", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Тайнова", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("152-ФЗ", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("4,80", page.Text("#passing-mark"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#ranking-list tr.cutoff"));
        Assert.Contains("договор о целевом обучении", page.Text("#ranking-rule"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_college_has_lists_with_ties_and_a_priority_applicant()
    {
        var browser = app.CreateBrowser();

        var page = await browser.GetPageAsync("/college");
        var links = page.QuerySelectorAll("a[href^='/college/specialities/']").Select(a => a.GetAttribute("href")!).ToList();

        Assert.True(links.Count >= 5, $"{links.Count} specialities");
        var rows = 0;
        foreach (var link in links)
            rows += (await browser.GetPageAsync(link)).QuerySelectorAll("#ranking-list tbody tr:not(.cutoff)").Length;
        Assert.True(rows >= 20, $"{rows} applications in the lists");
    }
}
