using System.Net;
using System.Text.Json;
using static Kabinet.Tests.Enrollment.EnrollmentTestData;

namespace Kabinet.Tests.Enrollment;

/// <summary>
/// Every enrollment route as every role, with real applications: the family sees its own only, the school only
/// applications to it, the operator only their municipality (another family's, school's or municipality's is 404).
/// </summary>
public sealed class EnrollmentAuthorizationTests(EnrollmentIsolatedApp app) : IClassFixture<EnrollmentIsolatedApp>, IAsyncLifetime
{
    private static readonly string?[] Callers = [null, "demo.roditel", "demo.uchenik", "demo.uchitel", "demo.admin", "demo.operator", "demo.region"];

    private int _school;
    private int _otherSchool;
    private int _otherMunicipality;
    private int _own;
    private int _toOtherSchool;

    public async ValueTask InitializeAsync()
    {
        int municipality;
        (_school, municipality) = await GymnasiumAsync(app);
        _otherSchool = await SchoolAsync(app, municipality, same: true, except: _school);
        _otherMunicipality = await QueryAsync(app, db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(db.Municipalities.Where(m => m.Id != municipality).Select(m => m.Id)));
        var parent = await app.SignedInAsync("demo.roditel");
        var child = await FirstGraderAsync(app);
        _own = await IdOfAsync(await PostAsync(parent, FirstGrade(child, _school), Guid.NewGuid().ToString()));
        var transfer = FirstGrade(child, _otherSchool);
        transfer["kind"] = "Transfer";
        transfer["grade"] = 2;
        transfer["currentSchool"] = "Школа № 1, г. Томск";
        _toOtherSchool = await IdOfAsync(await PostAsync(parent, transfer, Guid.NewGuid().ToString()));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static async Task<int> IdOfAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32();
    }

    private enum Who
    {
        Family,
        SchoolAdmin,
        Operators,
        SignedIn,
    }

    /// <summary>Route → (address, who may see it, what others signed in get).</summary>
    private Dictionary<string, (string Url, Who Who, HttpStatusCode Others)> Routes() => new()
    {
        ["own application"] = ($"/enrollment/applications/{_own}", Who.Family, HttpStatusCode.NotFound),
        ["own application (API)"] = ($"/api/v1/school/applications/{_own}", Who.Family, HttpStatusCode.NotFound),
        ["own scan"] = ($"/enrollment/applications/{_own}?handler=Document&document=999999", Who.SignedIn, HttpStatusCode.NotFound),
        ["school list"] = ($"/enrollment/school/{_school}", Who.SchoolAdmin, HttpStatusCode.Forbidden),
        ["school review"] = ($"/enrollment/school/{_school}/applications/{_own}", Who.SchoolAdmin, HttpStatusCode.Forbidden),
        ["another school's list"] = ($"/enrollment/school/{_otherSchool}", Who.SignedIn, HttpStatusCode.Forbidden),
        ["another school's application via this school"] = ($"/enrollment/school/{_school}/applications/{_toOtherSchool}", Who.SignedIn, HttpStatusCode.Forbidden),
        ["operator page"] = ("/enrollment/operator", Who.Operators, HttpStatusCode.Forbidden),
        ["another municipality"] = ($"/enrollment/operator?municipality={_otherMunicipality}", Who.Operators, HttpStatusCode.Forbidden),
        ["apply"] = ("/enrollment/apply/first-grade", Who.SignedIn, HttpStatusCode.OK),
        ["unknown kind"] = ("/enrollment/apply/eleventh-grade", Who.SignedIn, HttpStatusCode.NotFound),
    };

    /// <summary>What a caller gets: the table's special cases, else the permitted answer (200) or the others' one.</summary>
    private HttpStatusCode Expected(string route, string caller)
    {
        var (_, who, others) = Routes()[route];
        return (route, caller) switch
        {
            ("own scan", _) => HttpStatusCode.NotFound,
            ("another school's list", "demo.admin") => HttpStatusCode.NotFound,
            ("another school's application via this school", "demo.admin") => HttpStatusCode.NotFound,
            ("another municipality", "demo.operator") => HttpStatusCode.NotFound,
            ("another municipality", "demo.region") => HttpStatusCode.OK,
            ("unknown kind", _) => HttpStatusCode.NotFound,
            _ => who switch
            {
                Who.Family => caller == "demo.roditel" ? HttpStatusCode.OK : others,
                Who.SchoolAdmin => caller == "demo.admin" ? HttpStatusCode.OK : others,
                Who.Operators => caller is "demo.operator" or "demo.region" ? HttpStatusCode.OK : others,
                _ => others,
            },
        };
    }

    public static TheoryData<string, string?> Cases()
    {
        var routes = new[] { "own application", "own application (API)", "own scan", "school list", "school review", "another school's list", "another school's application via this school", "operator page", "another municipality", "apply", "unknown kind" };
        var data = new TheoryData<string, string?>();
        foreach (var route in routes)
        {
            foreach (var caller in Callers)
                data.Add(route, caller);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_caller_gets_what_the_table_says(string route, string? caller)
    {
        var url = Routes()[route].Url;
        var browser = caller is null ? app.CreateBrowser() : await app.SignedInAsync(caller);

        var response = await browser.GetAsync(url);

        if (caller is null)
        {
            Assert.Equal(url.StartsWith("/api/", StringComparison.Ordinal) ? HttpStatusCode.Unauthorized : HttpStatusCode.Redirect, response.StatusCode);
            return;
        }

        var expected = Expected(route, caller);
        if (expected == HttpStatusCode.Forbidden)
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden || response.Headers.Location?.ToString().Contains("/error/403", StringComparison.Ordinal) == true, $"{caller} reached {url}: {(int)response.StatusCode}");
        else
            Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task The_parents_list_shows_their_own_applications_and_another_account_sees_none()
    {
        var parent = await app.SignedInAsync("demo.roditel");
        var student = await app.SignedInAsync("demo.uchenik");

        var mine = await parent.GetStringAsync("/api/v1/school/applications");
        var theirs = await student.GetStringAsync("/api/v1/school/applications");

        Assert.Contains(JsonDocument.Parse(mine).RootElement.EnumerateArray(), a => a.GetProperty("id").GetInt32() == _own);
        Assert.Equal(0, JsonDocument.Parse(theirs).RootElement.GetArrayLength());
    }
}
