using Kabinet.Tests.Infrastructure;
using Kabinet.Web.Data;
using Kabinet.Web.Data.Seed;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.Institutions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kabinet.Tests.Home;

public sealed class HomePageTests(DemoApp app)
{
    [Fact]
    public async Task The_home_page_counts_the_region_in_proper_Russian()
    {
        var page = await app.CreateBrowser().GetPageAsync("/");

        var stats = page.QuerySelectorAll(".stats li").Select(li => string.Join(' ', li.TextContent.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries))).ToList();
        Assert.Equal("34 муниципалитета", stats[0]);
        Assert.Equal("60 школ", stats[2]);
        Assert.Equal("8 колледжей и техникумов", stats[3]);
        Assert.Equal("12 организаций доп. образования", stats[4]);
    }

    [Fact]
    public async Task The_home_page_search_box_leads_to_the_register()
    {
        var page = await app.CreateBrowser().GetPageAsync("/");

        var form = page.QuerySelector("form[action='/organisations']");
        Assert.Equal("get", form?.GetAttribute("method"));
        Assert.NotNull(form?.QuerySelector("input[name=q]"));
    }

    [Fact]
    public async Task A_school_administrator_finds_the_school_year_and_the_school_applications_on_services()
    {
        var admin = await app.SignedInAsync("demo.admin");

        var page = await admin.GetPageAsync("/services");

        var links = page.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/school/1/timetable", links);
        Assert.Contains("/enrollment/school/1", links);
        var timetable = await admin.GetPageAsync("/school/1/timetable");
        Assert.Contains("Расписание", timetable.QuerySelector("h1")?.TextContent ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_kindergarten_administrator_is_not_offered_school_applications_or_a_timetable()
    {
        await using var own = new KabinetApp();
        await own.InitializeAsync();
        int kindergarten;
        await using (var scope = own.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KabinetDbContext>();
            var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            kindergarten = await db.Organisations.Where(o => o.Kind == OrganisationKind.Kindergarten).OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();
            var taken = await db.Users.Select(u => u.PersonId).ToListAsync();
            var person = await db.People.Where(p => !taken.Contains(p.Id)).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
            var account = new Account { UserName = "test.sad.admin", Email = "test.sad.admin@kabinet.example", EmailConfirmed = true, PersonId = person, CreatedAt = now };
            Assert.True((await scope.ServiceProvider.GetRequiredService<UserManager<Account>>().CreateAsync(account, Seeder.DemoPassword)).Succeeded);
            db.RoleGrants.Add(RoleGrant.Create(account.Id, PortalRole.OrganisationAdmin, now, kindergarten));
            await db.SaveChangesAsync();
        }

        var admin = await own.SignedInAsync("test.sad.admin");
        var page = await admin.GetPageAsync("/services");

        var links = page.QuerySelectorAll("a").Select(a => a.GetAttribute("href") ?? "").ToList();
        Assert.Contains($"/applications/org/{kindergarten}/complaints", links);
        Assert.DoesNotContain(links, l => l.StartsWith("/enrollment/school/", StringComparison.Ordinal) || l.StartsWith("/school/", StringComparison.Ordinal));
    }
}
