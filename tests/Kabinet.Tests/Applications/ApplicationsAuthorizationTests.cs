using System.Net;
using Kabinet.Tests.Infrastructure;
using static Kabinet.Tests.Applications.ComplaintTestData;

namespace Kabinet.Tests.Applications;

/// <summary>
/// Every complaint page and list as every role, on complaints of three scopes: the author sees only their own, an
/// organisation's administrator only those about their organisation, an operator only their municipality's, the
/// regional administrator all; anyone else gets «not found» (or «forbidden» without the role), anonymous people sign in.
/// </summary>
public sealed class ApplicationsAuthorizationTests(IsolatedApp app) : IClassFixture<IsolatedApp>
{
    private static readonly string?[] Callers =
        [null, "demo.roditel", "demo.uchenik", "demo.uchitel", "demo.admin", "demo.operator", "demo.region", OtherParent, OtherSchoolAdmin, OtherOperator];

    public enum Target
    {
        /// <summary>demo.roditel's complaint about the demo gymnasium (Кемерово).</summary>
        Own,

        /// <summary>Another family's complaint about the demo gymnasium.</summary>
        OtherFamily,

        /// <summary>Another family's complaint about a school of another municipality.</summary>
        FarSchool,
    }

    public enum Page
    {
        Author,
        OrganisationOfComplaint,
        Gymnasium,
        Operator,
    }

    private sealed record Targets(int Gymnasium, int FarSchool, IReadOnlyDictionary<Target, int> Complaints);

    private static readonly SemaphoreSlim Setup = new(1, 1);
    private static readonly Dictionary<KabinetApp, Targets> Made = [];

    public static TheoryData<Page, Target, string?> Cases()
    {
        var data = new TheoryData<Page, Target, string?>();
        foreach (var page in Enum.GetValues<Page>())
        {
            foreach (var target in Enum.GetValues<Target>())
            {
                foreach (var caller in Callers)
                    data.Add(page, target, caller);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_caller_opens_only_the_complaints_in_their_scope(Page page, Target target, string? caller)
    {
        var t = await TargetsAsync();
        var id = t.Complaints[target];
        var organisation = target == Target.FarSchool ? t.FarSchool : t.Gymnasium;
        var url = page switch
        {
            Page.Author => $"/applications/complaints/{id}",
            Page.OrganisationOfComplaint => $"/applications/org/{organisation}/complaints/{id}",
            Page.Gymnasium => $"/applications/org/{t.Gymnasium}/complaints/{id}",
            _ => $"/applications/operator/complaints/{id}",
        };
        var browser = caller is null ? app.CreateBrowser() : await app.SignedInAsync(caller);

        var response = await browser.GetAsync(url);

        var inKemerovo = target != Target.FarSchool;
        var expected = (caller, page) switch
        {
            (null, _) => HttpStatusCode.Redirect,
            (_, Page.Author) => caller == (target == Target.Own ? "demo.roditel" : OtherParent) ? HttpStatusCode.OK : HttpStatusCode.NotFound,
            ("demo.region", Page.Gymnasium or Page.OrganisationOfComplaint) => page == Page.Gymnasium && !inKemerovo ? HttpStatusCode.NotFound : HttpStatusCode.OK,
            ("demo.admin", Page.Gymnasium or Page.OrganisationOfComplaint) => inKemerovo ? HttpStatusCode.OK : HttpStatusCode.NotFound,
            (OtherSchoolAdmin, Page.Gymnasium) => HttpStatusCode.NotFound,
            (OtherSchoolAdmin, Page.OrganisationOfComplaint) => inKemerovo ? HttpStatusCode.NotFound : HttpStatusCode.OK,
            (_, Page.Gymnasium or Page.OrganisationOfComplaint) => HttpStatusCode.Forbidden,
            ("demo.region", Page.Operator) => HttpStatusCode.OK,
            ("demo.operator", Page.Operator) => inKemerovo ? HttpStatusCode.OK : HttpStatusCode.NotFound,
            (OtherOperator, Page.Operator) => inKemerovo ? HttpStatusCode.NotFound : HttpStatusCode.OK,
            _ => HttpStatusCode.Forbidden,
        };
        if (expected == HttpStatusCode.Redirect)
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/login", response.Headers.Location?.ToString(), StringComparison.Ordinal);
        }
        else if (expected == HttpStatusCode.Forbidden)
        {
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden || response.Headers.Location?.ToString().Contains("/error/403", StringComparison.Ordinal) == true,
                $"{caller} reached {url}: {(int)response.StatusCode}");
        }
        else
        {
            Assert.True(expected == response.StatusCode, $"{caller} at {url} ({target}): expected {(int)expected}, got {(int)response.StatusCode}");
        }
    }

    public static TheoryData<string> ListCallers() => [.. Callers.OfType<string>()];

    [Theory]
    [MemberData(nameof(ListCallers))]
    public async Task Each_list_shows_only_the_complaints_in_the_callers_scope(string caller)
    {
        var t = await TargetsAsync();
        var browser = await app.SignedInAsync(caller);

        var own = await ComplaintsOnAsync(browser, "/applications", t);
        Assert.Equal(caller switch
        {
            "demo.roditel" => [Target.Own],
            OtherParent => [Target.OtherFamily, Target.FarSchool],
            _ => [],
        }, own);

        var operatorList = await ComplaintsOnAsync(browser, "/applications/operator/complaints", t);
        Assert.Equal(caller switch
        {
            "demo.region" => [Target.Own, Target.OtherFamily, Target.FarSchool],
            "demo.operator" => [Target.Own, Target.OtherFamily],
            OtherOperator => [Target.FarSchool],
            _ => [],
        }, operatorList);

        var organisationLists = (await ComplaintsOnAsync(browser, $"/applications/org/{t.Gymnasium}/complaints", t))
            .Concat(await ComplaintsOnAsync(browser, $"/applications/org/{t.FarSchool}/complaints", t));
        Assert.Equal(caller switch
        {
            "demo.region" => [Target.Own, Target.OtherFamily, Target.FarSchool],
            "demo.admin" => [Target.Own, Target.OtherFamily],
            OtherSchoolAdmin => [Target.FarSchool],
            _ => [],
        }, organisationLists.Order());
    }

    /// <summary>Which of the test's complaints a page links to; a page the caller may not open shows none.</summary>
    private static async Task<List<Target>> ComplaintsOnAsync(HttpClient browser, string url, Targets t)
    {
        var response = await browser.GetAsync(url);
        if (response.StatusCode != HttpStatusCode.OK)
            return [];
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        var links = page.QuerySelectorAll("a").Select(a => a.GetAttribute("href") ?? "").ToList();
        return [.. t.Complaints.Where(c => links.Exists(l => l.EndsWith($"/complaints/{c.Value}", StringComparison.Ordinal))).Select(c => c.Key).Order()];
    }

    private async Task<Targets> TargetsAsync()
    {
        await Setup.WaitAsync();
        try
        {
            if (Made.TryGetValue(app, out var made))
                return made;
            await EnsureOtherPeopleAsync(app);
            var (gymnasium, _) = await GymnasiumAsync(app);
            var (far, _) = await FarSchoolAsync(app);
            var complaints = new Dictionary<Target, int>
            {
                [Target.Own] = await AddComplaintAsync(app, "demo.roditel", gymnasium),
                [Target.OtherFamily] = await AddComplaintAsync(app, OtherParent, gymnasium),
                [Target.FarSchool] = await AddComplaintAsync(app, OtherParent, far),
            };
            return Made[app] = new Targets(gymnasium, far, complaints);
        }
        finally
        {
            Setup.Release();
        }
    }
}
