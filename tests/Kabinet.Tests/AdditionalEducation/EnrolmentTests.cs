using System.Net;
using Kabinet.Tests.Infrastructure;
using Kabinet.Web.Common.Time;
using Kabinet.Web.Data;
using Kabinet.Web.Features.AdditionalEducation;
using Kabinet.Web.Features.AdditionalEducation.Catalogue;
using Kabinet.Web.Features.AdditionalEducation.Certificates;
using Kabinet.Web.Features.AdditionalEducation.Enrolments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Kabinet.Tests.AdditionalEducation.PfdoTestData;

namespace Kabinet.Tests.AdditionalEducation;

/// <summary>Enrolments and the certificate's money: never below zero, never more children than places, refunds, the new year.</summary>
public sealed class EnrolmentTests(IsolatedApp app) : IClassFixture<IsolatedApp>
{
    /// <summary>Amounts are shown with no-break spaces between thousands (a sum never wraps); tests compare them as plain spaces.</summary>
    private static string Plain(string? text) => (text ?? "").Replace('\u00a0', ' ').Replace('\u202f', ' ');

    private async Task<EnrolOutcome> EnrolAsync(int programmeId, int childId, TimeProvider? clock = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<KabinetDbContext>();
        var birth = await db.People.Where(p => p.Id == childId).Select(p => p.BirthDate!.Value).SingleAsync();
        var desk = clock is null ? services.GetRequiredService<EnrolmentDesk>()
            : new EnrolmentDesk(db, new CertificateIssuing(db, services.GetRequiredService<PfdoNotices>(), clock), services.GetRequiredService<PfdoNotices>(), clock);
        return await desk.EnrolAsync(programmeId, childId, birth, 1, CancellationToken.None);
    }

    [Fact]
    public async Task Five_enrolments_at_once_with_money_for_two_debit_exactly_two_and_the_balance_stays_at_zero()
    {
        var child = await NewChildAsync(app, "demo.roditel", Today(app).AddYears(-9));
        var certificate = await CertificateAsync(app, child, FreshMunicipality(), nominal: 2_000_00);
        var programmes = new List<int>();
        for (var i = 0; i < 5; i++)
            programmes.Add(await ProgrammeAsync(app, Funding.Certificate, 1_000_00, places: 10, name: $"Кружок {i}"));

        var outcomes = await Task.WhenAll(programmes.Select(p => Task.Run(() => EnrolAsync(p, child))));

        Assert.Equal(2, outcomes.Count(o => o.Enrolment is not null));
        Assert.All(outcomes.Where(o => o.Enrolment is null), o => Assert.StartsWith("Недостаточно средств на сертификате: остаток 0 ₽, стоимость 1 000 ₽", Plain(o.Problem), StringComparison.Ordinal));
        var year = Today(app).Year;
        Assert.Equal(0, await BalanceAsync(app, certificate, year));
        var ledger = await QueryAsync(app, db => db.CertificateLedger.Where(l => l.CertificateId == certificate).Select(l => l.AmountKopecks).ToListAsync());
        Assert.Equal([-1_000_00, -1_000_00], ledger);
        Assert.Equal(2, await QueryAsync(app, db => db.ProgrammeEnrolments.CountAsync(e => e.ChildPersonId == child)));
        // The refused ones took no place either.
        Assert.Equal(2, await QueryAsync(app, db => db.Programmes.Where(p => programmes.Contains(p.Id)).SumAsync(p => p.Taken)));
        Assert.Equal(CertificateKind.Funded, await QueryAsync(app, db => db.Certificates.Where(c => c.Id == certificate).Select(c => c.Kind).SingleAsync()));
    }

    [Fact]
    public async Task Five_children_at_once_on_two_places_enrol_exactly_two()
    {
        var programme = await ProgrammeAsync(app, Funding.Free, 0, places: 2, name: "Два места");
        var children = new List<int>();
        for (var i = 0; i < 5; i++)
            children.Add(await NewChildAsync(app, "demo.roditel", Today(app).AddYears(-8), $"Ребёнок{i}"));

        var outcomes = await Task.WhenAll(children.Select(c => Task.Run(() => EnrolAsync(programme, c))));

        Assert.Equal(2, outcomes.Count(o => o.Enrolment is not null));
        Assert.All(outcomes.Where(o => o.Enrolment is null), o => Assert.Equal("Свободных мест на программе нет.", o.Problem));
        Assert.Equal(2, await QueryAsync(app, db => db.Programmes.Where(p => p.Id == programme).Select(p => p.Taken).SingleAsync()));
        Assert.Equal(2, await QueryAsync(app, db => db.ProgrammeEnrolments.CountAsync(e => e.ProgrammeId == programme)));
    }

    [Fact]
    public async Task A_new_calendar_year_starts_at_its_own_nominal_and_leftovers_do_not_carry_over()
    {
        var child = await NewChildAsync(app, "demo.roditel", Today(app).AddYears(-10));
        var municipality = FreshMunicipality();
        var year = Today(app).Year;
        var certificate = await CertificateAsync(app, child, municipality, nominal: 5_000_00);
        await CertificateAsync(app, await NewChildAsync(app, "demo.roditel", Today(app).AddYears(-10)), municipality, nominal: 7_000_00, year: year + 1);
        var first = await ProgrammeAsync(app, Funding.Certificate, 1_000_00, places: 5);
        var second = await ProgrammeAsync(app, Funding.Certificate, 2_000_00, places: 5);
        Assert.NotNull((await EnrolAsync(first, child)).Enrolment);

        // Midnight of 1 January in the region (UTC+7) is still 31 December in UTC.
        var newYear = new FakeTimeProvider(new DateTimeOffset(RegionTime.ToUtc(new DateTime(year + 1, 1, 1, 0, 0, 1)), TimeSpan.Zero));
        Assert.NotNull((await EnrolAsync(second, child, newYear)).Enrolment);

        Assert.Equal(4_000_00, await BalanceAsync(app, certificate, year));
        Assert.Equal(5_000_00, await BalanceAsync(app, certificate, year + 1));
        Assert.Equal(7_000_00, await QueryAsync(app, db => db.CertificateBalances.Where(b => b.CertificateId == certificate && b.Year == year + 1).Select(b => b.StartKopecks).SingleAsync()));
    }

    [Fact]
    public async Task The_family_enrols_by_certificate_the_organisation_rejects_and_the_money_comes_back()
    {
        var parent = await app.SignedInAsync("demo.roditel");
        var child = await NewChildAsync(app, "demo.roditel", Today(app).AddYears(-11), "Злата");
        var certificate = await CertificateAsync(app, child, Kemerovo, nominal: 0);
        var programme = await ProgrammeAsync(app, Funding.Certificate, 4_500_00, places: 3, name: "Керамика");
        var page = await parent.GetPageAsync($"/pfdo/programmes/{programme}");
        Assert.Contains("остаток 12 000 ₽, после записи останется 7 500 ₽", Plain(page.Body!.TextContent), StringComparison.Ordinal);

        var enrolled = await parent.SubmitFormAsync($"/pfdo/programmes/{programme}", new Dictionary<string, string> { ["child"] = child.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, enrolled.StatusCode);
        Assert.Equal(7_500_00, await BalanceAsync(app, certificate, Today(app).Year));

        var organisation = await QueryAsync(app, db => db.Programmes.Where(p => p.Id == programme).Select(p => p.OrganisationId).SingleAsync());
        var enrolment = await QueryAsync(app, db => db.ProgrammeEnrolments.Where(e => e.ProgrammeId == programme).Select(e => e.Id).SingleAsync());
        var staff = await app.SignedInAsync("demo.dop");
        var blank = await staff.SubmitFormAsync($"/pfdo/org/{organisation}/enrolments", new Dictionary<string, string> { ["enrolmentId"] = $"{enrolment}", ["Reason"] = " " }, "Reject");
        Assert.Equal(HttpStatusCode.OK, blank.StatusCode);
        Assert.Contains("Укажите причину", await blank.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var rejected = await staff.SubmitFormAsync($"/pfdo/org/{organisation}/enrolments", new Dictionary<string, string> { ["enrolmentId"] = $"{enrolment}", ["Reason"] = "Группа сформирована" }, "Reject");
        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);

        Assert.Equal(12_000_00, await BalanceAsync(app, certificate, Today(app).Year));
        Assert.Equal(0, await QueryAsync(app, db => db.Programmes.Where(p => p.Id == programme).Select(p => p.Taken).SingleAsync()));
        var mine = (await parent.GetPageAsync("/pfdo")).Body!.TextContent;
        Assert.Contains("Возврат: заявка на программу «Керамика» отклонена", mine, StringComparison.Ordinal);
        Assert.Contains("Отклонена", mine, StringComparison.Ordinal);
        Assert.True(await QueryAsync(app, db => db.Notifications.AnyAsync(n => n.Kind == Kabinet.Web.Features.Notifications.NotificationKinds.PfdoEnrolment && n.Text.Contains("Группа сформирована"))));
    }

    [Fact]
    public async Task A_balance_too_low_is_refused_with_the_amounts_and_nothing_is_saved()
    {
        var parent = await app.SignedInAsync("demo.roditel");
        var child = await NewChildAsync(app, "demo.roditel", Today(app).AddYears(-12), "Дарья");
        var certificate = await CertificateAsync(app, child, FreshMunicipality(), nominal: 3_000_00);
        var programme = await ProgrammeAsync(app, Funding.Certificate, 3_500_50, places: 3, name: "Дорогая программа");

        var response = await parent.SubmitFormAsync($"/pfdo/programmes/{programme}", new Dictionary<string, string> { ["child"] = $"{child}" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Недостаточно средств на сертификате: остаток 3 000 ₽, стоимость 3 500,50 ₽.", Plain(page.Text("#child-error")));
        Assert.Equal(3_000_00, await BalanceAsync(app, certificate, Today(app).Year));
        Assert.False(await QueryAsync(app, db => db.ProgrammeEnrolments.AnyAsync(e => e.ChildPersonId == child)));
        Assert.Equal(0, await QueryAsync(app, db => db.Programmes.Where(p => p.Id == programme).Select(p => p.Taken).SingleAsync()));
    }

    [Fact]
    public async Task A_child_of_the_wrong_age_or_without_a_certificate_is_refused()
    {
        var young = await NewChildAsync(app, "demo.roditel", Today(app).AddYears(-6), "Маша");
        var teens = await ProgrammeAsync(app, Funding.Free, 0, places: 3, ageFrom: 12, ageTo: 17);
        Assert.Equal("Программа для детей от 12 до 17 лет, а ребёнку 6.", (await EnrolAsync(teens, young)).Problem);
        var byCertificate = await ProgrammeAsync(app, Funding.Certificate, 100_00, places: 3);
        Assert.StartsWith("На эту программу записывают по сертификату", (await EnrolAsync(byCertificate, young)).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_family_takes_the_child_off_a_programme_and_the_unspent_months_come_back()
    {
        var parent = await app.SignedInAsync("demo.roditel");
        var child = await NewChildAsync(app, "demo.roditel", Today(app).AddYears(-9), "Ника");
        var certificate = await CertificateAsync(app, child, FreshMunicipality(), nominal: 12_000_00);
        var programme = await ProgrammeAsync(app, Funding.Certificate, 12_000_00, places: 3, name: "Танцы");
        var enrolment = (await EnrolAsync(programme, child)).Enrolment!;
        await QueryAsync(app, async db =>
        {
            var e = await db.ProgrammeEnrolments.SingleAsync(x => x.Id == enrolment.Id);
            e.TryMove(EnrolmentStatus.Enrolled, null, null, Now(app));
            return await db.SaveChangesAsync();
        });

        var response = await parent.SubmitFormAsync("/pfdo", new Dictionary<string, string> { ["enrolmentId"] = $"{enrolment.Id}", ["ConfirmLeave"] = "true" }, "Leave");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var expected = 12_000_00L * (12 - Today(app).Month) / 12;
        Assert.Equal(expected, await BalanceAsync(app, certificate, Today(app).Year));
        Assert.Equal(EnrolmentStatus.Left, await QueryAsync(app, db => db.ProgrammeEnrolments.Where(e => e.Id == enrolment.Id).Select(e => e.Status).SingleAsync()));
    }

    [Fact]
    public async Task Bad_programme_input_is_refused_next_to_the_field_and_nothing_is_saved()
    {
        var staff = await app.SignedInAsync("demo.dop");
        var organisation = await QueryAsync(app, db => db.RoleGrants.Join(db.Users.Where(u => u.UserName == "demo.dop"), g => g.AccountId, u => u.Id, (g, u) => g.OrganisationId!.Value).FirstAsync());
        var before = await QueryAsync(app, db => db.Programmes.CountAsync());

        var response = await staff.SubmitFormAsync($"/pfdo/org/{organisation}/programmes", new Dictionary<string, string>
        {
            ["Form.Name"] = "Лего", ["Form.Direction"] = "Technical", ["Form.AgeFrom"] = "7", ["Form.AgeTo"] = "10",
            ["Form.Funding"] = "Certificate", ["Form.Price"] = "0", ["Form.Places"] = "-1", ["Form.IsActive"] = "true",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("Укажите стоимость за год больше нуля", page.Text("[id='Form.Price-error']"), StringComparison.Ordinal);
        Assert.Equal("Число мест не может быть отрицательным.", page.Text("[id='Form.Places-error']"));
        Assert.Equal(before, await QueryAsync(app, db => db.Programmes.CountAsync()));

        var good = await staff.SubmitFormAsync($"/pfdo/org/{organisation}/programmes", new Dictionary<string, string>
        {
            ["Form.Name"] = "Лего", ["Form.Direction"] = "Technical", ["Form.AgeFrom"] = "7", ["Form.AgeTo"] = "10",
            ["Form.Funding"] = "Certificate", ["Form.Price"] = "4500,50", ["Form.Places"] = "12", ["Form.IsActive"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Equal(4_500_50, await QueryAsync(app, db => db.Programmes.Where(p => p.Name == "Лего").Select(p => p.PriceKopecks).SingleAsync()));
        var catalogue = await app.CreateBrowser().GetPageAsync("/pfdo/catalogue?q=лего&funding=Certificate&age=8");
        Assert.Contains("Лего", catalogue.Body!.TextContent, StringComparison.Ordinal);
    }
}
