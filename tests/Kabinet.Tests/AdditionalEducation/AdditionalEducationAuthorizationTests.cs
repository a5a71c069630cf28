using System.Globalization;
using System.Net;
using Kabinet.Tests.Infrastructure;
using Kabinet.Web.Features.AdditionalEducation.Catalogue;
using Kabinet.Web.Features.AdditionalEducation.Enrolments;
using Kabinet.Web.Features.Institutions;
using Microsoft.EntityFrameworkCore;
using static Kabinet.Tests.AdditionalEducation.PfdoTestData;

namespace Kabinet.Tests.AdditionalEducation;

/// <summary>
/// Every ПФДО page with a record in its address, as every role: a family sees only its children's applications, an
/// organisation's administrator only its programmes and enrolments, an operator only their municipality.
/// </summary>
public sealed class AdditionalEducationAuthorizationTests(IsolatedApp app) : IClassFixture<IsolatedApp>
{
    private static readonly string?[] Callers = [null, "demo.roditel", "demo.uchenik", "demo.uchitel", "demo.admin", "demo.operator", "demo.region", "demo.dop", OtherParent];

    public enum Target
    {
        /// <summary>The demo pupil's issued application in Кемерово.</summary>
        OwnApplication,

        /// <summary>The other family's application in another municipality.</summary>
        OtherApplication,

        OwnApplicationAtOperator,
        OtherApplicationAtOperator,

        /// <summary>demo.dop's organisation: programmes, one programme, enrolments.</summary>
        CentreProgrammes,
        CentreProgramme,
        CentreEnrolments,

        /// <summary>The demo gymnasium (demo.admin's): a school offers clubs too.</summary>
        GymnasiumProgrammes,

        /// <summary>A centre of another municipality: nobody's but the regional administrator's.</summary>
        OtherCentreEnrolments,
    }

    private sealed record Targets(int OwnApplication, int OtherApplication, int Centre, int CentreProgramme, int Gymnasium, int OtherCentre);

    private static Targets? _targets;
    private static readonly SemaphoreSlim Setup = new(1, 1);

    public static TheoryData<Target, string?> Cases()
    {
        var data = new TheoryData<Target, string?>();
        foreach (var target in Enum.GetValues<Target>())
        {
            foreach (var caller in Callers)
                data.Add(target, caller);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_caller_reaches_only_what_is_in_their_scope(Target target, string? caller)
    {
        var t = await TargetsAsync();
        var browser = caller is null ? app.CreateBrowser() : await app.SignedInAsync(caller);
        var url = target switch
        {
            Target.OwnApplication => $"/pfdo/applications/{t.OwnApplication}",
            Target.OtherApplication => $"/pfdo/applications/{t.OtherApplication}",
            Target.OwnApplicationAtOperator => $"/pfdo/operator/{t.OwnApplication}",
            Target.OtherApplicationAtOperator => $"/pfdo/operator/{t.OtherApplication}",
            Target.CentreProgrammes => $"/pfdo/org/{t.Centre}/programmes",
            Target.CentreProgramme => $"/pfdo/org/{t.Centre}/programmes/{t.CentreProgramme}",
            Target.CentreEnrolments => $"/pfdo/org/{t.Centre}/enrolments",
            Target.GymnasiumProgrammes => $"/pfdo/org/{t.Gymnasium}/programmes",
            _ => $"/pfdo/org/{t.OtherCentre}/enrolments",
        };

        var response = await browser.GetAsync(url);

        var expected = (caller, target) switch
        {
            (null, _) => HttpStatusCode.Redirect,
            ("demo.roditel", Target.OwnApplication) => HttpStatusCode.OK,
            (OtherParent, Target.OtherApplication) => HttpStatusCode.OK,
            (_, Target.OwnApplication or Target.OtherApplication) => HttpStatusCode.NotFound,
            ("demo.region", Target.OwnApplicationAtOperator or Target.OtherApplicationAtOperator) => HttpStatusCode.OK,
            ("demo.operator", Target.OwnApplicationAtOperator) => HttpStatusCode.OK,
            ("demo.operator", Target.OtherApplicationAtOperator) => HttpStatusCode.NotFound,
            (_, Target.OwnApplicationAtOperator or Target.OtherApplicationAtOperator) => HttpStatusCode.Forbidden,
            ("demo.region", _) => HttpStatusCode.OK,
            ("demo.dop", Target.CentreProgrammes or Target.CentreProgramme or Target.CentreEnrolments) => HttpStatusCode.OK,
            ("demo.admin", Target.GymnasiumProgrammes) => HttpStatusCode.OK,
            ("demo.dop" or "demo.admin", _) => HttpStatusCode.NotFound,
            _ => HttpStatusCode.Forbidden,
        };
        if (expected == HttpStatusCode.Forbidden && response.StatusCode == HttpStatusCode.Redirect)
            Assert.Contains("/error/403", response.Headers.Location?.ToString(), StringComparison.Ordinal);
        else
            Assert.True(expected == response.StatusCode, $"{caller} at {url}: expected {(int)expected}, got {(int)response.StatusCode}");
        if (expected == HttpStatusCode.Redirect)
            Assert.Contains("/account/login", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(OtherParent)]
    [InlineData("demo.uchitel")]
    [InlineData("demo.operator")]
    public async Task Nobody_outside_the_family_withdraws_its_application_or_takes_its_child_off_a_programme(string caller)
    {
        var t = await TargetsAsync();
        var child = await QueryAsync(app, db => db.CertificateApplications.Where(a => a.Id == t.OwnApplication).Select(a => a.ChildPersonId).SingleAsync());
        var enrolment = await QueryAsync(app, db => db.ProgrammeEnrolments.Where(e => e.ChildPersonId == child).Select(e => e.Id).FirstAsync());
        var browser = await app.SignedInAsync(caller);

        var leave = await browser.SubmitFormAsync("/pfdo", new Dictionary<string, string> { ["enrolmentId"] = $"{enrolment}", ["ConfirmLeave"] = "true" }, "Leave", tokenFrom: "/pfdo/apply");

        Assert.True(leave.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{(int)leave.StatusCode}");
        Assert.Equal(EnrolmentStatus.Enrolled, await QueryAsync(app, db => db.ProgrammeEnrolments.Where(e => e.Id == enrolment).Select(e => e.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_family_cannot_enrol_someone_elses_child()
    {
        var otherChild = await OtherFamilyAsync(app);
        var programme = await ProgrammeAsync(app, Funding.Free, 0, places: 5, name: "Открытая программа");
        var parent = await app.SignedInAsync("demo.roditel");

        var response = await parent.SubmitFormAsync($"/pfdo/programmes/{programme}", new Dictionary<string, string> { ["child"] = otherChild.ToString(CultureInfo.InvariantCulture) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Выберите ребёнка.", Html.Parse(await response.Content.ReadAsStringAsync()).Text("#child-error"));
        Assert.False(await QueryAsync(app, db => db.ProgrammeEnrolments.AnyAsync(e => e.ChildPersonId == otherChild)));
    }

    private async Task<Targets> TargetsAsync()
    {
        await Setup.WaitAsync();
        try
        {
            if (_targets is { } done && await QueryAsync(app, db => db.CertificateApplications.AnyAsync(a => a.Id == done.OtherApplication)))
                return done;
            var pupil = await PersonOfAsync(app, "demo.uchenik");
            var own = await QueryAsync(app, db => db.CertificateApplications.Where(a => a.ChildPersonId == pupil).Select(a => a.Id).SingleAsync());
            var otherChild = await OtherFamilyAsync(app);
            var otherMunicipality = await QueryAsync(app, db => db.Municipalities.Where(m => m.Id != Kemerovo
                && db.Organisations.Any(o => o.MunicipalityId == m.Id && o.Kind == OrganisationKind.AdditionalEducation)).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync());
            await CertificateAsync(app, otherChild, otherMunicipality, nominal: 1_000_00);
            var other = await QueryAsync(app, db => db.CertificateApplications.Where(a => a.ChildPersonId == otherChild).Select(a => a.Id).SingleAsync());
            var centre = await QueryAsync(app, db => db.RoleGrants.Join(db.Users.Where(u => u.UserName == "demo.dop"), g => g.AccountId, u => u.Id, (g, u) => g.OrganisationId!.Value).FirstAsync());
            var programme = await QueryAsync(app, db => db.Programmes.Where(p => p.OrganisationId == centre).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
            var gymnasium = await QueryAsync(app, db => db.RoleGrants.Join(db.Users.Where(u => u.UserName == "demo.admin"), g => g.AccountId, u => u.Id, (g, u) => g.OrganisationId!.Value).FirstAsync());
            var otherCentre = await QueryAsync(app, db => db.Organisations.Where(o => o.MunicipalityId == otherMunicipality && o.Kind == OrganisationKind.AdditionalEducation).Select(o => o.Id).FirstAsync());
            return (_targets = new Targets(own, other, centre, programme, gymnasium, otherCentre));
        }
        finally
        {
            Setup.Release();
        }
    }
}
