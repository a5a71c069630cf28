using Kabinet.Tests.Infrastructure;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Families;
using Kabinet.Web.Features.Institutions;
using Kabinet.Web.Features.Kindergarten.Queue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kabinet.Tests.Kindergarten;

/// <summary>Arranging kindergarten tests through the database: a new child for a parent, kindergartens that take an age.</summary>
internal static class KindergartenTestData
{
    public const int Kemerovo = 1;

    /// <summary>The app's clock (the tests' apps run on the system clock, read through the same TimeProvider as the app).</summary>
    public static TimeProvider Clock(KabinetApp app) => app.Services.GetRequiredService<TimeProvider>();

    /// <summary>Today in the region, by the app's clock.</summary>
    public static DateOnly Today(KabinetApp app) => Kabinet.Web.Common.Time.RegionTime.Today(Clock(app));

    /// <summary>The 1 September parents usually apply for: this year's until May, next year's from June.</summary>
    public static DateOnly NextSeptemberOf(KabinetApp app)
    {
        var today = Today(app);
        return new DateOnly(today.Month >= 6 ? today.Year + 1 : today.Year, 9, 1);
    }

    /// <summary>Adds a child to the family of the account's person; returns the child's id.</summary>
    public static async Task<int> NewChildAsync(KabinetApp app, string parentLogin, DateOnly born, string firstName = "Алиса")
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KabinetDbContext>();
        var parent = await db.Users.SingleAsync(a => a.UserName == parentLogin);
        var child = new Person { LastName = "Тестова", FirstName = firstName, MiddleName = "Игоревна", BirthDate = born, Sex = Sex.Female };
        db.People.Add(child);
        await db.SaveChangesAsync();
        db.FamilyLinks.Add(new FamilyLink { GuardianId = parent.PersonId, ChildId = child.Id, Relation = FamilyRelation.Mother });
        await db.SaveChangesAsync();
        return child.Id;
    }

    /// <summary>Kindergartens of a municipality with a group for a child of this age (in months), by id.</summary>
    public static async Task<List<int>> KindergartensTakingAsync(KabinetApp app, int municipalityId, int ageMonths)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KabinetDbContext>();
        return await db.Organisations
            .Where(o => o.MunicipalityId == municipalityId && o.Kind == OrganisationKind.Kindergarten
                && db.KindergartenGroups.Any(g => g.OrganisationId == o.Id && g.AgeFromMonths <= ageMonths && ageMonths < g.AgeToMonths))
            .OrderBy(o => o.Id).Select(o => o.Id).ToListAsync();
    }

    public static async Task<T> QueryAsync<T>(KabinetApp app, Func<KabinetDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<KabinetDbContext>());
    }

    /// <summary>The demo family's toddler's application in Кемерово (in the queue) and the child.</summary>
    public static Task<(int Id, int Child)> DemoFamilyApplicationAsync(KabinetApp app) => QueryAsync(app, async db =>
    {
        var parent = await db.Users.SingleAsync(a => a.UserName == "demo.roditel");
        var family = await db.FamilyLinks.Where(l => l.GuardianId == parent.PersonId).Select(l => l.ChildId).ToListAsync();
        var application = await db.QueueApplications.Where(a => family.Contains(a.ChildPersonId) && a.Status == ApplicationStatus.Waiting).SingleAsync();
        return (application.Id, application.ChildPersonId);
    });

    public static Task<QueueApplication> ApplicationAsync(KabinetApp app, int id) =>
        QueryAsync(app, db => db.QueueApplications.AsNoTracking().Include(a => a.Choices).Include(a => a.History).SingleAsync(a => a.Id == id));

    /// <summary>A valid form: next 1 September (the child will be 3), the given kindergartens, general group, full day, consent.</summary>
    public static Dictionary<string, string> Form(DateOnly desired, params int[] kindergartens)
    {
        var form = new Dictionary<string, string>
        {
            ["DesiredDate"] = desired.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Focus"] = "General",
            ["Mode"] = "Full",
            ["Language"] = "русский",
            ["Consent"] = "true",
        };
        for (var i = 0; i < kindergartens.Length; i++)
            form[$"Kindergartens[{i}]"] = kindergartens[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
        return form;
    }
}
