using System.Net;
using Kabinet.Tests.Infrastructure;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Kindergarten.Queue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kabinet.Tests.Kindergarten;

/// <summary>
/// Who may open which application: its family (any legal representative), the operator of its municipality and
/// the regional administrator — nobody else, and an operator of another municipality neither.
/// </summary>
public sealed class KindergartenAuthorizationTests(DemoApp app)
{
    private static readonly string?[] Callers = [null, "demo.roditel", "demo.uchenik", "demo.uchitel", "demo.admin", "demo.operator", "demo.region"];

    private enum Target
    {
        /// <summary>The demo family's toddler's application in Кемерово.</summary>
        OwnFamily,

        /// <summary>An application of another family in Кемерово.</summary>
        OtherFamilySameMunicipality,

        /// <summary>An application in another municipality.</summary>
        OtherMunicipality,
    }

    private static readonly string[] Pages = ["/kindergarten/{0}", "/kindergarten/{0}/edit", "/kindergarten/{0}/exchange", "/operator/kindergarten/{0}"];

    public static TheoryData<string, int, string?> Cases()
    {
        var data = new TheoryData<string, int, string?>();
        foreach (var page in Pages)
        {
            foreach (var target in Enum.GetValues<Target>())
            {
                foreach (var caller in Callers)
                    data.Add(page, (int)target, caller);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_caller_reaches_only_the_applications_in_their_scope(string page, int target, string? caller)
    {
        var id = await ApplicationIdAsync((Target)target);
        var url = string.Format(System.Globalization.CultureInfo.InvariantCulture, page, id);
        var browser = caller is null ? app.CreateBrowser() : await app.SignedInAsync(caller);

        var response = await browser.GetAsync(url);

        var operatorPage = page.StartsWith("/operator", StringComparison.Ordinal);
        var expected = (caller, operatorPage, (Target)target) switch
        {
            (null, _, _) => HttpStatusCode.Redirect,
            ("demo.operator" or "demo.region", false, _) => HttpStatusCode.NotFound, // staff see applications in the back office, not as a parent
            ("demo.region", true, _) => HttpStatusCode.OK,
            ("demo.operator", true, Target.OtherMunicipality) => HttpStatusCode.NotFound,
            ("demo.operator", true, _) => HttpStatusCode.OK,
            (_, true, _) => HttpStatusCode.Forbidden,
            ("demo.roditel", false, Target.OwnFamily) => HttpStatusCode.OK,
            _ => HttpStatusCode.NotFound,
        };
        if (expected == HttpStatusCode.Forbidden && response.StatusCode == HttpStatusCode.Redirect)
            Assert.Contains("/error/403", response.Headers.Location?.ToString(), StringComparison.Ordinal);
        else
            Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Redirect)
            Assert.Contains("/account/login", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("demo.uchitel")]
    [InlineData("demo.operator")]
    public async Task Nobody_outside_the_family_can_withdraw_its_application(string caller)
    {
        var id = await ApplicationIdAsync(Target.OwnFamily);
        var browser = await app.SignedInAsync(caller);
        var token = (await browser.GetPageAsync("/kindergarten/apply")).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
        var form = new Dictionary<string, string> { ["ConfirmWithdraw"] = "true" };
        if (token is not null)
            form["__RequestVerificationToken"] = token;

        var response = await browser.PostAsync($"/kindergarten/{id}?handler=Withdraw", new FormUrlEncodedContent(form));

        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{(int)response.StatusCode}");
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(ApplicationStatus.Waiting, (await scope.ServiceProvider.GetRequiredService<KabinetDbContext>().QueueApplications.SingleAsync(a => a.Id == id)).Status);
    }

    private async Task<int> ApplicationIdAsync(Target target)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KabinetDbContext>();
        var parent = await db.Users.SingleAsync(a => a.UserName == "demo.roditel");
        var family = await db.FamilyLinks.Where(l => l.GuardianId == parent.PersonId).Select(l => l.ChildId).ToListAsync();
        return target switch
        {
            Target.OwnFamily => await db.QueueApplications.Where(a => family.Contains(a.ChildPersonId) && a.Status == ApplicationStatus.Waiting).Select(a => a.Id).SingleAsync(),
            Target.OtherFamilySameMunicipality => await db.QueueApplications.Where(a => !family.Contains(a.ChildPersonId) && a.MunicipalityId == 1).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync(),
            _ => await db.QueueApplications.Where(a => a.MunicipalityId != 1).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync(),
        };
    }
}
