using System.Globalization;
using System.Net;
using Kabinet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Tests.CollegeAdmission;

/// <summary>
/// Every college route as every role: an applicant reaches only their own application, a college's admissions office
/// only its college, everyone else gets «not found» (or «forbidden» for the staff pages); the lists are public.
/// </summary>
[Collection(CollegeGroup.Name)]
public sealed class CollegeAuthorizationTests(CollegeApp app)
{
    private static readonly string?[] Callers =
        [null, "demo.roditel", "demo.uchenik", "demo.uchitel", "demo.admin", "demo.operator", "demo.region", "demo.college", CollegeApp.OtherCollegeAdmin, CollegeApp.Entrant, CollegeApp.Parent];

    private static readonly string[] Pages =
    [
        "/college", "/college/specialities/{speciality}", "/college/applications", "/college/applications/{application}",
        "/college/applications/{application}/documents/{document}", "/college/org/{college}/plan", "/college/org/{college}/applications",
        "/college/org/{college}/applications/{application}", "/college/org/{other}/applications/{application}", "/college/org/{other}/plan",
    ];

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

    private static readonly SemaphoreSlim Setup = new(1, 1);
    private static (int Speciality, int Application, int Document)? _target;

    /// <summary>The entrant's application (with its scan) to a speciality of the demo college.</summary>
    private async Task<(int Speciality, int Application, int Document)> TargetAsync()
    {
        await Setup.WaitAsync();
        try
        {
            if (_target is { } target && await app.InDbAsync(db => db.CollegeApplications.AnyAsync(a => a.Id == target.Application)))
                return target;
            var cast = await app.CastAsync();
            var speciality = await app.SpecialityAsync(cast.College);
            var id = CollegeForms.CreatedId(await CollegeForms.ApplyAsync(await app.SignedInAsync(CollegeApp.Entrant), speciality, CollegeForms.Valid()));
            var document = await app.InDbAsync(db => db.CollegeDocuments.Where(d => d.ApplicationId == id).Select(d => d.Id).SingleAsync());
            _target = (speciality, id, document);
            return _target.Value;
        }
        finally
        {
            Setup.Release();
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_caller_reaches_only_what_is_theirs(string page, string? caller)
    {
        var cast = await app.CastAsync();
        var (speciality, application, document) = await TargetAsync();
        var url = page.Replace("{speciality}", speciality.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{application}", application.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{document}", document.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{college}", cast.College.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{other}", cast.OtherCollege.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var browser = caller is null ? app.CreateBrowser() : await app.SignedInAsync(caller);

        var response = await browser.GetAsync(url);

        var staffPage = page.StartsWith("/college/org/", StringComparison.Ordinal);
        var orgAdmin = caller is "demo.admin" or "demo.college" or CollegeApp.OtherCollegeAdmin;
        var expected = (page, caller) switch
        {
            ("/college" or "/college/specialities/{speciality}", _) => HttpStatusCode.OK,
            (_, null) => HttpStatusCode.Redirect,
            ("/college/applications", _) => HttpStatusCode.OK,
            ("/college/applications/{application}" or "/college/applications/{application}/documents/{document}", CollegeApp.Entrant) => HttpStatusCode.OK,
            ("/college/applications/{application}/documents/{document}", "demo.college") => HttpStatusCode.OK,
            (_, _) when staffPage && !orgAdmin => HttpStatusCode.Forbidden,
            ("/college/org/{college}/plan" or "/college/org/{college}/applications" or "/college/org/{college}/applications/{application}", "demo.college") => HttpStatusCode.OK,
            ("/college/org/{other}/plan", CollegeApp.OtherCollegeAdmin) => HttpStatusCode.OK,
            _ => HttpStatusCode.NotFound,
        };
        if (expected == HttpStatusCode.Forbidden && response.StatusCode == HttpStatusCode.Redirect)
            Assert.Contains("/error/403", response.Headers.Location?.ToString(), StringComparison.Ordinal);
        else
            Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Redirect)
            Assert.Contains("/account/login", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_family_cannot_withdraw_the_application()
    {
        var (_, application, _) = await TargetAsync();
        var browser = await app.SignedInAsync(CollegeApp.Parent);
        var response = await browser.SubmitFormAsync($"/college/applications/{application}", new Dictionary<string, string> { ["ConfirmWithdraw"] = "true" },
            "Withdraw", tokenFrom: "/college/applications");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(Kabinet.Web.Features.CollegeAdmission.CollegeApplicationStatus.Submitted,
            await app.InDbAsync(db => db.CollegeApplications.Where(a => a.Id == application).Select(a => a.Status).SingleAsync()));
    }
}
