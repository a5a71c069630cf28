using System.Net;
using Kabinet.Tests.Infrastructure;
using Kabinet.Web.Data;
using Kabinet.Web.Data.Seed;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.CollegeAdmission;
using Kabinet.Web.Features.Families;
using Kabinet.Web.Features.Institutions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kabinet.Tests.CollegeAdmission;

/// <summary>
/// The demo region on 1 July 2026, 10:00 in Kemerovo — inside the default acceptance window (20 June – 15 August) —
/// with a 16-year-old who applies for themself, a parent of another 16-year-old, and the admissions office of a
/// second college.
/// </summary>
public sealed class CollegeApp() : KabinetApp(services: s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(Now)))
{
    public static readonly DateTimeOffset Now = new(2026, 7, 1, 3, 0, 0, TimeSpan.Zero);

    public const string Entrant = "college.abiturient";
    public const string Parent = "college.roditel";
    public const string OtherCollegeAdmin = "college.other";

    private readonly SemaphoreSlim _setup = new(1, 1);
    private CollegeCast? _cast;

    /// <summary>Creates the people and accounts once.</summary>
    public async Task<CollegeCast> CastAsync()
    {
        await _setup.WaitAsync();
        try
        {
            return _cast ??= await CreateCastAsync();
        }
        finally
        {
            _setup.Release();
        }
    }

    private async Task<CollegeCast> CreateCastAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KabinetDbContext>();
        var demoCollege = await db.Users.Where(u => u.UserName == "demo.college").Join(db.RoleGrants, u => u.Id, g => g.AccountId, (u, g) => g.OrganisationId!.Value).FirstAsync();
        var otherCollege = await db.Organisations.Where(o => o.Kind == OrganisationKind.College && o.Id != demoCollege).OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();
        var school = await db.Organisations.Where(o => o.Kind == OrganisationKind.School).OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();
        var entrant = new Person { LastName = "Абитуриентова", FirstName = "Алина", MiddleName = "Сергеевна", BirthDate = new DateOnly(2010, 3, 3) };
        var parent = new Person { LastName = "Поступаев", FirstName = "Олег", BirthDate = new DateOnly(1980, 1, 1) };
        var child = new Person { LastName = "Поступаев", FirstName = "Илья", BirthDate = new DateOnly(2010, 5, 5) };
        var otherAdmin = new Person { LastName = "Приёмная", FirstName = "Ирина", BirthDate = new DateOnly(1975, 1, 1) };
        db.People.AddRange(entrant, parent, child, otherAdmin);
        await db.SaveChangesAsync();
        db.FamilyLinks.Add(new FamilyLink { GuardianId = parent.Id, ChildId = child.Id, Relation = FamilyRelation.Father });
        await db.SaveChangesAsync();
        var entrantAccount = await AccountAsync(scope.ServiceProvider, Entrant, entrant.Id, PortalRole.Student, school);
        var parentAccount = await AccountAsync(scope.ServiceProvider, Parent, parent.Id, PortalRole.Parent, null);
        await AccountAsync(scope.ServiceProvider, OtherCollegeAdmin, otherAdmin.Id, PortalRole.OrganisationAdmin, otherCollege);
        return new CollegeCast(demoCollege, otherCollege, entrant.Id, entrantAccount, parent.Id, parentAccount, child.Id);
    }

    private static async Task<int> AccountAsync(IServiceProvider services, string login, int personId, PortalRole role, int? organisationId)
    {
        var db = services.GetRequiredService<KabinetDbContext>();
        var users = services.GetRequiredService<UserManager<Account>>();
        var account = new Account { UserName = login, Email = $"{login}@kabinet.example", EmailConfirmed = true, PersonId = personId, CreatedAt = Now.UtcDateTime };
        var created = await users.CreateAsync(account, Seeder.DemoPassword);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        db.RoleGrants.Add(RoleGrant.Create(account.Id, role, Now.UtcDateTime, organisationId));
        await db.SaveChangesAsync();
        return account.Id;
    }

    /// <summary>A new speciality of a college (its own, so a test's applications rank alone); the window is the default one.</summary>
    public async Task<int> SpecialityAsync(int organisationId, EducationBasis basis = EducationBasis.Grade9, int budget = 2, bool medical = false, Action<Speciality>? change = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KabinetDbContext>();
        var municipality = await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.MunicipalityId).FirstAsync();
        var speciality = new Speciality
        {
            OrganisationId = organisationId, MunicipalityId = municipality, AdmissionYear = 2026, Code = "09.02.07", Name = "Информационные системы и программирование",
            Qualification = "Программист", Form = StudyForm.FullTime, Basis = basis, BudgetPlaces = budget, PaidPlaces = 5, MedicalExamination = medical,
        };
        speciality.UseDefaultWindow();
        change?.Invoke(speciality);
        db.Specialities.Add(speciality);
        await db.SaveChangesAsync();
        return speciality.Id;
    }

    /// <summary>An application written straight into the database (as the admissions office registers a paper one), for ranking cases.</summary>
    public async Task<int> PaperApplicationAsync(int specialityId, string lastName, int average, bool priority = false, bool target = false,
        Achievements achievements = Achievements.None, TimeSpan? earlier = null, CollegeApplicationStatus status = CollegeApplicationStatus.Submitted)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KabinetDbContext>();
        var speciality = await db.Specialities.FirstAsync(s => s.Id == specialityId);
        var person = new Person { LastName = lastName, FirstName = "Тест", BirthDate = new DateOnly(2010, 1, 1) };
        db.People.Add(person);
        await db.SaveChangesAsync();
        var at = Now.UtcDateTime - (earlier ?? TimeSpan.Zero);
        var application = new CollegeApplication
        {
            SpecialityId = specialityId, OrganisationId = speciality.OrganisationId, MunicipalityId = speciality.MunicipalityId, EntrantPersonId = person.Id,
            RegisteredAt = at, AverageHundredths = average, DocumentLevel = speciality.Basis, DocumentNumber = "1", DocumentIssuedOn = new DateOnly(2026, 6, 25),
            PriorityRight = priority, TargetContract = target, Achievements = achievements, AchievementCount = CollegeApplication.CountOf(achievements), PersonalDataConsent = true,
        };
        application.Register(null, at);
        if (status == CollegeApplicationStatus.Refused)
            application.TryMove(status, null, "причина", at);
        else if (status == CollegeApplicationStatus.Withdrawn)
            application.TryMove(status, null, null, at);
        db.CollegeApplications.Add(application);
        await db.SaveChangesAsync();
        return application.Id;
    }

    public async Task<T> InDbAsync<T>(Func<KabinetDbContext, Task<T>> read)
    {
        await using var scope = Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<KabinetDbContext>());
    }
}

public sealed record CollegeCast(int College, int OtherCollege, int EntrantId, int EntrantAccountId, int ParentId, int ParentAccountId, int ChildId);

[CollectionDefinition(Name)]
public sealed class CollegeGroup : ICollectionFixture<CollegeApp>
{
    public const string Name = "college";
}

internal static class CollegeForms
{
    public static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"u8.ToArray();

    /// <summary>The fields of a complete application for a 9-grade speciality; tests change what they check.</summary>
    public static Dictionary<string, string> Valid(EducationBasis level = EducationBasis.Grade9) => new()
    {
        ["Average"] = "4,50",
        ["DocumentLevel"] = level.ToString(),
        ["DocumentSeries"] = "",
        ["DocumentNumber"] = "04224000123",
        ["DocumentIssuedOn"] = "2026-06-25",
        ["Consent"] = "true",
    };

    /// <summary>Posts the application form as a browser would (multipart, with the page's anti-forgery token).</summary>
    public static async Task<HttpResponseMessage> ApplyAsync(HttpClient browser, int specialityId, IDictionary<string, string> fields, IDictionary<string, (string Name, byte[] Content)>? files = null)
    {
        var url = $"/college/apply?speciality={specialityId}";
        var page = await browser.GetPageAsync(url);
        var token = page.QuerySelector("form[method=post] input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException("No application form");
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields)
        {
            foreach (var one in value.Split('|'))
                form.Add(new StringContent(one), name);
        }

        files ??= new Dictionary<string, (string, byte[])> { ["certificate"] = ("attestat.pdf", Pdf) };
        foreach (var (field, (name, content)) in files)
            form.Add(new ByteArrayContent(content), field, name);
        return await browser.PostAsync(url, form);
    }

    /// <summary>The id of the application a successful submission redirected to.</summary>
    public static int CreatedId(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith("/college/applications/", location, StringComparison.Ordinal);
        return int.Parse(location["/college/applications/".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }
}
