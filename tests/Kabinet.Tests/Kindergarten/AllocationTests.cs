using System.Net;
using Kabinet.Tests.Infrastructure;
using Kabinet.Web.Features.Kindergarten.Allocation;
using Kabinet.Web.Features.Kindergarten.Queue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Kabinet.Tests.Kindergarten.AllocationTestData;
using static Kabinet.Tests.Kindergarten.KindergartenTestData;

namespace Kabinet.Tests.Kindergarten;

/// <summary>Комплектование end to end: preview, confirm, families' answers, enrollment, deadlines, and two operators confirming at once.</summary>
public sealed class AllocationTests(IsolatedApp app) : IClassFixture<IsolatedApp>
{
    private static readonly DateTime Early = new(2025, 1, 10, 3, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task The_operator_previews_then_confirms_and_the_family_is_referred_and_notified()
    {
        var (kindergarten, group) = await NewGroupAsync(app, capacity: 1);
        var first = await WaitingChildAsync(app, "demo.roditel", kindergarten, Early);
        var second = await WaitingChildAsync(app, "demo.roditel", kindergarten, Early.AddDays(1));
        var operatorBrowser = await app.SignedInAsync("demo.operator");
        var url = $"/operator/kindergarten/allocation?municipality={Kemerovo}&year={Year}";

        var page = await operatorBrowser.GetPageAsync(url);
        Assert.Contains($"/operator/kindergarten/{first}", page.QuerySelector("table.allocation-given")!.InnerHtml, StringComparison.Ordinal);
        Assert.Contains($"№ {second}", page.Text("ul.allocation-left"), StringComparison.Ordinal);
        var hash = page.QuerySelector("input[name=Hash]")!.GetAttribute("value")!;

        var stale = await operatorBrowser.SubmitFormAsync(url, new Dictionary<string, string> { ["municipality"] = "1", ["year"] = $"{Year}", ["Hash"] = "0000" }, handler: "Confirm");
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("уже утверждён или изменился", Html.Parse(await stale.Content.ReadAsStringAsync()).Text("#confirm"), StringComparison.Ordinal);
        Assert.Empty(await ReferralsAsync(app, first));

        var confirmed = await operatorBrowser.SubmitFormAsync(url, new Dictionary<string, string> { ["municipality"] = "1", ["year"] = $"{Year}", ["Hash"] = hash }, handler: "Confirm");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Contains("выдано направлений — 1", (await operatorBrowser.GetPageAsync(confirmed.Headers.Location!.OriginalString)).Text(".notice"), StringComparison.Ordinal);

        var referral = Assert.Single(await ReferralsAsync(app, first));
        Assert.Equal((ReferralStatus.Issued, group, kindergarten), (referral.Status, referral.KindergartenGroupId, referral.OrganisationId));
        var application = await ApplicationAsync(app, first);
        Assert.Equal(ApplicationStatus.Referred, application.Status);
        Assert.Contains(application.History, h => h.To == ApplicationStatus.Referred && h.Comment!.Contains("Ответьте до", StringComparison.Ordinal));
        Assert.Equal(ApplicationStatus.Waiting, (await ApplicationAsync(app, second)).Status);
        var parent = await app.SignedInAsync("demo.roditel");
        Assert.Contains($"Заявление № {first}: направлен", (await parent.GetPageAsync("/notifications")).Text(".results"), StringComparison.Ordinal);
        var card = await parent.GetPageAsync($"/kindergarten/{first}");
        Assert.Contains("Ответить до", card.Text("#offer + dl"), StringComparison.Ordinal);

        // Nothing is left to give: the next preview is empty and a second confirm of the old hash is refused.
        Assert.Empty((await PreviewAsync(app)).Result.Placements);
        Assert.Equal(ConfirmOutcome.Changed, (await ConfirmAsync(app, hash)).Outcome);
    }

    [Fact]
    public async Task Two_confirms_at_once_make_one_run()
    {
        var (kindergarten, _) = await NewGroupAsync(app, capacity: 2);
        var a = await WaitingChildAsync(app, "demo.uchitel", kindergarten, Early.AddDays(-30));
        var b = await WaitingChildAsync(app, "demo.uchitel", kindergarten, Early.AddDays(-29));
        var hash = (await PreviewAsync(app)).Result.Hash;

        var results = await Task.WhenAll(ConfirmAsync(app, hash), ConfirmAsync(app, hash));

        Assert.Equal([ConfirmOutcome.Confirmed, ConfirmOutcome.Changed], results.Select(r => r.Outcome).Order());
        Assert.Single(await ReferralsAsync(app, a));
        Assert.Single(await ReferralsAsync(app, b));
        Assert.Equal(1, await QueryAsync(app, db => db.AllocationRuns.CountAsync(r => r.ResultHash == hash)));
    }

    [Fact]
    public async Task The_family_accepts_or_declines_with_a_confirmation_and_the_operator_enrolls()
    {
        var (kindergarten, group) = await NewGroupAsync(app, capacity: 2);
        var accepting = await WaitingChildAsync(app, "demo.roditel", kindergarten, Early.AddDays(-60));
        var declining = await WaitingChildAsync(app, "demo.roditel", kindergarten, Early.AddDays(-59));
        Assert.Equal(ConfirmOutcome.Confirmed, (await ConfirmAsync(app, (await PreviewAsync(app)).Result.Hash)).Outcome);
        var parent = await app.SignedInAsync("demo.roditel");

        var unconfirmed = await parent.SubmitFormAsync($"/kindergarten/{accepting}", new Dictionary<string, string>(), handler: "Accept");
        Assert.Equal(HttpStatusCode.Redirect, unconfirmed.StatusCode);
        Assert.Equal(ReferralStatus.Issued, (await ReferralsAsync(app, accepting))[0].Status);

        await parent.SubmitFormAsync($"/kindergarten/{accepting}", new Dictionary<string, string> { ["ConfirmAnswer"] = "true" }, handler: "Accept");
        Assert.Equal(ReferralStatus.Accepted, (await ReferralsAsync(app, accepting))[0].Status);
        Assert.Equal(ApplicationStatus.Referred, (await ApplicationAsync(app, accepting)).Status);

        await parent.SubmitFormAsync($"/kindergarten/{declining}", new Dictionary<string, string> { ["ConfirmAnswer"] = "true" }, handler: "Decline");
        Assert.Equal(ReferralStatus.Declined, (await ReferralsAsync(app, declining))[0].Status);
        Assert.Equal(ApplicationStatus.WantsChange, (await ApplicationAsync(app, declining)).Status);
        // The place is back in the pool, but not offered again to the child who declined this kindergarten.
        var preview = await PreviewAsync(app);
        Assert.Equal(1, preview.FreeByGroup[group]);
        Assert.Contains(declining, preview.Result.Unplaced);

        var operatorBrowser = await app.SignedInAsync("demo.operator");
        var version = (await operatorBrowser.GetPageAsync($"/operator/kindergarten/{accepting}")).QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        var enrolled = await operatorBrowser.SubmitFormAsync($"/operator/kindergarten/{accepting}", new Dictionary<string, string> { ["To"] = "Enrolled", ["Version"] = version }, handler: "Status");
        Assert.Equal(HttpStatusCode.Redirect, enrolled.StatusCode);
        Assert.Equal(ApplicationStatus.Enrolled, (await ApplicationAsync(app, accepting)).Status);
        Assert.Equal(ReferralStatus.Enrolled, (await ReferralsAsync(app, accepting))[0].Status);
        var child = (await ApplicationAsync(app, accepting)).ChildPersonId;
        Assert.True(await QueryAsync(app, db => db.KindergartenPlacements.AnyAsync(p => p.PersonId == child && p.KindergartenGroupId == group)));
        Assert.Equal(1, (await PreviewAsync(app)).FreeByGroup[group]); // the placement holds the place the referral held
    }

    [Fact]
    public async Task Another_family_cannot_answer_a_referral_and_an_operator_sees_only_their_municipality()
    {
        var (kindergarten, _) = await NewGroupAsync(app, capacity: 1);
        var id = await WaitingChildAsync(app, "demo.roditel", kindergarten, Early.AddDays(-90));
        Assert.Equal(ConfirmOutcome.Confirmed, (await ConfirmAsync(app, (await PreviewAsync(app)).Result.Hash)).Outcome);

        var stranger = await app.SignedInAsync("demo.uchitel");
        var token = (await stranger.GetPageAsync("/kindergarten/apply")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        foreach (var handler in new[] { "Accept", "Decline" })
        {
            var response = await stranger.PostAsync($"/kindergarten/{id}?handler={handler}",
                new FormUrlEncodedContent(new Dictionary<string, string> { ["ConfirmAnswer"] = "true", ["__RequestVerificationToken"] = token }));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        Assert.Equal(ReferralStatus.Issued, (await ReferralsAsync(app, id))[0].Status);
        var operatorBrowser = await app.SignedInAsync("demo.operator");
        var other = await QueryAsync(app, db => db.Municipalities.Where(m => m.Id != Kemerovo).Select(m => m.Id).FirstAsync());
        await operatorBrowser.GetPageAsync($"/operator/kindergarten/allocation?municipality={other}", HttpStatusCode.NotFound);
        await operatorBrowser.GetPageAsync($"/operator/kindergarten/settings?municipality={other}", HttpStatusCode.NotFound);
        var region = await app.SignedInAsync("demo.region");
        await region.GetPageAsync($"/operator/kindergarten/allocation?municipality={other}");
    }

    [Fact]
    public async Task Settings_are_validated_next_to_the_field_and_saved()
    {
        var operatorBrowser = await app.SignedInAsync("demo.operator");
        var bad = await operatorBrowser.SubmitFormAsync("/operator/kindergarten/settings", new Dictionary<string, string>
        {
            ["ReferralValidDays"] = "0", ["ReviewDays"] = "7", ["ExpiredReferral"] = "NoShow", ["AllocationFrom"] = "29.02", ["AllocationTo"] = "31.13", ["Version"] = "0",
        });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var page = Html.Parse(await bad.Content.ReadAsStringAsync());
        Assert.Contains("от 1 до 180", page.Text("#ReferralValidDays-error"), StringComparison.Ordinal);
        Assert.Contains("дд.мм", page.Text("#AllocationFrom-error"), StringComparison.Ordinal);
        Assert.Contains("дд.мм", page.Text("#AllocationTo-error"), StringComparison.Ordinal);
        var version = await QueryAsync(app, db => db.MunicipalQueueSettings.Where(s => s.MunicipalityId == Kemerovo).Select(s => (int?)s.Version).FirstOrDefaultAsync());

        var good = await operatorBrowser.SubmitFormAsync("/operator/kindergarten/settings", new Dictionary<string, string>
        {
            ["ReferralValidDays"] = "30", ["ReviewDays"] = "7", ["ExpiredReferral"] = "NoShow", ["AllocationFrom"] = "1.6", ["AllocationTo"] = "31.08",
            ["Version"] = (version ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var saved = await QueryAsync(app, db => db.MunicipalQueueSettings.SingleAsync(s => s.MunicipalityId == Kemerovo));
        Assert.Equal((601, 831), (saved.MainAllocationFrom, saved.MainAllocationTo));
        Assert.Equal("01.06", (await operatorBrowser.GetPageAsync("/operator/kindergarten/settings")).QuerySelector("#AllocationFrom")!.GetAttribute("value"));
        Assert.Contains("с 1 июня по 31 августа", (await operatorBrowser.GetPageAsync("/operator/kindergarten/allocation")).Text("#allocation-period"), StringComparison.Ordinal);
    }
}

/// <summary>Referral deadlines on a fake clock: one reminder three days before, then «Не явился» and the place back in the pool.</summary>
public sealed class ReferralDeadlineTests
{
    [Fact]
    public async Task An_unanswered_referral_is_reminded_once_then_expires_to_no_show()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 3, 0, 0, TimeSpan.Zero));
        await using var app = new KabinetApp(services: services => services.AddSingleton<TimeProvider>(clock));
        await app.InitializeAsync();
        var (kindergarten, group) = await NewGroupAsync(app, capacity: 1);
        var id = await WaitingChildAsync(app, "demo.roditel", kindergarten, new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        Assert.Equal(ConfirmOutcome.Confirmed, (await ConfirmAsync(app, (await PreviewAsync(app)).Result.Hash)).Outcome);
        // 20 November is outside the default main period (1 April – 31 May): the run is a top-up.
        Assert.Equal(AllocationKind.TopUp, await KindergartenTestData.QueryAsync(app, db => db.AllocationRuns.OrderByDescending(r => r.Id).Select(r => r.Kind).FirstAsync()));
        var deadlines = app.Services.GetRequiredService<ReferralDeadlines>();

        Assert.Equal((0, 0), await deadlines.RunDueAsync(CancellationToken.None));
        clock.Advance(TimeSpan.FromDays(28));
        Assert.Equal((1, 0), await deadlines.RunDueAsync(CancellationToken.None));
        Assert.Equal((0, 0), await deadlines.RunDueAsync(CancellationToken.None));
        var letters = await app.LettersAsync();
        Assert.Single(letters, l => l.Subject!.Contains("ответьте на направление", StringComparison.Ordinal));

        clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal((0, 1), await deadlines.RunDueAsync(CancellationToken.None));
        Assert.Equal(ReferralStatus.Expired, (await ReferralsAsync(app, id))[0].Status);
        var application = await KindergartenTestData.ApplicationAsync(app, id);
        Assert.Equal(ApplicationStatus.NoShow, application.Status);
        Assert.Contains("Срок направления истёк", application.History.OrderBy(h => h.Id).Last().Comment, StringComparison.Ordinal);
        Assert.Equal(1, (await PreviewAsync(app)).FreeByGroup[group]);
    }
}
