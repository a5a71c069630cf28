using Kabinet.Tests.Infrastructure;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Institutions;
using Kabinet.Web.Features.Kindergarten.Allocation;
using Kabinet.Web.Features.Kindergarten.Exchange;
using Kabinet.Web.Features.Kindergarten.Queue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Kabinet.Tests.Kindergarten.KindergartenTestData;

namespace Kabinet.Tests.Kindergarten;

/// <summary>Children who hold a place (a referral or an enrollment) in a test group, and the exchange pages driven through HTTP.</summary>
internal static class ExchangeTestData
{
    /// <summary>A three-year-old of the parent who holds a place in the group: a referral (Issued or Accepted) or an enrollment; returns the application id.</summary>
    public static async Task<int> HolderAsync(KabinetApp app, string parentLogin, int kindergarten, int group, ReferralStatus holding)
    {
        var today = Today(app);
        var born = today.AddYears(-3);
        var child = await NewChildAsync(app, parentLogin, born, "Ника");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KabinetDbContext>();
        var now = Clock(app).GetUtcNow().UtcDateTime;
        var parent = await db.Users.SingleAsync(a => a.UserName == parentLogin);
        var application = new QueueApplication
        {
            ChildPersonId = child, ChildBirthDate = born, ApplicantPersonId = parent.PersonId, MunicipalityId = Kemerovo, RegisteredAt = now.AddYears(-1),
            Focus = GroupFocus.Health, Mode = DailyMode.RoundTheClock, Status = holding == ReferralStatus.Enrolled ? ApplicationStatus.Enrolled : ApplicationStatus.Referred,
            StatusChangedAt = now, UpdatedAt = now,
        };
        application.Want(NextSeptemberOf(app));
        application.Choices.Add(new ApplicationChoice { Priority = 1, OrganisationId = kindergarten });
        db.QueueApplications.Add(application);
        var run = new AllocationRun { MunicipalityId = Kemerovo, AdmissionYear = application.AdmissionYear, ConfirmedAt = now, ResultHash = "exchange-test", Referrals = 1 };
        db.AllocationRuns.Add(run);
        await db.SaveChangesAsync();
        db.Referrals.Add(new Referral
        {
            ApplicationId = application.Id, MunicipalityId = Kemerovo, OrganisationId = kindergarten, KindergartenGroupId = group, AllocationRunId = run.Id,
            IssuedAt = now, ValidUntil = now.AddDays(30), Status = holding, DecidedAt = holding == ReferralStatus.Issued ? null : now,
        });
        if (holding == ReferralStatus.Enrolled)
            db.KindergartenPlacements.Add(new KindergartenPlacement { KindergartenGroupId = group, PersonId = child, Since = today });
        await db.SaveChangesAsync();
        return application.Id;
    }

    /// <summary>A new test group in its own kindergarten and a child of the parent holding a place in it: (kindergarten, group, application).</summary>
    public static async Task<(int Kindergarten, int Group, int Application)> PlaceAsync(KabinetApp app, string parentLogin, ReferralStatus holding)
    {
        var (kindergarten, group) = await NewKindergartenAsync(app);
        return (kindergarten, group, await HolderAsync(app, parentLogin, kindergarten, group, holding));
    }

    /// <summary>
    /// A new Кемерово kindergarten with one group (0–8 years, health, round the clock, 5 places): exchange scenarios need
    /// kindergartens nobody else wants, more than the demo region has to spare.
    /// </summary>
    public static async Task<(int Kindergarten, int Group)> NewKindergartenAsync(KabinetApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KabinetDbContext>();
        var number = Interlocked.Increment(ref _kindergartens);
        var kindergarten = new Organisation { MunicipalityId = Kemerovo, Kind = OrganisationKind.Kindergarten };
        kindergarten.Rename($"Муниципальное бюджетное дошкольное образовательное учреждение «Детский сад обмена № {number}»", $"МБДОУ «Детский сад обмена № {number}»");
        kindergarten.Relocate($"г. Кемерово, ул. Тестовая, {number}", 55.35, 86.08);
        db.Organisations.Add(kindergarten);
        await db.SaveChangesAsync();
        var group = new KindergartenGroup { OrganisationId = kindergarten.Id, Name = $"Обмен {number}", AgeFromMonths = 0, AgeToMonths = 96, Focus = GroupFocus.Health, Mode = DailyMode.RoundTheClock, Capacity = 5 };
        db.KindergartenGroups.Add(group);
        await db.SaveChangesAsync();
        return (kindergarten.Id, group.Id);
    }

    private static int _kindergartens;

    public static Task<HttpResponseMessage> PublishAsync(HttpClient browser, int application, params int[] wanted) =>
        PublishAsync(browser, application, wanted, comment: null);

    public static async Task<HttpResponseMessage> PublishAsync(HttpClient browser, int application, int[] wanted, string? comment, string version = "0")
    {
        var form = new Dictionary<string, string> { ["Version"] = version };
        for (var i = 0; i < wanted.Length; i++)
            form[$"Wanted[{i}]"] = wanted[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (comment is not null)
            form["Comment"] = comment;
        return await browser.SubmitFormAsync($"/kindergarten/{application}/exchange", form);
    }

    public static Task<HttpResponseMessage> AnswerAsync(HttpClient browser, int exchange, string handler) =>
        browser.SubmitFormAsync($"/kindergarten/exchange?exchange={exchange}", new Dictionary<string, string>(), handler);

    public static async Task<HttpResponseMessage> ApproveAsync(KabinetApp app, HttpClient operatorBrowser, int exchange)
    {
        var version = await QueryAsync(app, db => db.PlaceExchanges.Where(e => e.Id == exchange).Select(e => e.Version).SingleAsync());
        return await operatorBrowser.SubmitFormAsync($"/operator/kindergarten/exchanges?exchange={exchange}",
            new Dictionary<string, string> { ["Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "Approve");
    }

    public static Task<PlaceExchange> ExchangeAsync(KabinetApp app, int id) =>
        QueryAsync(app, db => db.PlaceExchanges.AsNoTracking().Include(e => e.Participants).Include(e => e.History).AsSplitQuery().SingleAsync(e => e.Id == id));

    /// <summary>The exchanges an application takes part in, oldest first.</summary>
    public static Task<List<PlaceExchange>> ExchangesOfAsync(KabinetApp app, int application) =>
        QueryAsync(app, db => db.PlaceExchanges.AsNoTracking().Include(e => e.Participants).Include(e => e.History).AsSplitQuery()
            .Where(e => e.Participants.Any(p => p.ApplicationId == application)).OrderBy(e => e.Id).ToListAsync());

    public static Task<List<ExchangeAnnouncement>> AnnouncementsAsync(KabinetApp app, int application) =>
        QueryAsync(app, db => db.ExchangeAnnouncements.AsNoTracking().Include(a => a.Wishes).Where(a => a.ApplicationId == application).OrderBy(a => a.Id).ToListAsync());

    /// <summary>The titles of the notifications the account got, newest first.</summary>
    public static Task<List<string>> NotificationsAsync(KabinetApp app, string login) =>
        QueryAsync(app, async db =>
        {
            var account = await db.Users.SingleAsync(a => a.UserName == login);
            return await db.Notifications.AsNoTracking().Where(n => n.AccountId == account.Id).OrderByDescending(n => n.Id).Select(n => n.Title).ToListAsync();
        });
}
