using Kabinet.Tests.Infrastructure;
using Kabinet.Web.Common.Time;
using Kabinet.Web.Features.Kindergarten.Queue;
using Microsoft.EntityFrameworkCore;
using static Kabinet.Tests.Kindergarten.KindergartenTestData;

namespace Kabinet.Tests.Kindergarten;

/// <summary>«Очередь на дату» and the chart, on the demo family's toddler who has waited in the queue for months.</summary>
public sealed class QueuePositionTests(DemoApp app)
{
    [Fact]
    public async Task The_place_on_a_past_date_comes_from_the_history_and_the_chart_follows_it()
    {
        var application = await QueryAsync(app, async db =>
        {
            var parent = await db.Users.SingleAsync(a => a.UserName == "demo.roditel");
            var family = await db.FamilyLinks.Where(l => l.GuardianId == parent.PersonId).Select(l => l.ChildId).ToListAsync();
            return await db.QueueApplications.Include(a => a.History).Include(a => a.Choices).SingleAsync(a => family.Contains(a.ChildPersonId) && a.Status == ApplicationStatus.Waiting);
        });
        var queued = application.History.Single(h => h.To == ApplicationStatus.Waiting).At;
        var parentBrowser = await app.SignedInAsync("demo.roditel");
        var dayBefore = DateOnly.FromDateTime(RegionTime.ToLocal(queued)).AddDays(-1);

        var before = await parentBrowser.GetPageAsync($"/kindergarten/{application.Id}?on={dayBefore:yyyy-MM-dd}");
        var now = await parentBrowser.GetPageAsync($"/kindergarten/{application.Id}");

        // Queued at least two days after registering (reviewed first), so the day before is a valid date with no place yet.
        Assert.Contains("не стоял в очереди", before.QuerySelector("section[aria-labelledby=queue]")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(before.QuerySelectorAll(".position"));
        var first = now.QuerySelectorAll(".cards .card")[0];
        Assert.Contains("1-й приоритет", first.TextContent, StringComparison.Ordinal);
        Assert.Contains("преимущественное право", first.TextContent, StringComparison.Ordinal); // the sibling attends the first kindergarten
        // Seeded applications are registered before 1 September, so the chart has a point per month since then and today's.
        var chart = now.QuerySelector("figure.chart");
        Assert.NotNull(chart);
        var places = chart!.QuerySelectorAll("tbody tr td:last-child").Select(td => int.Parse(td.TextContent, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(places.Count >= 2);
        // The family is told when places are given out (the municipality's period; the demo data keeps the default).
        Assert.Contains("ежегодно с 1 апреля по 31 мая", now.Text("#allocation-period"), StringComparison.Ordinal);
        Assert.StartsWith(places[^1].ToString(System.Globalization.CultureInfo.InvariantCulture) + " из", first.QuerySelector(".position")!.TextContent.Trim(), StringComparison.Ordinal);
    }
}
