using System.Globalization;
using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Kabinet.Tests.Infrastructure;
using Kabinet.Web.Common.Time;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Institutions;
using Kabinet.Web.Features.Kindergarten.Queue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Kabinet.Tests.Kindergarten.KindergartenTestData;

namespace Kabinet.Tests.Kindergarten;

/// <summary>The demo region with the statistics computed on every request, so a test sees its own changes at once.</summary>
public sealed class UncachedStatisticsApp() : KabinetApp(new Dictionary<string, string?> { ["Kindergarten:Statistics:CacheSeconds"] = "0" });

/// <summary>
/// «Очередь в детские сады: статистика» as a visitor and an open-data user see it: every figure checked against an
/// independent count through the DbContext, the 1 September boundary of актуальный and отложенный спрос, the CSV.
/// </summary>
public sealed class StatisticsTests(UncachedStatisticsApp app) : IClassFixture<UncachedStatisticsApp>
{
    /// <summary>One row of figures as the page or the CSV shows it.</summary>
    private sealed record Row(string Earliest, int Current, int Deferred, int Later, int Free, int Referred, int Enrolled);

    private static int SchoolYear => QueueApplication.SchoolYearOf(TimeProvider.System.Today());

    /// <summary>The arranged children's birthday: three full years on 1 September of this school year.</summary>
    private static DateOnly Born => new(SchoolYear - 3, 3, 15);

    private static string Day(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_region_figures_per_municipality_and_age_group_match_an_independent_count()
    {
        await ArrangeBoundaryApplicationsAsync();

        var expected = await ExpectedAsync();
        var page = await app.CreateBrowser().GetPageAsync("/kindergarten/statistics");

        var municipalities = await QueryAsync(app, db => db.Municipalities.Select(m => m.Id).ToListAsync());
        var byAge = ByAge(page);
        for (var age = 0; age <= 7; age++)
            Assert.Equal(Sum(expected.Where(e => e.Key.Age == age).Select(e => e.Value)), byAge[age.ToString(CultureInfo.InvariantCulture)]);
        Assert.Equal(Sum(expected.Values), byAge["total"]);
        foreach (var id in municipalities)
        {
            var row = Cells(page.QuerySelector($"#municipality-table tr[data-municipality='{id}']")!);
            Assert.Equal(Sum(expected.Where(e => e.Key.Municipality == id).Select(e => e.Value)), row);
        }

        Assert.True(byAge["total"].Current > 0 && byAge["total"].Free > 0 && byAge["total"].Enrolled > 0, "the demo region has demand, places and enrollments");
    }

    [Fact]
    public async Task A_municipality_shows_its_age_groups_and_its_kindergartens_own_figures()
    {
        await ArrangeBoundaryApplicationsAsync();

        var expected = await ExpectedAsync();
        var page = await app.CreateBrowser().GetPageAsync($"/kindergarten/statistics?municipality={Kemerovo}");

        var byAge = ByAge(page);
        for (var age = 0; age <= 7; age++)
            Assert.Equal(expected.GetValueOrDefault((Kemerovo, age), Empty), byAge[age.ToString(CultureInfo.InvariantCulture)]);
        Assert.Equal("selected", page.QuerySelector($"#municipality option[value='{Kemerovo}']")?.GetAttribute("selected"));
        Assert.Null(page.QuerySelector("#municipality-table"));

        // Each kindergarten: waiting children who chose it first (of them with a desired date up to 1 September), at any priority; its free places.
        var yearStart = new DateOnly(SchoolYear, 9, 1);
        var kindergartens = await QueryAsync(app, async db =>
        {
            var ids = await db.Organisations.Where(o => o.MunicipalityId == Kemerovo && o.Kind == OrganisationKind.Kindergarten).Select(o => o.Id).ToListAsync();
            var choices = await db.ApplicationChoices.Join(db.QueueApplications, c => c.ApplicationId, a => a.Id, (c, a) => new { c.OrganisationId, c.Priority, a.Status, a.DesiredDate })
                .Where(x => ids.Contains(x.OrganisationId)).ToListAsync();
            var groups = await db.KindergartenGroups.Where(g => ids.Contains(g.OrganisationId)).ToListAsync();
            var placed = await db.KindergartenPlacements.GroupBy(p => p.KindergartenGroupId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);
            return ids.ToDictionary(id => id, id =>
            {
                var waiting = choices.Where(c => c.OrganisationId == id && c.Status is ApplicationStatus.Waiting or ApplicationStatus.WantsChange).ToList();
                return (First: waiting.Count(c => c.Priority == 1), FirstCurrent: waiting.Count(c => c.Priority == 1 && c.DesiredDate <= yearStart), Any: waiting.Count,
                    Free: groups.Where(g => g.OrganisationId == id).Sum(g => Math.Max(0, g.Capacity - placed.GetValueOrDefault(g.Id))));
            });
        });
        var rows = page.QuerySelectorAll("#kindergarten-table tbody tr").ToList();
        Assert.Equal(kindergartens.Count, rows.Count);
        foreach (var row in rows)
        {
            var id = int.Parse(row.GetAttribute("data-kindergarten")!, CultureInfo.InvariantCulture);
            var cells = row.QuerySelectorAll("td").Select(td => int.Parse(td.TextContent.Trim(), CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(kindergartens[id], (cells[0], cells[1], cells[2], cells[3]));
        }

        Assert.Contains(kindergartens.Values, k => k.First > 0);
    }

    [Fact]
    public async Task A_desired_date_on_1_September_is_current_demand_and_a_day_later_deferred_until_the_next_1_September()
    {
        var before = ByAge(await app.CreateBrowser().GetPageAsync($"/kindergarten/statistics?municipality={Kemerovo}"));
        await ArrangeBoundaryApplicationsAsync();
        var after = ByAge(await app.CreateBrowser().GetPageAsync($"/kindergarten/statistics?municipality={Kemerovo}"));

        var age = "3";
        Assert.Equal(before[age].Current + 2, after[age].Current); // 1 March and 1 September of this school year
        Assert.Equal(before[age].Deferred + 2, after[age].Deferred); // 2 September and 31 August
        Assert.Equal(before[age].Later + 1, after[age].Later); // 1 September of the next school year
        Assert.Equal(before[age].Referred + 1, after[age].Referred);
        Assert.Equal(before[age].Enrolled + 1, after[age].Enrolled);
        // The child registered two weeks after birth is the earliest unless someone waits from before; the one under review from earlier does not count.
        Assert.Equal(Earlier(before[age].Earliest, Day(Born.AddDays(14))), after[age].Earliest);
        Assert.Equal(Earlier(before["total"].Earliest, Day(Born.AddDays(14))), after["total"].Earliest);
    }

    [Fact]
    public async Task The_CSV_holds_the_same_figures_as_the_page_with_a_BOM_semicolons_and_a_Russian_header()
    {
        await ArrangeBoundaryApplicationsAsync();
        var browser = app.CreateBrowser();

        var response = await browser.GetAsync($"/kindergarten/statistics.csv?municipality={Kemerovo}");
        var page = ByAge(await browser.GetPageAsync($"/kindergarten/statistics?municipality={Kemerovo}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.EndsWith(".csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName, StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Муниципалитет;Возраст на 1 сентября, полных лет (7 — 7 лет и старше);Первый в очереди на учёте с;Актуальный спрос;Отложенный спрос;На следующие годы;Свободные места;Направлено с 1 сентября;Зачислено с 1 сентября", lines[0]);
        Assert.Equal(9, lines.Length);
        foreach (var line in lines[1..])
        {
            var f = line.Split(';');
            Assert.Equal("Кемеровский городской округ", f[0]);
            var n = f[3..].Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(page[f[1]], new Row(f[2].Length == 0 ? "—" : f[2], n[0], n[1], n[2], n[3], n[4], n[5]));
        }

        var region = await browser.GetAsync("/kindergarten/statistics.csv");
        var regionLines = (await region.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1 + (34 * 8), regionLines.Length);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("999999")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("99999999999999999999")]
    [InlineData("%00%27%22")]
    public async Task A_bad_municipality_shows_the_region_with_a_Russian_note_and_the_CSV_says_why_it_refuses(string value)
    {
        var browser = app.CreateBrowser();

        var page = await browser.GetPageAsync("/kindergarten/statistics?municipality=" + value);
        var csv = await browser.GetAsync("/kindergarten/statistics.csv?municipality=" + value);

        Assert.Contains("Такого муниципалитета нет", page.Text("#municipality-error"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#municipality-table"));
        Assert.Equal(HttpStatusCode.BadRequest, csv.StatusCode);
        Assert.Contains("Такого муниципалитета нет", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_is_linked_from_the_home_page_and_from_the_kindergarten_page()
    {
        var home = await app.CreateBrowser().GetPageAsync("/");
        var parent = await app.SignedInAsync("demo.roditel");
        var kindergarten = await parent.GetPageAsync("/kindergarten");

        Assert.NotNull(home.QuerySelector("a[href='/kindergarten/statistics']"));
        Assert.NotNull(kindergarten.QuerySelector("a[href='/kindergarten/statistics']"));
    }

    private static readonly Row Empty = new("—", 0, 0, 0, 0, 0, 0);

    /// <summary>
    /// Adds applications of three-year-olds (on 1 September of this school year) in Кемерово on both sides of
    /// the boundaries, one registered long before anyone else, and a referral and an enrollment of this school year.
    /// </summary>
    private async Task ArrangeBoundaryApplicationsAsync()
    {
        var year = SchoolYear;
        var born = Born;
        var garden = (await KindergartensTakingAsync(app, Kemerovo, 40))[0];
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        (DateOnly Desired, ApplicationStatus Status, DateTime Registered)[] cases =
        [
            (new DateOnly(year, 3, 1), ApplicationStatus.Waiting, RegionTime.ToUtc(Born.AddDays(14).ToDateTime(new TimeOnly(10, 0)))),
            (new DateOnly(year, 9, 1), ApplicationStatus.Waiting, now.AddDays(-100)),
            (new DateOnly(year, 9, 2), ApplicationStatus.WantsChange, now.AddDays(-100)),
            (new DateOnly(year + 1, 8, 31), ApplicationStatus.Waiting, now.AddDays(-100)),
            (new DateOnly(year + 1, 9, 1), ApplicationStatus.Waiting, now.AddDays(-100)),
            (new DateOnly(year, 9, 1), ApplicationStatus.Referred, now.AddDays(-100)),
            (new DateOnly(year, 9, 1), ApplicationStatus.Enrolled, now.AddDays(-100)),
            (new DateOnly(year, 9, 1), ApplicationStatus.UnderReview, RegionTime.ToUtc(Born.AddDays(2).ToDateTime(new TimeOnly(10, 0)))),
        ];
        var children = new List<int>();
        foreach (var _ in cases)
            children.Add(await NewChildAsync(app, "demo.uchitel", born, "Статистика"));

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KabinetDbContext>();
        var applicant = (await db.Users.SingleAsync(a => a.UserName == "demo.uchitel")).PersonId;
        for (var i = 0; i < cases.Length; i++)
        {
            var (desired, status, registered) = cases[i];
            var application = new QueueApplication
            {
                ChildPersonId = children[i], ChildBirthDate = born, ApplicantPersonId = applicant, MunicipalityId = Kemerovo, RegisteredAt = registered,
                Status = status, StatusChangedAt = registered, UpdatedAt = registered,
            };
            application.Want(desired);
            application.Choices.Add(new ApplicationChoice { Priority = 1, OrganisationId = garden });
            if (status is ApplicationStatus.Referred or ApplicationStatus.Enrolled)
                application.History.Add(new StatusChange { From = ApplicationStatus.Waiting, To = status, At = now.AddMinutes(-5) });
            db.QueueApplications.Add(application);
        }

        await db.SaveChangesAsync();
    }

    /// <summary>The figures counted independently: every application, group and change loaded and counted in C#.</summary>
    private async Task<Dictionary<(int Municipality, int Age), Row>> ExpectedAsync() => await QueryAsync(app, async db =>
    {
        var year = SchoolYear;
        var yearStart = new DateOnly(year, 9, 1);
        var since = RegionTime.ToUtc(yearStart.ToDateTime(TimeOnly.MinValue));
        int AgeOf(DateOnly born) => Math.Clamp(QueueApplication.AgeOn(born, yearStart), 0, 7);

        var applications = await db.QueueApplications.AsNoTracking().ToListAsync();
        var changes = await db.StatusChanges.AsNoTracking().Where(h => h.To == ApplicationStatus.Referred || h.To == ApplicationStatus.Enrolled).ToListAsync();
        var groups = await db.KindergartenGroups.AsNoTracking().ToListAsync();
        var placed = await db.KindergartenPlacements.AsNoTracking().ToListAsync();
        var organisations = await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.Kindergarten).ToDictionaryAsync(o => o.Id, o => o.MunicipalityId);
        var byId = applications.ToDictionary(a => a.Id);

        var result = new Dictionary<(int, int), Row>();
        void Add((int, int) key, Row row)
        {
            var old = result.GetValueOrDefault(key, Empty);
            result[key] = Plus(old, row);
        }

        foreach (var a in applications.Where(a => a.Status is ApplicationStatus.Waiting or ApplicationStatus.WantsChange))
        {
            Add((a.MunicipalityId, AgeOf(a.ChildBirthDate)), new Row(RegionTime.ToLocal(a.RegisteredAt).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
                a.DesiredDate <= yearStart ? 1 : 0, a.DesiredDate > yearStart && a.DesiredDate < yearStart.AddYears(1) ? 1 : 0, a.DesiredDate >= yearStart.AddYears(1) ? 1 : 0, 0, 0, 0));
        }

        foreach (var h in changes.Where(h => h.At >= since))
        {
            var a = byId[h.ApplicationId];
            Add((a.MunicipalityId, AgeOf(a.ChildBirthDate)), Empty with { Referred = h.To == ApplicationStatus.Referred ? 1 : 0, Enrolled = h.To == ApplicationStatus.Enrolled ? 1 : 0 });
        }

        foreach (var g in groups)
            Add((organisations[g.OrganisationId], Math.Min(7, g.AgeFromMonths / 12)), Empty with { Free = Math.Max(0, g.Capacity - placed.Count(p => p.KindergartenGroupId == g.Id)) });
        return result;
    });

    private static Row Sum(IEnumerable<Row> rows) => rows.Aggregate(Empty, Plus);

    private static Row Plus(Row a, Row b) => new(
        a.Earliest == "—" ? b.Earliest : b.Earliest == "—" ? a.Earliest : Earlier(a.Earliest, b.Earliest),
        a.Current + b.Current, a.Deferred + b.Deferred, a.Later + b.Later, a.Free + b.Free, a.Referred + b.Referred, a.Enrolled + b.Enrolled);

    private static string Earlier(string x, string y) => x == "—" ? y :
        DateOnly.ParseExact(x, "dd.MM.yyyy", CultureInfo.InvariantCulture) <= DateOnly.ParseExact(y, "dd.MM.yyyy", CultureInfo.InvariantCulture) ? x : y;

    /// <summary>The age-group table: "0"…"7" and "total" → figures.</summary>
    private static Dictionary<string, Row> ByAge(IHtmlDocument page) =>
        page.QuerySelectorAll("#by-age-table tr[data-age]").ToDictionary(tr => tr.GetAttribute("data-age")!, Cells);

    private static Row Cells(AngleSharp.Dom.IElement row)
    {
        var cells = row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray();
        var n = cells[1..].Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray();
        return new Row(cells[0], n[0], n[1], n[2], n[3], n[4], n[5]);
    }
}
