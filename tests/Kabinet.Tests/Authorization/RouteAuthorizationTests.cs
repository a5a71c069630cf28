using System.Net;
using Kabinet.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Kabinet.Tests.Authorization;

/// <summary>
/// Every route of the app, tried as every role. A new route fails this test until it is added to the
/// table with who may use it. No route yet serves a family's own data; when one does, its row tries
/// another family's record too.
/// </summary>
public sealed class RouteAuthorizationTests(DemoApp app)
{
    private enum Access
    {
        /// <summary>Anyone, signed in or not.</summary>
        Public,

        /// <summary>Anyone signed in; anonymous people are sent to sign in (pages) or get 401 (API).</summary>
        SignedIn,

        /// <summary>Regional administrators only; other signed-in people get 403, anonymous ones are sent to sign in.</summary>
        RegionalAdmin,

        /// <summary>Organisation administrators only (each sees their own organisation's data).</summary>
        OrganisationAdmin,

        /// <summary>Organisation or regional administrators (each sees what is in their scope).</summary>
        AnyAdministrator,

        /// <summary>Municipal operators (their municipality) and regional administrators (all).</summary>
        Operator,

        /// <summary>Teachers (each sees only their own classes and subjects).</summary>
        Teacher,
    }

    /// <summary>Route pattern → a sample address, who may use it, and what a permitted caller gets.</summary>
    private static readonly Dictionary<string, (string Url, Access Access, HttpStatusCode Allowed)> Routes = new()
    {
        ["/"] = ("/", Access.Public, HttpStatusCode.OK),
        ["/organisations"] = ("/organisations", Access.Public, HttpStatusCode.OK),
        ["/organisations/{id:int}"] = ("/organisations/1", Access.Public, HttpStatusCode.OK),
        ["/kindergartens/map"] = ("/kindergartens/map", Access.Public, HttpStatusCode.OK),
        ["/docs/api"] = ("/docs/api", Access.Public, HttpStatusCode.OK),
        ["/account/login"] = ("/account/login", Access.Public, HttpStatusCode.OK),
        ["/account/logout"] = ("/account/logout", Access.SignedIn, HttpStatusCode.OK),
        ["/account/register"] = ("/account/register", Access.Public, HttpStatusCode.OK),
        ["/account/register/sent"] = ("/account/register/sent", Access.Public, HttpStatusCode.OK),
        ["/account/password"] = ("/account/password", Access.SignedIn, HttpStatusCode.OK),
        ["/account/sessions"] = ("/account/sessions", Access.SignedIn, HttpStatusCode.OK),
        ["/consent"] = ("/consent", Access.Public, HttpStatusCode.OK),
        ["/account/recover"] = ("/account/recover", Access.Public, HttpStatusCode.OK),
        ["/account/reset"] = ("/account/reset", Access.Public, HttpStatusCode.OK),
        ["/support/new"] = ("/support/new", Access.Public, HttpStatusCode.OK),
        ["/support/sent"] = ("/support/sent", Access.Public, HttpStatusCode.OK),
        ["/services"] = ("/services", Access.SignedIn, HttpStatusCode.OK),
        ["/children"] = ("/children", Access.SignedIn, HttpStatusCode.OK),
        ["/children/add"] = ("/children/add", Access.SignedIn, HttpStatusCode.OK),
        // Another family's child (or no such child) is "not found" for everyone; the parent's own case is in ChildrenTests.
        ["/children/{id:int}/access"] = ("/children/1/access", Access.SignedIn, HttpStatusCode.NotFound),
        ["/org/child-links"] = ("/org/child-links", Access.OrganisationAdmin, HttpStatusCode.OK),
        ["/org/accounts"] = ("/org/accounts", Access.OrganisationAdmin, HttpStatusCode.OK),
        ["/account/roles"] = ("/account/roles", Access.SignedIn, HttpStatusCode.OK),
        ["/account/profile"] = ("/account/profile", Access.SignedIn, HttpStatusCode.OK),
        ["/admin/roles"] = ("/admin/roles", Access.AnyAdministrator, HttpStatusCode.OK),
        ["/notifications"] = ("/notifications", Access.SignedIn, HttpStatusCode.OK),
        ["/notifications/settings"] = ("/notifications/settings", Access.SignedIn, HttpStatusCode.OK),
        ["/admin/support"] = ("/admin/support", Access.RegionalAdmin, HttpStatusCode.OK),
        ["/admin/support/{id:int}"] = ("/admin/support/999999", Access.RegionalAdmin, HttpStatusCode.NotFound),
        ["/college"] = ("/college", Access.Public, HttpStatusCode.OK),
        ["/college/specialities/{id:int}"] = ("/college/specialities/999999", Access.Public, HttpStatusCode.NotFound), // real lists: CollegeAuthorizationTests
        ["/college/apply"] = ("/college/apply?speciality=999999", Access.SignedIn, HttpStatusCode.NotFound),
        ["/college/applications"] = ("/college/applications", Access.SignedIn, HttpStatusCode.OK),
        // Own and others' applications, scans and the admissions office of each college: CollegeAuthorizationTests.
        ["/college/applications/{id:int}"] = ("/college/applications/999999", Access.SignedIn, HttpStatusCode.NotFound),
        ["/college/applications/{id:int}/documents/{documentId:int}"] = ("/college/applications/999999/documents/1", Access.SignedIn, HttpStatusCode.NotFound),
        ["/college/org/{orgId:int}/plan"] = ("/college/org/999999/plan", Access.OrganisationAdmin, HttpStatusCode.NotFound),
        ["/college/org/{orgId:int}/applications"] = ("/college/org/999999/applications", Access.OrganisationAdmin, HttpStatusCode.NotFound),
        ["/college/org/{orgId:int}/applications/{id:int}"] = ("/college/org/999999/applications/1", Access.OrganisationAdmin, HttpStatusCode.NotFound),
        ["/kindergarten"] = ("/kindergarten", Access.SignedIn, HttpStatusCode.OK),
        ["/kindergarten/apply"] = ("/kindergarten/apply", Access.SignedIn, HttpStatusCode.OK),
        ["/kindergarten/{id:int}"] = ("/kindergarten/999999", Access.SignedIn, HttpStatusCode.NotFound), // own applications: KindergartenAuthorizationTests
        ["/kindergarten/{id:int}/edit"] = ("/kindergarten/999999/edit", Access.SignedIn, HttpStatusCode.NotFound),
        // Exchange of places: the family's own announcement and exchanges are tried in KindergartenAuthorizationTests and ExchangeTests.
        ["/kindergarten/exchange"] = ("/kindergarten/exchange", Access.SignedIn, HttpStatusCode.OK),
        ["/kindergarten/{id:int}/exchange"] = ("/kindergarten/999999/exchange", Access.SignedIn, HttpStatusCode.NotFound),
        // Scans: the family's and the operators' downloads of real documents are in DocumentTests.
        ["/kindergarten/{id:int}/documents/{documentId:int}"] = ("/kindergarten/999999/documents/1", Access.SignedIn, HttpStatusCode.NotFound),
        ["/operator/kindergarten/{id:int}/documents/{documentId:int}"] = ("/operator/kindergarten/999999/documents/1", Access.Operator, HttpStatusCode.NotFound),
        ["/operator/kindergarten"] = ("/operator/kindergarten", Access.Operator, HttpStatusCode.OK),
        ["/operator/kindergarten/{id:int}"] = ("/operator/kindergarten/999999", Access.Operator, HttpStatusCode.NotFound),
        ["/operator/kindergarten/occupancy"] = ("/operator/kindergarten/occupancy", Access.Operator, HttpStatusCode.OK),
        ["/operator/kindergarten/queue"] = ("/operator/kindergarten/queue", Access.Operator, HttpStatusCode.OK),
        ["/operator/kindergarten/allocation"] = ("/operator/kindergarten/allocation", Access.Operator, HttpStatusCode.OK),
        ["/operator/kindergarten/settings"] = ("/operator/kindergarten/settings", Access.Operator, HttpStatusCode.OK),
        ["/operator/kindergarten/exchanges"] = ("/operator/kindergarten/exchanges", Access.Operator, HttpStatusCode.OK),
        ["/kindergarten/statistics"] = ("/kindergarten/statistics", Access.Public, HttpStatusCode.OK),
        ["/kindergarten/statistics.csv"] = ("/kindergarten/statistics.csv", Access.Public, HttpStatusCode.OK),
        // ПФДО: own children's applications and enrolments, other families, organisations and municipalities are tried in AdditionalEducationAuthorizationTests.
        ["/pfdo"] = ("/pfdo", Access.SignedIn, HttpStatusCode.OK),
        ["/pfdo/about"] = ("/pfdo/about", Access.Public, HttpStatusCode.OK),
        ["/pfdo/apply"] = ("/pfdo/apply", Access.SignedIn, HttpStatusCode.OK),
        ["/pfdo/applications/{id:int}"] = ("/pfdo/applications/999999", Access.SignedIn, HttpStatusCode.NotFound),
        ["/pfdo/catalogue"] = ("/pfdo/catalogue", Access.Public, HttpStatusCode.OK),
        ["/pfdo/programmes/{id:int}"] = ("/pfdo/programmes/999999", Access.Public, HttpStatusCode.NotFound),
        ["/pfdo/org/{orgId:int}/programmes"] = ("/pfdo/org/1/programmes", Access.AnyAdministrator, HttpStatusCode.OK), // the demo gymnasium
        ["/pfdo/org/{orgId:int}/programmes/{id:int}"] = ("/pfdo/org/1/programmes/999999", Access.AnyAdministrator, HttpStatusCode.NotFound),
        ["/pfdo/org/{orgId:int}/enrolments"] = ("/pfdo/org/1/enrolments", Access.AnyAdministrator, HttpStatusCode.OK),
        ["/pfdo/operator"] = ("/pfdo/operator", Access.Operator, HttpStatusCode.OK),
        ["/pfdo/operator/{id:int}"] = ("/pfdo/operator/999999", Access.Operator, HttpStatusCode.NotFound),
        ["/pfdo/operator/{id:int}/proof"] = ("/pfdo/operator/999999/proof", Access.Operator, HttpStatusCode.NotFound),
        ["/faq"] = ("/faq", Access.Public, HttpStatusCode.OK),
        ["/admin/faq"] = ("/admin/faq", Access.RegionalAdmin, HttpStatusCode.OK),
        ["/admin/faq/new"] = ("/admin/faq/new", Access.RegionalAdmin, HttpStatusCode.OK),
        ["/admin/faq/{id:int}"] = ("/admin/faq/1", Access.RegionalAdmin, HttpStatusCode.OK),
        ["/admin/faq/{id:int}/remove"] = ("/admin/faq/1/remove", Access.RegionalAdmin, HttpStatusCode.OK),
        ["/admin/kindergarten/grounds"] = ("/admin/kindergarten/grounds", Access.RegionalAdmin, HttpStatusCode.OK),
        ["/admin/kindergarten/grounds/{id:int}"] = ("/admin/kindergarten/grounds/1", Access.RegionalAdmin, HttpStatusCode.OK),
        ["/school/{organisationId:int}/subjects"] = ("/school/1/subjects", Access.AnyAdministrator, HttpStatusCode.OK), // the demo gymnasium; other schools: DiaryAuthorizationTests
        ["/school/{organisationId:int}/work-kinds"] = ("/school/1/work-kinds", Access.AnyAdministrator, HttpStatusCode.OK), // the demo gymnasium; other schools: DiaryAuthorizationTests
        ["/school/{organisationId:int}/assignments"] = ("/school/1/assignments", Access.AnyAdministrator, HttpStatusCode.OK), // the demo gymnasium; other schools: DiaryAuthorizationTests
        ["/school/{organisationId:int}/bells"] = ("/school/1/bells", Access.AnyAdministrator, HttpStatusCode.OK), // the demo gymnasium; other schools: DiaryAuthorizationTests
        ["/school/{organisationId:int}/timetable"] = ("/school/1/timetable", Access.AnyAdministrator, HttpStatusCode.OK), // the demo gymnasium; other schools: DiaryAuthorizationTests
        ["/school/{organisationId:int}/changes"] = ("/school/1/changes", Access.AnyAdministrator, HttpStatusCode.OK), // the demo gymnasium; other schools: DiaryAuthorizationTests
        ["/school/{organisationId:int}/import"] = ("/school/1/import", Access.AnyAdministrator, HttpStatusCode.OK), // the demo gymnasium; other schools: DiaryAuthorizationTests
        // The family diary: own children and other families are tried in FamilyDiaryAuthorizationTests; here a missing student or file.
        ["/diary"] = ("/diary", Access.SignedIn, HttpStatusCode.OK),
        ["/diary/{personId:int}"] = ("/diary/999999", Access.SignedIn, HttpStatusCode.NotFound),
        ["/diary/{personId:int}/marks"] = ("/diary/999999/marks", Access.SignedIn, HttpStatusCode.NotFound),
        ["/diary/{personId:int}/history"] = ("/diary/999999/history", Access.SignedIn, HttpStatusCode.NotFound),
        ["/diary/{personId:int}/materials"] = ("/diary/999999/materials", Access.SignedIn, HttpStatusCode.NotFound),
        ["/diary/{personId:int}/report"] = ("/diary/999999/report", Access.SignedIn, HttpStatusCode.NotFound),
        ["/diary/files/{fileId:long}"] = ("/diary/files/999999", Access.SignedIn, HttpStatusCode.NotFound),
        ["/messages"] = ("/messages", Access.SignedIn, HttpStatusCode.OK),
        ["/messages/new"] = ("/messages/new", Access.SignedIn, HttpStatusCode.OK),
        // Threads, attachments and class messages of real people are tried as every role in MessagesAuthorizationTests.
        ["/messages/{threadId:int}"] = ("/messages/999999", Access.SignedIn, HttpStatusCode.NotFound),
        ["/messages/attachments/{id:long}"] = ("/messages/attachments/999999", Access.SignedIn, HttpStatusCode.NotFound),
        ["/messages/broadcasts/{id:int}"] = ("/messages/broadcasts/999999", Access.SignedIn, HttpStatusCode.NotFound),
        ["/school/{organisationId:int}/periods"] = ("/school/1/periods", Access.AnyAdministrator, HttpStatusCode.OK), // the demo gymnasium; other schools: DiaryAuthorizationTests
        // The teacher's journal: their own and another teacher's classes are tried in JournalAuthorizationTests.
        ["/journal"] = ("/journal", Access.Teacher, HttpStatusCode.OK),
        ["/journal/{classGroupId:int}/{subjectId:int}"] = ("/journal/999999/1", Access.Teacher, HttpStatusCode.NotFound),
        ["/journal/{classGroupId:int}/{subjectId:int}/{date}/{number:int}"] = ("/journal/999999/1/2026-11-18/1", Access.Teacher, HttpStatusCode.NotFound),
        ["/journal/{classGroupId:int}/{subjectId:int}/marks"] = ("/journal/999999/1/marks", Access.Teacher, HttpStatusCode.NotFound),
        ["/journal/{classGroupId:int}/{subjectId:int}/export.csv"] = ("/journal/999999/1/export.csv", Access.Teacher, HttpStatusCode.NotFound),
        // «Заявления» and complaints: real complaints of every scope are tried as every role in ApplicationsAuthorizationTests.
        ["/applications"] = ("/applications", Access.SignedIn, HttpStatusCode.OK),
        ["/applications/complaint"] = ("/applications/complaint", Access.SignedIn, HttpStatusCode.OK),
        ["/applications/complaints/{id:int}"] = ("/applications/complaints/999999", Access.SignedIn, HttpStatusCode.NotFound),
        ["/applications/org/{orgId:int}/complaints"] = ("/applications/org/1/complaints", Access.AnyAdministrator, HttpStatusCode.OK), // the demo gymnasium
        ["/applications/org/{orgId:int}/complaints/{id:int}"] = ("/applications/org/1/complaints/999999", Access.AnyAdministrator, HttpStatusCode.NotFound),
        ["/applications/operator/complaints"] = ("/applications/operator/complaints", Access.Operator, HttpStatusCode.OK),
        ["/applications/operator/complaints/{id:int}"] = ("/applications/operator/complaints/999999", Access.Operator, HttpStatusCode.NotFound),
        // School enrollment: own applications, other families, other schools and municipalities are tried in EnrollmentAuthorizationTests.
        ["/enrollment"] = ("/enrollment", Access.SignedIn, HttpStatusCode.OK),
        ["/enrollment/apply/{kind}"] = ("/enrollment/apply/first-grade", Access.SignedIn, HttpStatusCode.OK),
        ["/enrollment/applications/{id:int}"] = ("/enrollment/applications/999999", Access.SignedIn, HttpStatusCode.NotFound),
        ["/enrollment/school/{orgId:int}"] = ("/enrollment/school/1", Access.OrganisationAdmin, HttpStatusCode.OK), // the demo gymnasium
        ["/enrollment/school/{orgId:int}/applications/{id:int}"] = ("/enrollment/school/1/applications/999999", Access.OrganisationAdmin, HttpStatusCode.NotFound),
        ["/enrollment/operator"] = ("/enrollment/operator", Access.Operator, HttpStatusCode.OK),
        ["/api/v1/school/applications"] = ("/api/v1/school/applications", Access.SignedIn, HttpStatusCode.OK),
        ["/api/v1/school/applications/{id:int}"] = ("/api/v1/school/applications/999999", Access.SignedIn, HttpStatusCode.NotFound),
        ["/dev/mail"] = ("/dev/mail", Access.Public, HttpStatusCode.NotFound), // Development only
        ["/error/{status:int}"] = ("/error/404", Access.Public, HttpStatusCode.NotFound),
        ["/api/v1/municipalities"] = ("/api/v1/municipalities", Access.Public, HttpStatusCode.OK),
        ["/api/v1/organisations"] = ("/api/v1/organisations", Access.Public, HttpStatusCode.OK),
        ["/api/v1/organisations/{id:int}"] = ("/api/v1/organisations/1", Access.Public, HttpStatusCode.OK),
        ["/health/live"] = ("/health/live", Access.Public, HttpStatusCode.OK),
        ["/health/ready"] = ("/health/ready", Access.Public, HttpStatusCode.OK),
        ["/openapi/{documentName}.json"] = ("/openapi/v1.json", Access.Public, HttpStatusCode.OK),
        ["/{**path}"] = ("/definitely/not/here", Access.Public, HttpStatusCode.NotFound),
        ["/{**path:file}"] = ("/no-such-file.css", Access.Public, HttpStatusCode.NotFound),
    };

    /// <summary>Where a permitted caller gets something else than the table's answer: a family with one student goes straight to that diary.</summary>
    private static readonly Dictionary<(string Route, string Caller), HttpStatusCode> ForCaller = new()
    {
        [("/diary", "demo.roditel")] = HttpStatusCode.Redirect,
        [("/diary", "demo.uchenik")] = HttpStatusCode.Redirect,
    };

    private static readonly string?[] Callers = [null, "demo.roditel", "demo.uchenik", "demo.uchitel", "demo.admin", "demo.operator", "demo.region"];

    public static TheoryData<string, string?> Cases()
    {
        var data = new TheoryData<string, string?>();
        foreach (var route in Routes.Keys)
        {
            foreach (var caller in Callers)
                data.Add(route, caller);
        }

        return data;
    }

    [Fact]
    public void Every_route_of_the_app_is_in_the_table()
    {
        var patterns = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(p => Routes.ContainsKey(p) || !IsStaticFile(p))
            .ToHashSet();

        var untabled = patterns.Except(Routes.Keys).ToList();
        var gone = Routes.Keys.Except(patterns).ToList();
        Assert.True(untabled.Count == 0, "Routes missing from the table: " + string.Join(", ", untabled));
        Assert.True(gone.Count == 0, "Table rows for routes that no longer exist: " + string.Join(", ", gone));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_route_answers_each_caller_as_the_table_says(string route, string? caller)
    {
        var (url, access, allowed) = Routes[route];
        var browser = caller is null ? app.CreateBrowser() : await app.SignedInAsync(caller);

        var response = await browser.GetAsync(url);

        var permitted = access switch
        {
            Access.RegionalAdmin => caller == "demo.region",
            Access.OrganisationAdmin => caller == "demo.admin",
            Access.AnyAdministrator => caller is "demo.admin" or "demo.region",
            Access.Operator => caller is "demo.operator" or "demo.region",
            Access.Teacher => caller == "demo.uchitel",
            _ => true,
        };
        if (!permitted && caller is not null)
        {
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden || response.Headers.Location?.ToString().Contains("/error/403", StringComparison.Ordinal) == true,
                $"{caller} reached {url}: {(int)response.StatusCode}");
        }
        else if (access == Access.Public || caller is not null)
        {
            Assert.Equal(caller is null ? allowed : ForCaller.GetValueOrDefault((route, caller), allowed), response.StatusCode);
        }
        else if (url.StartsWith("/api/", StringComparison.Ordinal))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("https://localhost/account/login?ReturnUrl=", response.Headers.Location?.ToString(), StringComparison.Ordinal);
        }
    }

    // MapStaticAssets adds one endpoint per file (and per compressed variant); a page with a file-like address
    // (/kindergarten/statistics.csv) is in the table and so still checked.
    private static bool IsStaticFile(string pattern) =>
        Path.HasExtension(pattern) && !pattern.Contains('{', StringComparison.Ordinal);
}
