using System.Net;
using Kabinet.Tests.Infrastructure;
using Kabinet.Web.Data;
using Kabinet.Web.Data.Seed;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.Institutions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kabinet.Tests.Diary;

/// <summary>
/// Every page of a school's structure, as every kind of caller: only that school's administrators and the regional
/// administrator open it; the administrator of another school gets «not found», other roles «forbidden», anonymous
/// people are sent to sign in; a kindergarten has no such pages.
/// </summary>
public sealed class DiaryAuthorizationTests(IsolatedApp app) : IClassFixture<IsolatedApp>
{
    private const string OtherSchoolAdmin = "other.school.admin";

    private static readonly string[] Pages = ["subjects", "work-kinds", "assignments", "bells", "timetable", "changes", "import", "periods"];

    private static readonly string?[] Callers = [null, "demo.roditel", "demo.uchenik", "demo.uchitel", "demo.operator", OtherSchoolAdmin, "demo.admin", "demo.region"];

    private enum Target
    {
        DemoGymnasium,
        AnotherSchool,
        Kindergarten,
        Nowhere,
    }

    public static TheoryData<string, string?> Cases()
    {
        var data = new TheoryData<string, string?>();
        foreach (var page in Pages)
        {
            foreach (var caller in Callers)
                data.Add(page, caller);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_caller_opens_only_the_schools_in_their_scope(string page, string? caller)
    {
        var ids = await TargetsAsync();
        var browser = caller is null ? app.CreateBrowser() : await app.SignedInAsync(caller);

        foreach (var target in Enum.GetValues<Target>())
        {
            var url = $"/school/{ids[target]}/{page}";
            var response = await browser.GetAsync(url);

            var expected = (caller, target) switch
            {
                (null, _) => HttpStatusCode.Redirect,
                ("demo.roditel" or "demo.uchenik" or "demo.uchitel" or "demo.operator", _) => HttpStatusCode.Forbidden,
                ("demo.admin", Target.DemoGymnasium) => HttpStatusCode.OK,
                (OtherSchoolAdmin, Target.AnotherSchool) => HttpStatusCode.OK,
                ("demo.region", Target.DemoGymnasium or Target.AnotherSchool) => HttpStatusCode.OK,
                _ => HttpStatusCode.NotFound,
            };
            if (expected == HttpStatusCode.Redirect)
            {
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.Contains("/account/login", response.Headers.Location?.ToString(), StringComparison.Ordinal);
            }
            else if (expected == HttpStatusCode.Forbidden)
            {
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden || response.Headers.Location?.ToString().Contains("/error/403", StringComparison.Ordinal) == true,
                    $"{caller} reached {url}: {(int)response.StatusCode}");
            }
            else
            {
                Assert.True(expected == response.StatusCode, $"{caller} at {url} ({target}): expected {(int)expected}, got {(int)response.StatusCode}");
            }
        }
    }

    [Theory]
    [InlineData("demo.uchitel")]
    [InlineData(OtherSchoolAdmin)]
    public async Task Nobody_outside_the_school_can_change_it(string caller)
    {
        var ids = await TargetsAsync();
        var browser = await app.SignedInAsync(caller);
        var token = (await browser.GetPageAsync("/account/profile")).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";

        var response = await browser.PostAsync($"/school/{ids[Target.DemoGymnasium]}/subjects?handler=Add",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Name"] = "Чужой предмет", ["ResultKind"] = "Marks", ["__RequestVerificationToken"] = token }));

        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden or HttpStatusCode.BadRequest
            || response.Headers.Location?.ToString().Contains("/error/403", StringComparison.Ordinal) == true, $"{(int)response.StatusCode}");
        await using var scope = app.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<KabinetDbContext>().Subjects.AnyAsync(s => s.Name == "Чужой предмет"));
    }

    private static readonly SemaphoreSlim Setup = new(1, 1);

    /// <summary>The schools tried, and an administrator of the second school (made once per app).</summary>
    private async Task<Dictionary<Target, int>> TargetsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KabinetDbContext>();
        var admin = await db.Users.SingleAsync(u => u.UserName == "demo.admin");
        var gymnasium = await db.RoleGrants.Where(g => g.AccountId == admin.Id && g.Role == PortalRole.OrganisationAdmin).Select(g => g.OrganisationId!.Value).SingleAsync();
        var another = await db.Organisations.Where(o => o.Kind == OrganisationKind.School && o.Id != gymnasium).OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();
        var kindergarten = await db.Organisations.Where(o => o.Kind == OrganisationKind.Kindergarten).OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();

        await Setup.WaitAsync();
        try
        {
            if (!await db.Users.AnyAsync(u => u.UserName == OtherSchoolAdmin))
            {
                var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
                var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
                var person = await db.People.OrderByDescending(p => p.Id).Select(p => p.Id).FirstAsync();
                var account = new Account { UserName = OtherSchoolAdmin, Email = $"{OtherSchoolAdmin}@kabinet.example", EmailConfirmed = true, PersonId = person, CreatedAt = now };
                Assert.True((await users.CreateAsync(account, Seeder.DemoPassword)).Succeeded);
                db.RoleGrants.Add(RoleGrant.Create(account.Id, PortalRole.OrganisationAdmin, now, another));
                await db.SaveChangesAsync();
            }
        }
        finally
        {
            Setup.Release();
        }

        return new Dictionary<Target, int>
        {
            [Target.DemoGymnasium] = gymnasium, [Target.AnotherSchool] = another, [Target.Kindergarten] = kindergarten, [Target.Nowhere] = 999_999,
        };
    }
}
