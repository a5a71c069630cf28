using Kabinet.Tests.Infrastructure;
using Kabinet.Web.Data;
using Kabinet.Web.Data.Seed;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.Applications;
using Kabinet.Web.Features.Institutions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kabinet.Tests.Applications;

/// <summary>The demo region as complaint tests need it: the gymnasium, its municipality, the demo family, and people of other places.</summary>
internal static class ComplaintTestData
{
    public const string OtherParent = "other.roditel";
    public const string OtherSchoolAdmin = "other.school.admin";
    public const string OtherOperator = "other.operator";

    private static readonly SemaphoreSlim Setup = new(1, 1);

    public static async Task<T> QueryAsync<T>(KabinetApp app, Func<KabinetDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<KabinetDbContext>());
    }

    public static Task<int> AccountIdAsync(KabinetApp app, string login) => QueryAsync(app, db => db.Users.Where(u => u.UserName == login).Select(u => u.Id).SingleAsync());

    public static Task<int> PersonIdAsync(KabinetApp app, string login) => QueryAsync(app, db => db.Users.Where(u => u.UserName == login).Select(u => u.PersonId).SingleAsync());

    /// <summary>The demo gymnasium (demo.admin's organisation) and its municipality (demo.operator's).</summary>
    public static Task<(int Gymnasium, int Municipality)> GymnasiumAsync(KabinetApp app) => QueryAsync(app, async db =>
    {
        var admin = await db.Users.SingleAsync(u => u.UserName == "demo.admin");
        var gymnasium = await db.RoleGrants.Where(g => g.AccountId == admin.Id && g.Role == PortalRole.OrganisationAdmin).Select(g => g.OrganisationId!.Value).SingleAsync();
        var municipality = await db.Organisations.Where(o => o.Id == gymnasium).Select(o => o.MunicipalityId).SingleAsync();
        return (gymnasium, municipality);
    });

    /// <summary>A school in another municipality than the gymnasium's.</summary>
    public static Task<(int School, int Municipality)> FarSchoolAsync(KabinetApp app) => QueryAsync(app, async db =>
    {
        var (_, kemerovo) = await GymnasiumAsync(app);
        var school = await db.Organisations.Where(o => o.Kind == OrganisationKind.School && o.MunicipalityId != kemerovo).OrderBy(o => o.Id).FirstAsync();
        return (school.Id, school.MunicipalityId);
    });

    /// <summary>A parent of another family, an administrator of the far school and an operator of its municipality (made once per app).</summary>
    public static async Task EnsureOtherPeopleAsync(KabinetApp app)
    {
        var (school, municipality) = await FarSchoolAsync(app);
        await Setup.WaitAsync();
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KabinetDbContext>();
            if (await db.Users.AnyAsync(u => u.UserName == OtherParent))
                return;
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
            var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            var taken = await db.Users.Select(u => u.PersonId).ToListAsync();
            var people = await db.People.Where(p => !taken.Contains(p.Id)).OrderByDescending(p => p.Id).Select(p => p.Id).Take(3).ToListAsync();
            async Task AddAsync(string login, int person, Func<int, RoleGrant> grant)
            {
                var account = new Account { UserName = login, Email = $"{login}@kabinet.example", EmailConfirmed = true, PersonId = person, CreatedAt = now };
                Assert.True((await users.CreateAsync(account, Seeder.DemoPassword)).Succeeded);
                db.RoleGrants.Add(grant(account.Id));
            }

            await AddAsync(OtherParent, people[0], id => RoleGrant.Create(id, PortalRole.Parent, now));
            await AddAsync(OtherSchoolAdmin, people[1], id => RoleGrant.Create(id, PortalRole.OrganisationAdmin, now, school));
            await AddAsync(OtherOperator, people[2], id => RoleGrant.Create(id, PortalRole.MunicipalOperator, now, municipalityId: municipality));
            await db.SaveChangesAsync();
        }
        finally
        {
            Setup.Release();
        }
    }

    /// <summary>A complaint put straight into the database (for scope tests that do not test the form).</summary>
    public static Task<int> AddComplaintAsync(KabinetApp app, string author, int organisationId, DateTime? createdAt = null) => QueryAsync(app, async db =>
    {
        var account = await db.Users.SingleAsync(u => u.UserName == author);
        var organisation = await db.Organisations.SingleAsync(o => o.Id == organisationId);
        var now = createdAt ?? app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var complaint = new Complaint
        {
            AuthorAccountId = account.Id, AuthorPersonId = account.PersonId, MunicipalityId = organisation.MunicipalityId, OrganisationId = organisationId,
            ChildName = "Тестова Анна", ClassName = "3Б", Text = "Классный руководитель не выдал логин.", Email = "test@kabinet.example", CreatedAt = now,
        };
        complaint.Filed(now);
        db.Complaints.Add(complaint);
        await db.SaveChangesAsync();
        return complaint.Id;
    });
}
