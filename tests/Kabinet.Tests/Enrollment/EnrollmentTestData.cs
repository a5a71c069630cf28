using System.Net.Http.Json;
using Kabinet.Tests.Infrastructure;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Families;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kabinet.Tests.Enrollment;

/// <summary>
/// The demo region on the opening morning of the 1st-grade campaign: 1 April 2027, 10:00 in Kemerovo. The demo seed
/// then makes campaigns for 2026 and 2027, and the demo family's Алиса is of first-grade age for 2027.
/// </summary>
public class EnrollmentApp(IDictionary<string, string?>? settings = null, DateTimeOffset? start = null)
    : KabinetApp(WithDefaults(settings), s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(start ?? OpeningMorning)))
{
    private static Dictionary<string, string?> WithDefaults(IDictionary<string, string?>? settings)
    {
        // One parent submits for many children here; the per-account limit has its own test.
        var all = new Dictionary<string, string?> { ["Enrollment:SubmissionsPerMinute"] = "1000" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            all[key] = value;
        return all;
    }

    public static readonly DateTimeOffset OpeningMorning = new(2027, 4, 1, 3, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock => (FakeTimeProvider)Services.GetRequiredService<TimeProvider>();
}

/// <summary>An enrollment app for one test class.</summary>
public sealed class EnrollmentIsolatedApp : EnrollmentApp;

/// <summary>The evening before the opening: 31 March 2027, 23:00 in Kemerovo.</summary>
public sealed class EnrollmentEveApp() : EnrollmentApp(start: new DateTimeOffset(2027, 3, 31, 16, 0, 0, TimeSpan.Zero));

internal static class EnrollmentTestData
{
    public const int Year = 2027;

    public static async Task<T> QueryAsync<T>(KabinetApp app, Func<KabinetDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<KabinetDbContext>());
    }

    /// <summary>The demo gymnasium (its territory has ул. Весенняя 2–60) and its municipality.</summary>
    public static Task<(int Id, int MunicipalityId)> GymnasiumAsync(KabinetApp app) => QueryAsync(app, async db =>
    {
        var admin = await db.Users.SingleAsync(a => a.UserName == "demo.admin");
        var id = await db.RoleGrants.Where(g => g.AccountId == admin.Id && g.OrganisationId != null).Select(g => g.OrganisationId!.Value).FirstAsync();
        var municipality = await db.Organisations.Where(o => o.Id == id).Select(o => o.MunicipalityId).SingleAsync();
        return (id, municipality);
    });

    /// <summary>Another school of the same municipality, or of another one.</summary>
    public static Task<int> SchoolAsync(KabinetApp app, int municipalityId, bool same, int except) => QueryAsync(app, db =>
        db.Organisations.Where(o => o.Kind == Kabinet.Web.Features.Institutions.OrganisationKind.School && o.Id != except
                && (same ? o.MunicipalityId == municipalityId : o.MunicipalityId != municipalityId))
            .OrderBy(o => o.Id).Select(o => o.Id).FirstAsync());

    /// <summary>Adds a child to the family of the account's person; returns the child's id.</summary>
    public static Task<int> NewChildAsync(KabinetApp app, string parentLogin, DateOnly born, string firstName = "Тимур") => QueryAsync(app, async db =>
    {
        var parent = await db.Users.SingleAsync(a => a.UserName == parentLogin);
        var child = new Person { LastName = "Тестов", FirstName = firstName, MiddleName = "Игоревич", BirthDate = born, Sex = Sex.Male };
        db.People.Add(child);
        await db.SaveChangesAsync();
        db.FamilyLinks.Add(new FamilyLink { GuardianId = parent.PersonId, ChildId = child.Id, Relation = FamilyRelation.Mother });
        await db.SaveChangesAsync();
        return child.Id;
    });

    /// <summary>A child of first-grade age for 2027 (7 years on 1 September).</summary>
    public static Task<int> FirstGraderAsync(KabinetApp app, string parentLogin = "demo.roditel") => NewChildAsync(app, parentLogin, new DateOnly(2020, 5, 15));

    /// <summary>A complete 1st-grade application living on the gymnasium's territory.</summary>
    public static Dictionary<string, object?> FirstGrade(int childId, int schoolId, string street = "ул. Весенняя", string house = "10") => new()
    {
        ["kind"] = "FirstGrade",
        ["childId"] = childId,
        ["schoolId"] = schoolId,
        ["schoolYear"] = Year,
        ["grade"] = 1,
        ["right"] = "None",
        ["siblingName"] = null,
        ["street"] = street,
        ["house"] = house,
        ["adaptedProgramme"] = false,
        ["language"] = "русский",
        ["phone"] = "+7 913 123-45-67",
        ["email"] = "mama@example.ru",
        ["birthCertificate"] = new Dictionary<string, object?> { ["series"] = "II-ЛО", ["number"] = "123456", ["issuedOn"] = "2020-06-01" },
        ["consentPersonalData"] = true,
        ["consentCharter"] = true,
    };

    public static Task<HttpResponseMessage> PostAsync(HttpClient browser, object body, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/school/applications") { Content = JsonContent.Create(body) };
        if (key is not null)
            request.Headers.Add("Idempotency-Key", key);
        return browser.SendAsync(request);
    }

    public static Task<int> CountAsync(KabinetApp app) => QueryAsync(app, db => db.SchoolApplications.CountAsync());
}
