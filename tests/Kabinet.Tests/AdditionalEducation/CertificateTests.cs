using System.Globalization;
using System.Net;
using Kabinet.Tests.Infrastructure;
using Kabinet.Web.Features.AdditionalEducation.Certificates;
using Kabinet.Web.Features.AdditionalEducation.Enrolments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Kabinet.Tests.AdditionalEducation.PfdoTestData;

namespace Kabinet.Tests.AdditionalEducation;

/// <summary>Applying for the certificate, the operator's decision, and the rules: age 5–18, proof of residence, one certificate per child.</summary>
public sealed class CertificateTests(IsolatedApp app) : IClassFixture<IsolatedApp>
{
    private static Dictionary<string, string> Form(int child, string? address = "г. Кемерово, ул. Весенняя, 5") => new()
    {
        ["child"] = child.ToString(CultureInfo.InvariantCulture), ["MunicipalityId"] = $"{Kemerovo}", ["Address"] = address ?? "",
    };

    [Theory]
    [InlineData(-1, "Сертификат выдают детям с 5 лет")] // 4 years and 364 days
    [InlineData(0, null)] // the 5th birthday
    [InlineData(18 * 365 + 10, "Сертификат выдают детям до 18 лет")]
    public async Task Only_a_child_from_5_until_18_may_apply(int daysOver5, string? refusal)
    {
        var parent = await app.SignedInAsync("demo.roditel");
        var today = Today(app);
        var born = daysOver5 > 365 ? today.AddYears(-18) : today.AddYears(-5).AddDays(-daysOver5);
        var child = await NewChildAsync(app, "demo.roditel", born);

        var response = await parent.SubmitFormAsync("/pfdo/apply", Form(child));

        if (refusal is null)
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/pfdo/applications/", response.Headers.Location?.ToString(), StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.StartsWith(refusal, Html.Parse(await response.Content.ReadAsStringAsync()).Text("#child-error"), StringComparison.Ordinal);
        }

        Assert.Equal(refusal is null, await QueryAsync(app, db => db.CertificateApplications.AnyAsync(a => a.ChildPersonId == child)));
    }

    [Fact]
    public async Task The_demo_family_sees_the_pupils_certificate_its_money_and_both_in_the_applications_list()
    {
        var parent = await app.SignedInAsync("demo.roditel");

        var page = (await parent.GetPageAsync("/pfdo")).Body!.TextContent.Replace('\u00a0', ' ');

        Assert.Contains("сертификат персонифицированного финансирования", page, StringComparison.Ordinal);
        Assert.Contains("12 000 ₽", page, StringComparison.Ordinal);
        Assert.Contains("6 000 ₽", page, StringComparison.Ordinal);
        Assert.Contains("Оплата программы «Робототехника: первые шаги»", page, StringComparison.Ordinal);

        await using var scope = app.Services.CreateAsyncScope();
        var sources = scope.ServiceProvider.GetServices<Kabinet.Web.Common.Applications.IApplicationSource>();
        var account = await QueryAsync(app, db => db.Users.Where(u => u.UserName == "demo.roditel").Select(u => u.Id).SingleAsync());
        var items = new List<Kabinet.Web.Common.Applications.ApplicationListItem>();
        foreach (var source in sources)
            items.AddRange(await source.OfAccountAsync(account, await PersonOfAsync(app, "demo.roditel"), CancellationToken.None));
        Assert.Contains(items, i => i.TypeTitle == "Сертификат дополнительного образования" && i.StatusTitle == "Сертификат выдан" && i.IsFinished);
        Assert.Contains(items, i => i.TypeTitle == "Запись на программу «Робототехника: первые шаги»" && i.StatusTitle == "Зачислен" && !i.IsFinished);
    }

    [Fact]
    public async Task Without_an_address_or_a_scan_the_application_is_refused_and_nothing_is_saved()
    {
        var parent = await app.SignedInAsync("demo.roditel");
        var child = await NewChildAsync(app, "demo.roditel", Today(app).AddYears(-7));

        var response = await parent.SubmitFormAsync("/pfdo/apply", Form(child, address: null));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("Подтвердите проживание в муниципалитете", Html.Parse(await response.Content.ReadAsStringAsync()).Text("#Address-error"), StringComparison.Ordinal);
        Assert.False(await QueryAsync(app, db => db.CertificateApplications.AnyAsync(a => a.ChildPersonId == child)));
    }

    [Fact]
    public async Task The_operator_issues_one_certificate_the_family_sees_it_and_cannot_get_a_second()
    {
        var parent = await app.SignedInAsync("demo.roditel");
        var child = await NewChildAsync(app, "demo.roditel", Today(app).AddYears(-8), "Соня");
        var submitted = await parent.SubmitFormAsync("/pfdo/apply", Form(child));
        var id = int.Parse(submitted.Headers.Location!.ToString().Split('/')[^1], CultureInfo.InvariantCulture);
        var again = await parent.SubmitFormAsync("/pfdo/apply", Form(child));
        Assert.Contains("уже подано и рассматривается", Html.Parse(await again.Content.ReadAsStringAsync()).Text("#child-error"), StringComparison.Ordinal);

        var operatorBrowser = await app.SignedInAsync("demo.operator");
        Assert.Equal(HttpStatusCode.Redirect, (await operatorBrowser.SubmitFormAsync($"/pfdo/operator/{id}", new Dictionary<string, string> { ["Version"] = "0" }, "Review")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await operatorBrowser.SubmitFormAsync($"/pfdo/operator/{id}", new Dictionary<string, string> { ["Version"] = "1" }, "Issue")).StatusCode);

        var number = Certificate.NumberFor(Kemerovo, id);
        var mine = (await parent.GetPageAsync("/pfdo")).Body!.TextContent;
        Assert.Contains($"№ {number}", mine, StringComparison.Ordinal);
        Assert.Contains("сертификат учёта", mine, StringComparison.Ordinal);
        var card = (await parent.GetPageAsync($"/pfdo/applications/{id}")).Body!.TextContent;
        Assert.Contains("Подано → На рассмотрении", card, StringComparison.Ordinal);
        Assert.Contains("На рассмотрении → Сертификат выдан", card, StringComparison.Ordinal);

        var second = await parent.SubmitFormAsync("/pfdo/apply", Form(child));
        Assert.Contains("уже есть сертификат", Html.Parse(await second.Content.ReadAsStringAsync()).Text("#child-error"), StringComparison.Ordinal);
        Assert.Equal(1, await QueryAsync(app, db => db.Certificates.CountAsync(c => c.ChildPersonId == child)));
    }

    [Fact]
    public async Task A_refusal_needs_a_reason_and_a_withdrawn_application_cannot_be_decided()
    {
        var parent = await app.SignedInAsync("demo.roditel");
        var refused = await NewChildAsync(app, "demo.roditel", Today(app).AddYears(-9), "Лиза");
        var withdrawn = await NewChildAsync(app, "demo.roditel", Today(app).AddYears(-9), "Нина");
        var refusedId = int.Parse((await parent.SubmitFormAsync("/pfdo/apply", Form(refused))).Headers.Location!.ToString().Split('/')[^1], CultureInfo.InvariantCulture);
        var withdrawnId = int.Parse((await parent.SubmitFormAsync("/pfdo/apply", Form(withdrawn))).Headers.Location!.ToString().Split('/')[^1], CultureInfo.InvariantCulture);
        var operatorBrowser = await app.SignedInAsync("demo.operator");

        var blank = await operatorBrowser.SubmitFormAsync($"/pfdo/operator/{refusedId}", new Dictionary<string, string> { ["Version"] = "0", ["Reason"] = "" }, "Refuse");
        Assert.Equal("Укажите причину отказа: её увидит семья.", Html.Parse(await blank.Content.ReadAsStringAsync()).Text("#Reason-error"));
        await operatorBrowser.SubmitFormAsync($"/pfdo/operator/{refusedId}", new Dictionary<string, string> { ["Version"] = "0", ["Reason"] = "Ребёнок живёт в другом муниципалитете" }, "Refuse");
        Assert.Contains("Ребёнок живёт в другом муниципалитете", (await parent.GetPageAsync($"/pfdo/applications/{refusedId}")).Body!.TextContent, StringComparison.Ordinal);

        await parent.SubmitFormAsync($"/pfdo/applications/{withdrawnId}", new Dictionary<string, string> { ["ConfirmWithdraw"] = "true" }, "Withdraw");
        await operatorBrowser.SubmitFormAsync($"/pfdo/operator/{withdrawnId}", new Dictionary<string, string> { ["Version"] = "1" }, "Issue", tokenFrom: "/pfdo/operator");

        Assert.Equal(CertificateApplicationStatus.Refused, await QueryAsync(app, db => db.CertificateApplications.Where(a => a.Id == refusedId).Select(a => a.Status).SingleAsync()));
        Assert.Equal(CertificateApplicationStatus.Withdrawn, await QueryAsync(app, db => db.CertificateApplications.Where(a => a.Id == withdrawnId).Select(a => a.Status).SingleAsync()));
        Assert.False(await QueryAsync(app, db => db.Certificates.AnyAsync(c => c.ChildPersonId == withdrawn)));
    }
}

/// <summary>The status lifecycles of certificate applications and enrolments, and the refund rule.</summary>
public sealed class PfdoStatusTests
{
    private static readonly DateTime Now = new(2026, 5, 10, 3, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void An_application_is_decided_once_and_withdrawn_only_before_the_decision()
    {
        var application = new CertificateApplication { SubmittedByAccountId = 1 };
        application.Submit(Now);
        Assert.True(application.TryMove(CertificateApplicationStatus.UnderReview, 2, null, Now));
        Assert.False(application.TryMove(CertificateApplicationStatus.Submitted, 2, null, Now));
        Assert.True(application.TryMove(CertificateApplicationStatus.Issued, 2, null, Now));
        Assert.False(application.TryMove(CertificateApplicationStatus.Withdrawn, 1, null, Now));
        Assert.False(application.TryMove(CertificateApplicationStatus.Refused, 2, "поздно", Now));
        Assert.Equal(["Подано", "На рассмотрении", "Сертификат выдан"], application.History.Select(h => h.To));

        var withdrawn = new CertificateApplication();
        Assert.True(withdrawn.TryMove(CertificateApplicationStatus.Withdrawn, 1, null, Now));
        Assert.False(withdrawn.TryMove(CertificateApplicationStatus.Issued, 2, null, Now));
    }

    [Fact]
    public void An_enrolment_is_confirmed_or_rejected_and_ends_once()
    {
        var enrolment = new ProgrammeEnrolment();
        Assert.False(enrolment.TryMove(EnrolmentStatus.Submitted, 1, null, Now));
        Assert.True(enrolment.TryMove(EnrolmentStatus.Enrolled, 1, null, Now));
        Assert.False(enrolment.TryMove(EnrolmentStatus.Rejected, 1, "нет", Now));
        Assert.True(enrolment.TryMove(EnrolmentStatus.Left, 1, null, Now));
        Assert.False(enrolment.TryMove(EnrolmentStatus.Enrolled, 1, null, Now));

        var rejected = new ProgrammeEnrolment();
        Assert.True(rejected.TryMove(EnrolmentStatus.Rejected, 1, "мест нет", Now));
        Assert.False(rejected.TryMove(EnrolmentStatus.Left, 1, null, Now));
    }

    [Theory]
    [InlineData(EnrolmentStatus.Submitted, 2026, 9, 12_000_00)] // not yet confirmed: everything back
    [InlineData(EnrolmentStatus.Enrolled, 2026, 9, 3_000_00)] // October to December
    [InlineData(EnrolmentStatus.Enrolled, 2026, 12, 0)]
    [InlineData(EnrolmentStatus.Submitted, 2027, 1, 0)] // last year's money does not carry over
    public void Leaving_refunds_the_whole_months_left_in_the_paid_year(EnrolmentStatus status, int year, int month, long refund)
    {
        var enrolment = new ProgrammeEnrolment { Year = 2026, AmountKopecks = 12_000_00 };
        if (status == EnrolmentStatus.Enrolled)
            enrolment.TryMove(EnrolmentStatus.Enrolled, 1, null, Now);
        Assert.Equal(refund, enrolment.RefundOnLeaving(new DateOnly(year, month, 15)));
    }

    [Theory]
    [InlineData("2021-05-11", "2026-05-10", false)] // 4 years 364 days
    [InlineData("2021-05-10", "2026-05-10", true)]
    [InlineData("2008-05-11", "2026-05-10", true)] // 17, the day before 18
    [InlineData("2008-05-10", "2026-05-10", false)]
    public void The_certificate_is_for_ages_5_to_18(string born, string today, bool allowed) =>
        Assert.Equal(allowed, CertificateApplication.AgeProblem(DateOnly.Parse(born, CultureInfo.InvariantCulture), DateOnly.Parse(today, CultureInfo.InvariantCulture)) is null);
}
