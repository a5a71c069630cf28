using Kabinet.Tests.Infrastructure;
using Kabinet.Web.Common.Time;
using Kabinet.Web.Data;
using Kabinet.Web.Data.Seed;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.AdditionalEducation.Catalogue;
using Kabinet.Web.Features.AdditionalEducation.Certificates;
using Kabinet.Web.Features.Families;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kabinet.Tests.AdditionalEducation;

/// <summary>Arranging ПФДО tests through the database: children, certificates with a nominal, programmes, another family.</summary>
internal static class PfdoTestData
{
    public const int Kemerovo = 1;

    /// <summary>A parent in another municipality, with a child of 10 there.</summary>
    public const string OtherParent = "pfdo.other.parent";

    private static readonly SemaphoreSlim Setup = new(1, 1);

    public static DateOnly Today(KabinetApp app) => app.Services.GetRequiredService<TimeProvider>().Today();

    /// <summary>The app's clock in UTC (a fake one where the test sets it).</summary>
    public static DateTime Now(KabinetApp app) => app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

    public static async Task<T> QueryAsync<T>(KabinetApp app, Func<KabinetDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<KabinetDbContext>());
    }

    public static async Task<int> PersonOfAsync(KabinetApp app, string login) =>
        await QueryAsync(app, db => db.Users.Where(u => u.UserName == login).Select(u => u.PersonId).SingleAsync());

    /// <summary>Adds a child to the family of the account's person; returns the child's id.</summary>
    public static async Task<int> NewChildAsync(KabinetApp app, string parentLogin, DateOnly born, string firstName = "Вера")
    {
        var parent = await PersonOfAsync(app, parentLogin);
        return await QueryAsync(app, async db =>
        {
            var child = new Person { LastName = "Сертификатова", FirstName = firstName, MiddleName = "Олеговна", BirthDate = born, Sex = Sex.Female };
            db.People.Add(child);
            await db.SaveChangesAsync();
            db.FamilyLinks.Add(new FamilyLink { GuardianId = parent, ChildId = child.Id, Relation = FamilyRelation.Mother });
            await db.SaveChangesAsync();
            return child.Id;
        });
    }

    /// <summary>A municipality of the region other than Кемерово that has no nominal yet for the year (each call a different one).</summary>
    private static int _nextMunicipality = 2;

    public static int FreshMunicipality() => Interlocked.Increment(ref _nextMunicipality);

    /// <summary>Sets a nominal and issues a certificate for the child in that municipality; returns the certificate id.</summary>
    public static async Task<int> CertificateAsync(KabinetApp app, int childId, int municipalityId, long nominal, int? year = null) =>
        await QueryAsync(app, async db =>
        {
            var today = Today(app);
            var y = year ?? today.Year;
            if (!await db.CertificateNominals.AnyAsync(n => n.MunicipalityId == municipalityId && n.Year == y))
                db.CertificateNominals.Add(new CertificateNominal { MunicipalityId = municipalityId, Year = y, AmountKopecks = nominal });
            var birth = await db.People.Where(p => p.Id == childId).Select(p => p.BirthDate!.Value).SingleAsync();
            var application = new CertificateApplication { ChildPersonId = childId, ChildBirthDate = birth, MunicipalityId = municipalityId, ResidenceAddress = "ул. Тестовая, 1" };
            application.Submit(Now(app).AddDays(-1));
            application.TryMove(CertificateApplicationStatus.Issued, null, null, Now(app).AddDays(-1));
            db.CertificateApplications.Add(application);
            await db.SaveChangesAsync();
            var certificate = new Certificate { Number = Certificate.NumberFor(municipalityId, application.Id), ChildPersonId = childId, MunicipalityId = municipalityId, ApplicationId = application.Id, ValidUntil = birth.AddYears(18) };
            db.Certificates.Add(certificate);
            await db.SaveChangesAsync();
            return certificate.Id;
        });

    public static async Task<int> ProgrammeAsync(KabinetApp app, Funding funding, long price, int places, int organisationId = 0, int ageFrom = 5, int ageTo = 17, string name = "Тестовая программа")
    {
        return await QueryAsync(app, async db =>
        {
            var organisation = organisationId != 0 ? organisationId
                : await db.Organisations.Where(o => o.MunicipalityId == Kemerovo && o.Kind == Kabinet.Web.Features.Institutions.OrganisationKind.AdditionalEducation).OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();
            var programme = new Programme { OrganisationId = organisation, MunicipalityId = Kemerovo, Direction = Direction.Technical, AgeFrom = ageFrom, AgeTo = ageTo, Funding = funding, PriceKopecks = price, Places = places };
            programme.Describe(name, "Описание");
            db.Programmes.Add(programme);
            await db.SaveChangesAsync();
            return programme.Id;
        });
    }

    public static Task<long> BalanceAsync(KabinetApp app, int certificateId, int year) =>
        QueryAsync(app, db => db.CertificateBalances.Where(b => b.CertificateId == certificateId && b.Year == year).Select(b => b.BalanceKopecks).SingleAsync());

    /// <summary>The other family: a parent account and their child of 10 in another municipality (made once per app); returns the child.</summary>
    public static async Task<int> OtherFamilyAsync(KabinetApp app)
    {
        await Setup.WaitAsync();
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KabinetDbContext>();
            if (await db.Users.Where(u => u.UserName == OtherParent).Select(u => (int?)u.PersonId).SingleOrDefaultAsync() is { } existing)
                return await db.FamilyLinks.Where(l => l.GuardianId == existing).Select(l => l.ChildId).FirstAsync();
            var parent = new Person { LastName = "Чужая", FirstName = "Ольга", BirthDate = new DateOnly(1985, 3, 3), Sex = Sex.Female };
            var child = new Person { LastName = "Чужой", FirstName = "Пётр", BirthDate = Today(app).AddYears(-10), Sex = Sex.Male };
            db.People.AddRange(parent, child);
            await db.SaveChangesAsync();
            db.FamilyLinks.Add(new FamilyLink { GuardianId = parent.Id, ChildId = child.Id, Relation = FamilyRelation.Mother });
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
            var account = new Account { UserName = OtherParent, Email = $"{OtherParent}@kabinet.example", EmailConfirmed = true, PersonId = parent.Id, CreatedAt = Now(app) };
            Assert.True((await users.CreateAsync(account, Seeder.DemoPassword)).Succeeded);
            db.RoleGrants.Add(RoleGrant.Create(account.Id, PortalRole.Parent, Now(app)));
            await db.SaveChangesAsync();
            return child.Id;
        }
        finally
        {
            Setup.Release();
        }
    }
}
