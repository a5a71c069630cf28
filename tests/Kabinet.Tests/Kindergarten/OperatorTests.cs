using System.Net;
using Kabinet.Tests.Infrastructure;
using Kabinet.Web.Features.Institutions;
using Kabinet.Web.Features.Kindergarten.Queue;
using Microsoft.EntityFrameworkCore;
using static Kabinet.Tests.Kindergarten.KindergartenTestData;

namespace Kabinet.Tests.Kindergarten;

/// <summary>The operator reviews applications; the parent sees the place in the queue and why, now and on a past date.</summary>
public sealed class OperatorTests(IsolatedApp app) : IClassFixture<IsolatedApp>
{
    private DateOnly NextSeptember => NextSeptemberOf(app);

    [Fact]
    public async Task The_operator_puts_a_child_in_the_queue_and_the_parent_sees_the_place_with_who_is_ahead()
    {
        var (id, parent) = await FileAsync("Мирон", NextSeptember.AddYears(-3).AddMonths(-3));
        var operatorBrowser = await app.SignedInAsync("demo.operator");

        Assert.Contains(id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            (await operatorBrowser.GetPageAsync("/operator/kindergarten?status=New")).Text("table"), StringComparison.Ordinal);
        var refusedWithoutReason = await ChangeAsync(operatorBrowser, id, ApplicationStatus.Refused, comment: "");
        Assert.Contains("Напишите причину", Html.Parse(await refusedWithoutReason.Content.ReadAsStringAsync()).Text("#Comment-error"), StringComparison.Ordinal);
        var enrolledTooEarly = await ChangeAsync(operatorBrowser, id, ApplicationStatus.Enrolled, comment: "");
        Assert.Contains("Выберите новый статус", Html.Parse(await enrolledTooEarly.Content.ReadAsStringAsync()).Text("#To-error"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await ChangeAsync(operatorBrowser, id, ApplicationStatus.UnderReview, "")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ChangeAsync(operatorBrowser, id, ApplicationStatus.Waiting, "Документы в порядке")).StatusCode);

        var application = await ApplicationAsync(app, id);
        Assert.Equal(ApplicationStatus.Waiting, application.Status);
        var card = await parent.GetPageAsync($"/kindergarten/{id}");
        var position = card.QuerySelector(".position")!.TextContent;
        var expected = await ExpectedPlaceAsync(application, application.Choices.Single(c => c.Priority == 1).OrganisationId);
        Assert.Contains($"{expected.Place} из {expected.Total}", position, StringComparison.Ordinal);
        Assert.Contains(expected.Place == 1 ? "Впереди никого нет" : $"Впереди {expected.Place - 1}", card.Text(".cards"), StringComparison.Ordinal);
        Assert.Contains("Очередник", (await parent.GetPageAsync("/notifications")).Text(".results"), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Документы в порядке", card.Text("#history + ol"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_confirmed_benefit_moves_the_child_ahead_of_everyone_without_one_and_the_date_view_shows_the_place_before()
    {
        var (id, parent) = await FileAsync("Тимур", NextSeptember.AddYears(-3).AddMonths(-4), benefitGround: 12);
        var operatorBrowser = await app.SignedInAsync("demo.operator");
        await ChangeAsync(operatorBrowser, id, ApplicationStatus.UnderReview, "");
        await ChangeAsync(operatorBrowser, id, ApplicationStatus.Waiting, "");
        var application = await ApplicationAsync(app, id);
        var kindergarten = application.Choices.Single(c => c.Priority == 1).OrganisationId;
        var before = await ExpectedPlaceAsync(application, kindergarten);
        var yesterday = Today(app).AddDays(-1);

        var refusedWithoutReason = await operatorBrowser.SubmitFormAsync($"/operator/kindergarten/{id}", new Dictionary<string, string> { ["ConfirmBenefit"] = "false", ["Version"] = await VersionAsync(id) }, handler: "Benefit");
        Assert.Contains("Напишите причину", Html.Parse(await refusedWithoutReason.Content.ReadAsStringAsync()).Text("#Comment-error"), StringComparison.Ordinal);
        await operatorBrowser.SubmitFormAsync($"/operator/kindergarten/{id}", new Dictionary<string, string> { ["ConfirmBenefit"] = "true", ["Version"] = await VersionAsync(id) }, handler: "Benefit");

        var confirmed = await ApplicationAsync(app, id);
        Assert.Equal(BenefitStatus.Confirmed, confirmed.BenefitStatus);
        var after = await ExpectedPlaceAsync(confirmed, kindergarten);
        Assert.True(after.Place <= before.Place, $"{after.Place} > {before.Place}");
        var card = await parent.GetPageAsync($"/kindergarten/{id}");
        Assert.Contains($"{after.Place} из {after.Total}", card.QuerySelector(".position")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("первоочередное право", card.Text(".cards"), StringComparison.Ordinal);

        // Yesterday the child was not registered yet; a future date is refused next to the field.
        var past = await parent.GetPageAsync($"/kindergarten/{id}?on={yesterday:yyyy-MM-dd}");
        Assert.Contains("Выберите дату", past.Text("#on-error"), StringComparison.Ordinal);
        var future = await parent.GetPageAsync($"/kindergarten/{id}?on={yesterday.AddDays(30):yyyy-MM-dd}");
        Assert.Contains("до сегодняшнего дня", future.Text("#on-error"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stale_form_does_not_overwrite_a_newer_decision()
    {
        var (id, _) = await FileAsync("Ева", NextSeptember.AddYears(-3).AddMonths(-6));
        var operatorBrowser = await app.SignedInAsync("demo.operator");
        var stale = await VersionAsync(id);
        await ChangeAsync(operatorBrowser, id, ApplicationStatus.UnderReview, "");

        var late = await operatorBrowser.SubmitFormAsync($"/operator/kindergarten/{id}", new Dictionary<string, string> { ["To"] = "Refused", ["Comment"] = "Нет документов", ["Version"] = stale }, handler: "Status");

        Assert.Equal(HttpStatusCode.Redirect, late.StatusCode);
        Assert.Equal(ApplicationStatus.UnderReview, (await ApplicationAsync(app, id)).Status);
        Assert.Contains("заявление изменилось", (await operatorBrowser.GetPageAsync($"/operator/kindergarten/{id}")).Text("p.notice"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_application_is_overdue_after_the_municipality_s_own_review_period()
    {
        var (id, _) = await FileAsync("Глеб", NextSeptember.AddYears(-3).AddMonths(-7));
        await QueryAsync(app, db => db.QueueApplications.Where(a => a.Id == id).ExecuteUpdateAsync(u => u.SetProperty(a => a.RegisteredAt, Clock(app).GetUtcNow().UtcDateTime.AddDays(-4))));
        var operatorBrowser = await app.SignedInAsync("demo.operator");
        static bool Listed(AngleSharp.Html.Dom.IHtmlDocument page, int id) => page.QuerySelectorAll("tbody a").Any(a => a.TextContent == id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.False(Listed(await operatorBrowser.GetPageAsync("/operator/kindergarten?overdue=true&status=New"), id)); // 4 days < 7

        var saved = await operatorBrowser.SubmitFormAsync("/operator/kindergarten/settings", new Dictionary<string, string>
        {
            ["municipality"] = Kemerovo.ToString(System.Globalization.CultureInfo.InvariantCulture), ["ReferralValidDays"] = "30", ["ReviewDays"] = "3", ["ExpiredReferral"] = "NoShow",
            ["AllocationFrom"] = "01.04", ["AllocationTo"] = "31.05",
            ["Version"] = (await QueryAsync(app, db => db.MunicipalQueueSettings.Where(s => s.MunicipalityId == Kemerovo).Select(s => (int?)s.Version).FirstOrDefaultAsync()) ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var list = await operatorBrowser.GetPageAsync("/operator/kindergarten?overdue=true&status=New");
        Assert.True(Listed(list, id));
        Assert.Contains("дольше 3 дн.", list.Text("main"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Occupancy_shows_each_group_s_places_and_the_forecast_for_september_and_only_in_the_operator_s_municipality()
    {
        var kindergarten = (await KindergartensTakingAsync(app, Kemerovo, 40))[0];
        var (places, placed, leaving) = await QueryAsync(app, async db =>
        {
            var today = Today(app);
            var september = new DateOnly(today.Month >= 9 ? today.Year + 1 : today.Year, 9, 1);
            var groups = await db.KindergartenGroups.Where(g => g.OrganisationId == kindergarten).Select(g => g.Id).ToListAsync();
            var capacity = await db.KindergartenGroups.Where(g => g.OrganisationId == kindergarten).SumAsync(g => g.Capacity);
            var children = await db.KindergartenPlacements.Where(p => groups.Contains(p.KindergartenGroupId))
                .Join(db.People, p => p.PersonId, p => p.Id, (p, person) => person.BirthDate!.Value).ToListAsync();
            return (capacity, children.Count, children.Count(b => QueueApplication.AgeOn(b, september) >= 7));
        });
        var operatorBrowser = await app.SignedInAsync("demo.operator");

        var page = await operatorBrowser.GetPageAsync($"/operator/kindergarten/occupancy?kindergarten={kindergarten}");

        var referred = await QueryAsync(app, db => db.Referrals.CountAsync(r => r.OrganisationId == kindergarten
            && (r.Status == Kabinet.Web.Features.Kindergarten.Allocation.ReferralStatus.Issued || r.Status == Kabinet.Web.Features.Kindergarten.Allocation.ReferralStatus.Accepted)));
        var totals = page.QuerySelectorAll("tfoot td").Where(td => td.TextContent.Trim().Length > 0).Select(td => int.Parse(td.TextContent, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal([places, placed, referred], totals.Take(3));
        Assert.Equal(leaving, totals[4]);
        Assert.True(totals[5] >= totals[3], "more places are free on 1 September than now, never fewer");
        var other = (await KindergartensTakingAsync(app, 2, 40))[0];
        await operatorBrowser.GetPageAsync($"/operator/kindergarten/occupancy?municipality=2&kindergarten={other}", HttpStatusCode.NotFound);
        await operatorBrowser.GetPageAsync($"/operator/kindergarten/occupancy?kindergarten={other}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_operator_opens_a_group_and_changes_its_places_never_below_the_children_it_holds()
    {
        var kindergarten = (await KindergartensTakingAsync(app, Kemerovo, 40))[1];
        var url = $"/operator/kindergarten/occupancy?kindergarten={kindergarten}";
        var operatorBrowser = await app.SignedInAsync("demo.operator");
        Task<int> GroupsAsync() => QueryAsync(app, db => db.KindergartenGroups.CountAsync(g => g.OrganisationId == kindergarten));
        var before = await GroupsAsync();

        var bad = await operatorBrowser.SubmitFormAsync(url, new Dictionary<string, string>
        {
            ["municipality"] = Kemerovo.ToString(System.Globalization.CultureInfo.InvariantCulture), ["kindergarten"] = kindergarten.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["GroupName"] = " ", ["AgeFrom"] = "36", ["AgeTo"] = "24", ["Focus"] = "Nonsense", ["Mode"] = "", ["Capacity"] = "61",
        }, handler: "AddGroup");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var page = Html.Parse(await bad.Content.ReadAsStringAsync());
        Assert.Contains("название", page.Text("#GroupName-error"), StringComparison.Ordinal);
        Assert.Contains("больше", page.Text("#AgeTo-error"), StringComparison.Ordinal);
        Assert.Contains("направленность", page.Text("#Focus-error"), StringComparison.Ordinal);
        Assert.Contains("режим", page.Text("#Mode-error"), StringComparison.Ordinal);
        Assert.Contains("от 1 до 60", page.Text("#Capacity-error"), StringComparison.Ordinal);
        Assert.Equal(before, await GroupsAsync());

        var good = await operatorBrowser.SubmitFormAsync(url, new Dictionary<string, string>
        {
            ["municipality"] = Kemerovo.ToString(System.Globalization.CultureInfo.InvariantCulture), ["kindergarten"] = kindergarten.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["GroupName"] = "Лесовички", ["AgeFrom"] = "36", ["AgeTo"] = "48", ["Focus"] = "Combined", ["Mode"] = "Reduced", ["Capacity"] = "2",
        }, handler: "AddGroup");
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var group = await QueryAsync(app, db => db.KindergartenGroups.SingleAsync(g => g.OrganisationId == kindergarten && g.Name == "Лесовички"));
        Assert.Equal((36, 48, GroupFocus.Combined, DailyMode.Reduced, 2), (group.AgeFromMonths, group.AgeToMonths, group.Focus, group.Mode, group.Capacity));
        Assert.Contains("Лесовички", (await operatorBrowser.GetPageAsync(url)).Text("main table"), StringComparison.Ordinal);

        // A child is enrolled in it: the places cannot go below one.
        var child = await NewChildAsync(app, "demo.uchitel", NextSeptember.AddYears(-3).AddMonths(-2), "Мирон");
        await QueryAsync(app, async db =>
        {
            db.KindergartenPlacements.Add(new KindergartenPlacement { KindergartenGroupId = group.Id, PersonId = child, Since = Today(app) });
            return await db.SaveChangesAsync();
        });
        async Task<HttpResponseMessage> ResizeAsync(string capacity) => await operatorBrowser.SubmitFormAsync(url, new Dictionary<string, string>
        {
            ["municipality"] = Kemerovo.ToString(System.Globalization.CultureInfo.InvariantCulture), ["kindergarten"] = kindergarten.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["group"] = group.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["capacity"] = capacity,
        }, handler: "Capacity");
        var tooFew = await ResizeAsync("0");
        Assert.Equal(HttpStatusCode.OK, tooFew.StatusCode);
        Assert.Contains("меньше, чем детей в группе", Html.Parse(await tooFew.Content.ReadAsStringAsync()).Text($"#capacity-{group.Id}-error"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await ResizeAsync("1")).StatusCode);
        Assert.Equal(1, await QueryAsync(app, db => db.KindergartenGroups.Where(g => g.Id == group.Id).Select(g => g.Capacity).SingleAsync()));

        // Another municipality's kindergarten is not the operator's to change.
        var other = (await KindergartensTakingAsync(app, 2, 40))[0];
        var otherGroup = await QueryAsync(app, db => db.KindergartenGroups.Where(g => g.OrganisationId == other).Select(g => new { g.Id, g.Capacity }).FirstAsync());
        var foreign = await operatorBrowser.SubmitFormAsync($"/operator/kindergarten/occupancy?municipality=2&kindergarten={other}", new Dictionary<string, string>
        {
            ["municipality"] = "2", ["kindergarten"] = other.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["group"] = otherGroup.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["capacity"] = "59",
        }, handler: "Capacity", tokenFrom: url);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(otherGroup.Capacity, await QueryAsync(app, db => db.KindergartenGroups.Where(g => g.Id == otherGroup.Id).Select(g => g.Capacity).SingleAsync()));
    }

    private async Task<(int Id, HttpClient Parent)> FileAsync(string name, DateOnly born, int? benefitGround = null)
    {
        var child = await NewChildAsync(app, "demo.uchitel", born, name);
        var gardens = await KindergartensTakingAsync(app, Kemerovo, (int)((NextSeptember.DayNumber - born.DayNumber) / 30.44));
        var parent = await app.SignedInAsync("demo.uchitel");
        var form = Form(NextSeptember, gardens[0], gardens[1]);
        if (benefitGround is { } ground)
            form["BenefitGroundId"] = ground.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var response = await parent.SubmitFormAsync($"/kindergarten/apply?child={child}&municipality={Kemerovo}", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture), parent);
    }

    private async Task<HttpResponseMessage> ChangeAsync(HttpClient browser, int id, ApplicationStatus to, string comment) =>
        await browser.SubmitFormAsync($"/operator/kindergarten/{id}", new Dictionary<string, string> { ["To"] = to.ToString(), ["Comment"] = comment, ["Version"] = await VersionAsync(id) }, handler: "Status");

    private async Task<string> VersionAsync(int id) => (await ApplicationAsync(app, id)).Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    // The place computed independently: every application in the queue of this kindergarten, age group and year, ranked by hand.
    private Task<(int Place, int Total)> ExpectedPlaceAsync(QueueApplication application, int kindergarten) => QueryAsync(app, async db =>
    {
        var rows = await db.ApplicationChoices.Where(c => c.OrganisationId == kindergarten)
            .Join(db.QueueApplications, c => c.ApplicationId, a => a.Id, (c, a) => new { a.Id, a.Status, a.AdmissionYear, a.AgeGroup, a.Benefit, a.BenefitStatus, a.RegisteredAt, c.SiblingAttends })
            .Where(r => r.AdmissionYear == application.AdmissionYear && r.AgeGroup == application.AgeGroup && (r.Status == ApplicationStatus.Waiting || r.Status == ApplicationStatus.WantsChange))
            .ToListAsync();
        static int Rank(BenefitKind kind, bool confirmed, bool sibling) => !confirmed ? (sibling ? 5 : 6)
            : kind == BenefitKind.OutOfTurn ? (sibling ? 1 : 2) : kind == BenefitKind.FirstPriority ? (sibling ? 3 : 4) : 5;
        var ordered = rows.OrderBy(r => Rank(r.Benefit, r.BenefitStatus == BenefitStatus.Confirmed, r.SiblingAttends)).ThenBy(r => r.RegisteredAt).ThenBy(r => r.Id).ToList();
        return (ordered.FindIndex(r => r.Id == application.Id) + 1, ordered.Count);
    });
}
