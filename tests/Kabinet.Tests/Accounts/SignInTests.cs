using System.Net;
using Kabinet.Tests.Infrastructure;
using Kabinet.Web.Common.Time;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.Institutions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kabinet.Tests.Accounts;

public sealed class SignInTests(DemoApp app)
{
    public static TheoryData<string, PortalRole> DemoAccounts => new()
    {
        { "demo.roditel", PortalRole.Parent },
        { "demo.uchenik", PortalRole.Student },
        { "demo.uchitel", PortalRole.Teacher },
        { "demo.admin", PortalRole.OrganisationAdmin },
        { "demo.operator", PortalRole.MunicipalOperator },
        { "demo.region", PortalRole.RegionalAdmin },
        { "demo.college", PortalRole.OrganisationAdmin },
        { "demo.dop", PortalRole.OrganisationAdmin },
    };

    [Theory]
    [MemberData(nameof(DemoAccounts))]
    public async Task Every_demo_account_signs_in_and_the_top_panel_names_its_person(string login, PortalRole role)
    {
        var (browser, response) = await app.SignInAsync(login);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/services", response.Headers.Location?.OriginalString);
        var home = await browser.GetPageAsync("/");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KabinetDbContext>();
        var normalized = login.ToUpperInvariant();
        var account = await db.Users.SingleAsync(a => a.NormalizedUserName == normalized);
        var person = await db.People.SingleAsync(p => p.Id == account.PersonId);
        Assert.Equal(person.FullName, home.Text(".account-panel__name"));
        Assert.Contains(await db.RoleGrants.Where(g => g.AccountId == account.Id).Select(g => g.Role).ToListAsync(), r => r == role);
    }

    [Fact]
    public async Task The_demo_parent_is_the_legal_representative_of_a_pupil_of_gymnasium_1_a_kindergarten_child_a_toddler_in_the_queue_and_a_future_first_grader()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KabinetDbContext>();
        var parent = await db.Users.SingleAsync(a => a.UserName == "demo.roditel");
        var children = await db.FamilyLinks.Where(l => l.GuardianId == parent.PersonId).Select(l => l.ChildId).ToListAsync();

        Assert.Equal(4, children.Count);
        var september = new DateOnly(AcademicCalendar.StartYearOf(app.Services.GetRequiredService<TimeProvider>().Today()) + 1, 9, 1);
        Assert.Contains(await db.People.Where(p => children.Contains(p.Id)).Select(p => p.BirthDate!.Value).ToListAsync(),
            born => born.AddMonths(78) <= september && born.AddYears(8) >= september);
        Assert.True(await db.QueueApplications.AnyAsync(a => children.Contains(a.ChildPersonId) && a.Status == Kabinet.Web.Features.Kindergarten.Queue.ApplicationStatus.Waiting));
        Assert.True(await db.ClassMemberships.AnyAsync(m => children.Contains(m.PersonId) && db.ClassGroups.Any(c => c.Id == m.ClassGroupId && c.OrganisationId == 1 && c.Name == "5А")));
        Assert.True(await db.KindergartenPlacements.AnyAsync(p => children.Contains(p.PersonId)));
        var student = await db.Users.SingleAsync(a => a.UserName == "demo.uchenik");
        Assert.Contains(student.PersonId, children);
    }

    [Fact]
    public async Task The_login_is_case_insensitive()
    {
        var (_, response) = await app.SignInAsync("DEMO.Roditel");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Empty_fields_are_explained_next_to_each_field()
    {
        var (_, response) = await app.SignInAsync("", "");

        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Введите логин.", page.QuerySelector("#Login ~ .field-error")?.TextContent);
        Assert.Equal("Введите пароль.", page.QuerySelector("#Password ~ .field-error")?.TextContent);
    }

    [Fact]
    public async Task A_form_without_the_anti_forgery_token_is_rejected()
    {
        var response = await app.CreateBrowser().PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Login"] = "demo.roditel",
            ["Password"] = Kabinet.Web.Data.Seed.Seeder.DemoPassword,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/organisations?q=1", "/organisations?q=1")]
    [InlineData("https://evil.example/phish", "/services")]
    [InlineData("//evil.example", "/services")]
    public async Task After_sign_in_only_local_return_addresses_are_followed(string returnUrl, string expected)
    {
        var browser = app.CreateBrowser();
        var response = await browser.SubmitFormAsync("/account/login?ReturnUrl=" + Uri.EscapeDataString(returnUrl), new Dictionary<string, string>
        {
            ["Login"] = "demo.admin",
            ["Password"] = Kabinet.Web.Data.Seed.Seeder.DemoPassword,
            ["ReturnUrl"] = returnUrl,
        });

        Assert.Equal(expected, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var browser = await app.SignedInAsync("demo.operator");

        var response = await browser.SubmitFormAsync("/account/logout", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Войти", (await browser.GetPageAsync("/")).Text(".account-panel a"));
    }
}

/// <summary>Failed sign-ins change the account (the failure counter), so they run on an app of their own.</summary>
public sealed class FailedSignInTests(IsolatedApp app) : IClassFixture<IsolatedApp>
{
    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message_that_does_not_say_which_part_was_wrong()
    {
        var (browser, response) = await app.SignInAsync("demo.uchitel", "not-the-password");
        var (_, unknown) = await app.SignInAsync("nobody.here", "not-the-password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("Неверный логин или пароль.", page.Text(".error-summary"), StringComparison.Ordinal);
        Assert.Equal("", page.QuerySelector("#Password")?.GetAttribute("value") ?? "");
        Assert.Equal("demo.uchitel", page.QuerySelector("#Login")?.GetAttribute("value"));
        Assert.Equal(page.Text(".error-summary"), Html.Parse(await unknown.Content.ReadAsStringAsync()).Text(".error-summary"));
        Assert.Equal("Войти", (await browser.GetPageAsync("/")).Text(".account-panel a"));
    }

    [Fact]
    public async Task Ten_failed_attempts_lock_the_account_for_a_while_even_with_the_right_password()
    {
        for (var i = 0; i < 10; i++)
            await app.SignInAsync("demo.region", "wrong-" + i);

        var (_, response) = await app.SignInAsync("demo.region");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Слишком много неудачных попыток входа", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
