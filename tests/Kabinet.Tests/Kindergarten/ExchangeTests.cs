using System.Net;
using Kabinet.Tests.Infrastructure;
using Kabinet.Web.Features.Kindergarten.Allocation;
using Kabinet.Web.Features.Kindergarten.Exchange;
using Kabinet.Web.Features.Kindergarten.Queue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Kabinet.Tests.Kindergarten.ExchangeTestData;
using static Kabinet.Tests.Kindergarten.KindergartenTestData;

namespace Kabinet.Tests.Kindergarten;

/// <summary>«Обмен местами» end to end: announcements, Kabinet's invitations, proposals, confirmations and the operator's decision.</summary>
public sealed class ExchangeTests(IsolatedApp app) : IClassFixture<IsolatedApp>
{
    [Fact]
    public async Task Kabinet_invites_two_families_they_confirm_the_operator_approves_and_the_places_swap()
    {
        var (k1, g1, referred) = await PlaceAsync(app, "demo.roditel", ReferralStatus.Issued);
        var (k2, g2, enrolled) = await PlaceAsync(app, "demo.uchitel", ReferralStatus.Enrolled);
        var parent = await app.SignedInAsync("demo.roditel");
        var other = await app.SignedInAsync("demo.uchitel");

        var card = await parent.GetPageAsync($"/kindergarten/{referred}");
        Assert.NotNull(card.QuerySelector($"a[href='/kindergarten/{referred}/exchange']"));
        Assert.Equal(HttpStatusCode.Redirect, (await PublishAsync(parent, referred, [k2], "Ближе к работе")).StatusCode);
        Assert.Empty(await ExchangesOfAsync(app, referred));
        // The other family finds the announcement by kindergarten and age, without names or contacts.
        var search = await other.GetPageAsync($"/kindergarten/exchange?municipality={Kemerovo}&kindergarten={k1}&age=3");
        var result = search.QuerySelector($"#announcement-{(await AnnouncementsAsync(app, referred))[0].Id}");
        Assert.NotNull(result);
        Assert.Contains("Ближе к работе", result.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Тестова", search.Body!.TextContent, StringComparison.Ordinal);

        var published = await PublishAsync(other, enrolled, k1);
        Assert.Contains("Кабинет нашёл подходящий обмен", (await other.GetPageAsync(published.Headers.Location!.OriginalString)).Text(".notice"), StringComparison.Ordinal);
        var exchange = Assert.Single(await ExchangesOfAsync(app, referred));
        Assert.True(exchange.ProposedByKabinet);
        Assert.Equal(ExchangeStatus.AwaitingConfirmations, exchange.Status);
        Assert.Contains($"Кабинет нашёл обмен местами № {exchange.Id}", await NotificationsAsync(app, "demo.roditel"));
        Assert.Contains($"Кабинет нашёл обмен местами № {exchange.Id}", await NotificationsAsync(app, "demo.uchitel"));

        await AnswerAsync(parent, exchange.Id, "Confirm");
        Assert.Equal(ExchangeStatus.AwaitingConfirmations, (await ExchangeAsync(app, exchange.Id)).Status);
        var operatorBrowser = await app.SignedInAsync("demo.operator");
        Assert.Null((await operatorBrowser.GetPageAsync("/operator/kindergarten/exchanges")).QuerySelector($"#exchange-{exchange.Id}"));
        await AnswerAsync(other, exchange.Id, "Confirm");
        Assert.Equal(ExchangeStatus.AwaitingOperator, (await ExchangeAsync(app, exchange.Id)).Status);
        Assert.NotNull((await operatorBrowser.GetPageAsync("/operator/kindergarten/exchanges")).QuerySelector($"#exchange-{exchange.Id}"));
        // The operator's list of applications says how many exchanges wait for a decision.
        Assert.True(int.Parse((await operatorBrowser.GetPageAsync("/operator/kindergarten")).Text("#exchanges-awaiting"), System.Globalization.CultureInfo.InvariantCulture) >= 1);

        var approved = await ApproveAsync(app, operatorBrowser, exchange.Id);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Contains("одобрен", (await operatorBrowser.GetPageAsync("/operator/kindergarten/exchanges")).Text(".notice"), StringComparison.Ordinal);

        Assert.Equal(ExchangeStatus.Approved, (await ExchangeAsync(app, exchange.Id)).Status);
        var referrals = await AllocationTestData.ReferralsAsync(app, referred);
        Assert.Equal(2, referrals.Count);
        Assert.Equal(ReferralStatus.Exchanged, referrals[0].Status);
        Assert.Equal((ReferralStatus.Issued, k2, g2, referrals[0].ValidUntil), (referrals[1].Status, referrals[1].OrganisationId, referrals[1].KindergartenGroupId, referrals[1].ValidUntil));
        var child = (await ApplicationAsync(app, enrolled)).ChildPersonId;
        Assert.Equal(g1, await QueryAsync(app, db => db.KindergartenPlacements.Where(p => p.PersonId == child).Select(p => p.KindergartenGroupId).SingleAsync()));
        foreach (var id in new[] { referred, enrolled })
        {
            var application = await ApplicationAsync(app, id);
            Assert.Contains(application.History, h => h.Comment?.StartsWith($"Обмен местами № {exchange.Id}", StringComparison.Ordinal) == true);
            Assert.Equal(AnnouncementStatus.Closed, Assert.Single(await AnnouncementsAsync(app, id)).Status);
        }

        Assert.Equal(ApplicationStatus.Referred, (await ApplicationAsync(app, referred)).Status);
        Assert.Equal(ApplicationStatus.Enrolled, (await ApplicationAsync(app, enrolled)).Status);
        Assert.Contains($"Обмен местами № {exchange.Id} состоялся", await NotificationsAsync(app, "demo.roditel"));
        Assert.Contains($"Обмен местами № {exchange.Id} состоялся", await NotificationsAsync(app, "demo.uchitel"));
        // The card shows the new referral.
        Assert.Contains("Ответить до", (await parent.GetPageAsync($"/kindergarten/{referred}")).Text("#offer + dl"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Three_families_in_a_ring_are_invited_and_each_gets_the_place_it_wanted()
    {
        var (k1, g1, a) = await PlaceAsync(app, "demo.roditel", ReferralStatus.Issued);
        var (k2, g2, b) = await PlaceAsync(app, "demo.uchitel", ReferralStatus.Accepted);
        var (k3, g3, c) = await PlaceAsync(app, "demo.uchenik", ReferralStatus.Enrolled);
        var families = new[] { await app.SignedInAsync("demo.roditel"), await app.SignedInAsync("demo.uchitel"), await app.SignedInAsync("demo.uchenik") };
        await PublishAsync(families[0], a, k2);
        await PublishAsync(families[1], b, k3);
        Assert.Empty(await ExchangesOfAsync(app, a));
        await PublishAsync(families[2], c, k1);

        var exchange = Assert.Single(await ExchangesOfAsync(app, a));
        Assert.Equal(3, exchange.Participants.Count);
        Assert.True(exchange.ProposedByKabinet);
        foreach (var family in families)
            await AnswerAsync(family, exchange.Id, "Confirm");
        Assert.Equal(HttpStatusCode.Redirect, (await ApproveAsync(app, await app.SignedInAsync("demo.operator"), exchange.Id)).StatusCode);

        Assert.Equal(ExchangeStatus.Approved, (await ExchangeAsync(app, exchange.Id)).Status);
        Assert.Equal((ReferralStatus.Issued, g2), ((await AllocationTestData.ReferralsAsync(app, a))[^1].Status, (await AllocationTestData.ReferralsAsync(app, a))[^1].KindergartenGroupId));
        Assert.Equal((ReferralStatus.Accepted, g3), ((await AllocationTestData.ReferralsAsync(app, b))[^1].Status, (await AllocationTestData.ReferralsAsync(app, b))[^1].KindergartenGroupId));
        var child = (await ApplicationAsync(app, c)).ChildPersonId;
        Assert.Equal(g1, await QueryAsync(app, db => db.KindergartenPlacements.Where(p => p.PersonId == child).Select(p => p.KindergartenGroupId).SingleAsync()));
    }

    [Fact]
    public async Task Two_approvals_at_once_swap_the_places_once()
    {
        var (k1, _, first) = await PlaceAsync(app, "demo.roditel", ReferralStatus.Issued);
        var (k2, _, second) = await PlaceAsync(app, "demo.uchitel", ReferralStatus.Issued);
        var parent = await app.SignedInAsync("demo.roditel");
        var other = await app.SignedInAsync("demo.uchitel");
        await PublishAsync(parent, first, k2);
        await PublishAsync(other, second, k1);
        var exchange = Assert.Single(await ExchangesOfAsync(app, first));
        await AnswerAsync(parent, exchange.Id, "Confirm");
        await AnswerAsync(other, exchange.Id, "Confirm");
        var version = (await ExchangeAsync(app, exchange.Id)).Version;
        var operatorId = await QueryAsync(app, db => db.Users.Where(u => u.UserName == "demo.operator").Select(u => u.Id).SingleAsync());

        async Task<ApprovalOutcome> ApproveInOwnScopeAsync()
        {
            await using var scope = app.Services.CreateAsyncScope();
            return (await scope.ServiceProvider.GetRequiredService<ExchangeApproval>().ApproveAsync(exchange.Id, version, operatorId, CancellationToken.None)).Outcome;
        }

        var outcomes = await Task.WhenAll(ApproveInOwnScopeAsync(), ApproveInOwnScopeAsync());

        Assert.Equal([ApprovalOutcome.Approved, ApprovalOutcome.Changed], outcomes.Order());
        Assert.Equal(2, (await AllocationTestData.ReferralsAsync(app, first)).Count);
        Assert.Equal(2, (await AllocationTestData.ReferralsAsync(app, second)).Count);
    }

    [Fact]
    public async Task The_operator_refuses_with_a_reason_next_to_the_field_and_nothing_moves()
    {
        var (k1, g1, first) = await PlaceAsync(app, "demo.roditel", ReferralStatus.Accepted);
        var (k2, _, second) = await PlaceAsync(app, "demo.uchitel", ReferralStatus.Issued);
        var parent = await app.SignedInAsync("demo.roditel");
        var other = await app.SignedInAsync("demo.uchitel");
        await PublishAsync(parent, first, k2);
        await PublishAsync(other, second, k1);
        var exchange = Assert.Single(await ExchangesOfAsync(app, first));
        await AnswerAsync(parent, exchange.Id, "Confirm");
        await AnswerAsync(other, exchange.Id, "Confirm");
        var operatorBrowser = await app.SignedInAsync("demo.operator");
        var url = $"/operator/kindergarten/exchanges?exchange={exchange.Id}";
        var version = (await ExchangeAsync(app, exchange.Id)).Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var empty = await operatorBrowser.SubmitFormAsync(url, new Dictionary<string, string> { ["Version"] = version, ["Reason"] = " " }, "Refuse");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Укажите причину", Html.Parse(await empty.Content.ReadAsStringAsync()).Text($"#reason-{exchange.Id}-error"), StringComparison.Ordinal);
        Assert.Equal(ExchangeStatus.AwaitingOperator, (await ExchangeAsync(app, exchange.Id)).Status);

        var refused = await operatorBrowser.SubmitFormAsync(url, new Dictionary<string, string> { ["Version"] = version, ["Reason"] = "Группы разной направленности по приказу" }, "Refuse");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var after = await ExchangeAsync(app, exchange.Id);
        Assert.Equal((ExchangeStatus.Refused, "Группы разной направленности по приказу"), (after.Status, after.Reason));
        var referral = Assert.Single(await AllocationTestData.ReferralsAsync(app, first));
        Assert.Equal((ReferralStatus.Accepted, g1), (referral.Status, referral.KindergartenGroupId));
        Assert.Equal(AnnouncementStatus.Active, Assert.Single(await AnnouncementsAsync(app, first)).Status);
        Assert.Contains($"Обмен местами № {exchange.Id}: отказ", await NotificationsAsync(app, "demo.uchitel"));
        Assert.Contains("Группы разной направленности", (await parent.GetPageAsync("/kindergarten/exchange")).Text($"#exchange-{exchange.Id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_place_that_no_longer_holds_takes_the_announcement_down_and_cancels_the_exchange_at_once()
    {
        var (k1, _, first) = await PlaceAsync(app, "demo.roditel", ReferralStatus.Issued);
        var (k2, g2, second) = await PlaceAsync(app, "demo.uchitel", ReferralStatus.Issued);
        var parent = await app.SignedInAsync("demo.roditel");
        var other = await app.SignedInAsync("demo.uchitel");
        await PublishAsync(parent, first, k2);
        await PublishAsync(other, second, k1);
        var exchange = Assert.Single(await ExchangesOfAsync(app, first));
        await AnswerAsync(parent, exchange.Id, "Confirm");
        await AnswerAsync(other, exchange.Id, "Confirm");
        var operatorBrowser = await app.SignedInAsync("demo.operator");
        Assert.Contains($"Обмен № {exchange.Id}", (await operatorBrowser.GetPageAsync("/operator/kindergarten/exchanges")).Text("main"), StringComparison.Ordinal);

        // The second family declines its referral meanwhile: the place goes back to the pool.
        await other.SubmitFormAsync($"/kindergarten/{second}", new Dictionary<string, string> { ["ConfirmAnswer"] = "true" }, handler: "Decline");
        Assert.Equal(ApplicationStatus.WantsChange, (await ApplicationAsync(app, second)).Status);

        // Its announcement leaves the board and the exchange ends there and then; the first family is told and keeps its announcement.
        Assert.Equal(AnnouncementStatus.Lapsed, Assert.Single(await AnnouncementsAsync(app, second)).Status);
        Assert.Equal(AnnouncementStatus.Active, Assert.Single(await AnnouncementsAsync(app, first)).Status);
        Assert.Equal(ExchangeStatus.Cancelled, (await ExchangeAsync(app, exchange.Id)).Status);
        Assert.Contains($"Обмен местами № {exchange.Id} не состоится", await NotificationsAsync(app, "demo.roditel"));
        Assert.DoesNotContain($"Обмен № {exchange.Id}", (await operatorBrowser.GetPageAsync("/operator/kindergarten/exchanges")).Text("main"), StringComparison.Ordinal);
        Assert.Equal(ReferralStatus.Issued, Assert.Single(await AllocationTestData.ReferralsAsync(app, first)).Status);
        Assert.DoesNotContain(await AllocationTestData.ReferralsAsync(app, first), r => r.KindergartenGroupId == g2);
    }

    [Fact]
    public async Task A_family_proposes_to_one_already_in_an_exchange_and_approving_one_cancels_the_other()
    {
        var (ka, _, a) = await PlaceAsync(app, "demo.roditel", ReferralStatus.Issued);
        var (kb, gb, b) = await PlaceAsync(app, "demo.uchitel", ReferralStatus.Enrolled);
        var (kc, _, c) = await PlaceAsync(app, "demo.uchenik", ReferralStatus.Issued);
        var familyA = await app.SignedInAsync("demo.roditel");
        var familyB = await app.SignedInAsync("demo.uchitel");
        var familyC = await app.SignedInAsync("demo.uchenik");
        await PublishAsync(familyA, a, kc, kb);
        await PublishAsync(familyC, c, ka);
        var first = Assert.Single(await ExchangesOfAsync(app, a)); // Kabinet paired A and C
        await PublishAsync(familyB, b, ka);
        Assert.Single(await ExchangesOfAsync(app, a)); // A is busy: Kabinet does not invite it again

        var target = (await AnnouncementsAsync(app, a))[0].Id;
        var mine = (await AnnouncementsAsync(app, b))[0].Id;
        var search = await familyB.GetPageAsync($"/kindergarten/exchange?municipality={Kemerovo}");
        Assert.NotNull(search.QuerySelector($"#announcement-{target} form"));
        var proposed = await familyB.SubmitFormAsync($"/kindergarten/exchange?target={target}", new Dictionary<string, string> { ["mine"] = $"{mine}" }, "Propose");
        Assert.Equal(HttpStatusCode.Redirect, proposed.StatusCode);
        var second = (await ExchangesOfAsync(app, b)).Single();
        Assert.False(second.ProposedByKabinet);
        Assert.Contains($"Вам предложили обмен местами № {second.Id}", await NotificationsAsync(app, "demo.roditel"));
        var again = await familyB.SubmitFormAsync($"/kindergarten/exchange?target={target}", new Dictionary<string, string> { ["mine"] = $"{mine}" }, "Propose");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("уже предложен", Html.Parse(await again.Content.ReadAsStringAsync()).Text($"#mine-{target}-error"), StringComparison.Ordinal);

        await AnswerAsync(familyA, second.Id, "Confirm");
        Assert.Equal(ExchangeStatus.AwaitingOperator, (await ExchangeAsync(app, second.Id)).Status);
        await ApproveAsync(app, await app.SignedInAsync("demo.region"), second.Id);

        Assert.Equal(ExchangeStatus.Approved, (await ExchangeAsync(app, second.Id)).Status);
        var cancelled = await ExchangeAsync(app, first.Id);
        Assert.Equal(ExchangeStatus.Cancelled, cancelled.Status);
        Assert.Contains($"обмену № {second.Id}", cancelled.Reason, StringComparison.Ordinal);
        Assert.Contains($"Обмен местами № {first.Id} отменён", await NotificationsAsync(app, "demo.uchenik"));
        Assert.Equal(AnnouncementStatus.Active, Assert.Single(await AnnouncementsAsync(app, c)).Status);
        Assert.Equal(gb, (await AllocationTestData.ReferralsAsync(app, a)).Last().KindergartenGroupId);
    }

    [Fact]
    public async Task A_family_declines_and_withdraws_and_others_are_told()
    {
        var (k1, _, first) = await PlaceAsync(app, "demo.roditel", ReferralStatus.Issued);
        var (k2, _, second) = await PlaceAsync(app, "demo.uchitel", ReferralStatus.Issued);
        var parent = await app.SignedInAsync("demo.roditel");
        var other = await app.SignedInAsync("demo.uchitel");
        await PublishAsync(parent, first, k2);
        await PublishAsync(other, second, k1);
        var exchange = Assert.Single(await ExchangesOfAsync(app, first));

        await AnswerAsync(other, exchange.Id, "Decline");
        Assert.Equal(ExchangeStatus.Declined, (await ExchangeAsync(app, exchange.Id)).Status);
        Assert.Contains($"Обмен местами № {exchange.Id} не состоится", await NotificationsAsync(app, "demo.roditel"));
        // The same cycle is not proposed again when an announcement changes.
        await PublishAsync(parent, first, [k2], "Готовы обсудить", version: (await AnnouncementsAsync(app, first))[0].Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Single(await ExchangesOfAsync(app, first));
        Assert.Equal("Готовы обсудить", (await AnnouncementsAsync(app, first))[0].Comment);

        var withdrawn = await parent.SubmitFormAsync($"/kindergarten/{first}/exchange", new Dictionary<string, string>(), "Withdraw");
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Equal(AnnouncementStatus.Withdrawn, Assert.Single(await AnnouncementsAsync(app, first)).Status);
        Assert.DoesNotContain($"announcement-{(await AnnouncementsAsync(app, first))[0].Id}",
            (await other.GetPageAsync($"/kindergarten/exchange?municipality={Kemerovo}")).Body!.InnerHtml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("six")]
    [InlineData("other-municipality")]
    [InlineData("long-comment")]
    public async Task Bad_announcements_are_refused_next_to_the_field_and_nothing_is_saved(string problem)
    {
        var (k1, _, id) = await PlaceAsync(app, "demo.roditel", ReferralStatus.Issued);
        var parent = await app.SignedInAsync("demo.roditel");
        var kemerovo = await QueryAsync(app, db => db.Organisations.Where(o => o.MunicipalityId == Kemerovo && o.Kind == Kabinet.Web.Features.Institutions.OrganisationKind.Kindergarten)
            .OrderBy(o => o.Id).Select(o => o.Id).Take(6).ToListAsync());
        var elsewhere = await QueryAsync(app, db => db.Organisations.Where(o => o.MunicipalityId != Kemerovo && o.Kind == Kabinet.Web.Features.Institutions.OrganisationKind.Kindergarten)
            .Select(o => o.Id).FirstAsync());
        var (wanted, comment, field, message) = problem switch
        {
            "none" => (Array.Empty<int>(), (string?)null, "#Wanted-error", "хотя бы один"),
            "six" => (kemerovo.ToArray(), null, "#Wanted-error", "не больше 5"),
            "other-municipality" => ([elsewhere], null, "#Wanted-error", "внутри вашего муниципалитета"),
            _ => ([k1], new string('я', 501), "#Comment-error", "не длиннее 500"),
        };

        var response = await PublishAsync(parent, id, wanted, comment);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, Html.Parse(await response.Content.ReadAsStringAsync()).Text(field), StringComparison.Ordinal);
        Assert.Empty(await AnnouncementsAsync(app, id));
    }

    [Fact]
    public async Task An_application_without_a_place_cannot_be_announced()
    {
        var (kindergarten, _) = await NewKindergartenAsync(app);
        var waiting = await AllocationTestData.WaitingChildAsync(app, "demo.roditel", kindergarten, new DateTime(2025, 2, 1, 0, 0, 0, DateTimeKind.Utc));
        var parent = await app.SignedInAsync("demo.roditel");

        Assert.Null((await parent.GetPageAsync($"/kindergarten/{waiting}")).QuerySelector($"a[href='/kindergarten/{waiting}/exchange']"));
        var page = await parent.GetPageAsync($"/kindergarten/{waiting}/exchange");
        Assert.Null(page.QuerySelector("form[method=post] select"));
        var response = await parent.SubmitFormAsync($"/kindergarten/{waiting}/exchange", new Dictionary<string, string> { ["Wanted[0]"] = $"{kindergarten}" }, tokenFrom: "/kindergarten/apply");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("только когда у ребёнка есть место", Html.Parse(await response.Content.ReadAsStringAsync()).Text("#Place"), StringComparison.Ordinal);
        Assert.Empty(await AnnouncementsAsync(app, waiting));
    }

    [Fact]
    public async Task Another_family_cannot_see_withdraw_or_confirm_and_an_operator_of_another_municipality_cannot_approve()
    {
        var (k1, _, first) = await PlaceAsync(app, "demo.roditel", ReferralStatus.Issued);
        var (k2, _, second) = await PlaceAsync(app, "demo.uchitel", ReferralStatus.Issued);
        var parent = await app.SignedInAsync("demo.roditel");
        var other = await app.SignedInAsync("demo.uchitel");
        await PublishAsync(parent, first, k2);
        await PublishAsync(other, second, k1);
        var exchange = Assert.Single(await ExchangesOfAsync(app, first));
        var stranger = await app.SignedInAsync("demo.admin");
        var token = (await stranger.GetPageAsync("/kindergarten/apply")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        await stranger.GetPageAsync($"/kindergarten/{first}/exchange", HttpStatusCode.NotFound);
        foreach (var url in new[] { $"/kindergarten/{first}/exchange?handler=Withdraw", $"/kindergarten/{first}/exchange", $"/kindergarten/exchange?exchange={exchange.Id}&handler=Confirm", $"/kindergarten/exchange?exchange={exchange.Id}&handler=Decline" })
        {
            var response = await stranger.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["Wanted[0]"] = $"{k1}", ["__RequestVerificationToken"] = token }));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        Assert.Equal(AnnouncementStatus.Active, (await AnnouncementsAsync(app, first))[0].Status);
        var after = await ExchangeAsync(app, exchange.Id);
        Assert.Equal(ExchangeStatus.AwaitingConfirmations, after.Status);
        Assert.All(after.Participants, p => Assert.Null(p.ConfirmedAt));
        Assert.DoesNotContain($"exchange-{exchange.Id}", (await stranger.GetPageAsync("/kindergarten/exchange")).Body!.InnerHtml, StringComparison.Ordinal);

        // An exchange in another municipality: the Кемерово operator cannot approve or refuse it, nor see it.
        await AnswerAsync(parent, exchange.Id, "Confirm");
        await AnswerAsync(other, exchange.Id, "Confirm");
        var elsewhere = await QueryAsync(app, async db =>
        {
            var municipality = await db.Municipalities.Where(m => m.Id != Kemerovo).Select(m => m.Id).FirstAsync();
            var x = new PlaceExchange { MunicipalityId = municipality, CycleKey = $"test-{Guid.NewGuid():N}"[..20], Status = ExchangeStatus.AwaitingOperator, CreatedAt = Clock(app).GetUtcNow().UtcDateTime, UpdatedAt = Clock(app).GetUtcNow().UtcDateTime };
            db.PlaceExchanges.Add(x);
            await db.SaveChangesAsync();
            return x.Id;
        });
        var operatorBrowser = await app.SignedInAsync("demo.operator");
        var list = await operatorBrowser.GetPageAsync("/operator/kindergarten/exchanges");
        Assert.NotNull(list.QuerySelector($"#exchange-{exchange.Id}"));
        Assert.Null(list.QuerySelector($"#exchange-{elsewhere}"));
        foreach (var handler in new[] { "Approve", "Refuse" })
        {
            var response = await operatorBrowser.SubmitFormAsync($"/operator/kindergarten/exchanges?exchange={elsewhere}",
                new Dictionary<string, string> { ["Version"] = "0", ["Reason"] = "не тот муниципалитет" }, handler);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        Assert.Equal(ExchangeStatus.AwaitingOperator, (await ExchangeAsync(app, elsewhere)).Status);
        Assert.NotNull((await (await app.SignedInAsync("demo.region")).GetPageAsync("/operator/kindergarten/exchanges")).QuerySelector($"#exchange-{elsewhere}"));
    }
}
