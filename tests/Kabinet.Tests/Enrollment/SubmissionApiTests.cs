using System.Net;
using System.Text.Json;
using Kabinet.Web.Features.Enrollment;
using Microsoft.EntityFrameworkCore;
using static Kabinet.Tests.Enrollment.EnrollmentTestData;

namespace Kabinet.Tests.Enrollment;

/// <summary>The enrollment API on the opening morning: numbers, idempotency, refusals that store nothing.</summary>
public sealed class SubmissionApiTests(EnrollmentIsolatedApp app) : IClassFixture<EnrollmentIsolatedApp>
{
    [Fact]
    public async Task A_first_grade_application_gets_its_number_and_a_replay_gets_the_same_answer()
    {
        var (school, _) = await GymnasiumAsync(app);
        var child = await FirstGraderAsync(app);
        var parent = await app.SignedInAsync("demo.roditel");
        var key = Guid.NewGuid().ToString();

        var first = await PostAsync(parent, FirstGrade(child, school), key);
        var firstBody = await first.Content.ReadAsStringAsync();
        var again = await PostAsync(parent, FirstGrade(child, school), key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(firstBody, await again.Content.ReadAsStringAsync());
        using var json = JsonDocument.Parse(firstBody);
        var number = json.RootElement.GetProperty("number").GetString();
        Assert.Matches(@"^1К-2027-\d{6}$", number);
        Assert.Equal("Зарегистрировано", json.RootElement.GetProperty("statusTitle").GetString());
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        var stored = await QueryAsync(app, db => db.SchoolApplications.Where(a => a.ChildPersonId == child).ToListAsync());
        var application = Assert.Single(stored);
        Assert.Equal(number, application.Number);
        Assert.True(application.OnTerritory);

        var view = await parent.GetAsync($"/api/v1/school/applications/{application.Id}");
        Assert.Equal(HttpStatusCode.OK, view.StatusCode);
        var mine = await parent.GetStringAsync("/api/v1/school/applications");
        Assert.Contains(number!, mine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_key_with_another_request_is_a_conflict_and_stores_nothing()
    {
        var (school, _) = await GymnasiumAsync(app);
        var child = await FirstGraderAsync(app);
        var parent = await app.SignedInAsync("demo.roditel");
        var key = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(parent, FirstGrade(child, school), key)).StatusCode);
        var before = await CountAsync(app);

        var other = await PostAsync(parent, FirstGrade(child, school, house: "12"), key);

        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Contains("Этот ключ уже использован для другого заявления", await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync(app));
    }

    [Fact]
    public async Task A_submission_without_a_key_is_a_bad_request()
    {
        var (school, _) = await GymnasiumAsync(app);
        var child = await FirstGraderAsync(app);
        var parent = await app.SignedInAsync("demo.roditel");

        var response = await PostAsync(parent, FirstGrade(child, school), key: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Idempotency-Key", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_familys_child_is_not_found()
    {
        var (school, _) = await GymnasiumAsync(app);
        var child = await FirstGraderAsync(app);
        var student = await app.SignedInAsync("demo.uchenik");
        var before = await CountAsync(app);

        var response = await PostAsync(student, FirstGrade(child, school), Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, await CountAsync(app));
    }

    public static TheoryData<string> BadInputs() => ["young", "old", "otherMunicipality", "duplicate", "missingProof", "noConsent", "badPhone", "notASchool"];

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_is_refused_in_Russian_next_to_its_field_and_nothing_is_saved(string bad)
    {
        var (school, municipality) = await GymnasiumAsync(app);
        var child = bad switch
        {
            "young" => await NewChildAsync(app, "demo.roditel", new DateOnly(2021, 3, 2)),
            "old" => await NewChildAsync(app, "demo.roditel", new DateOnly(2019, 8, 31)),
            _ => await FirstGraderAsync(app),
        };
        var parent = await app.SignedInAsync("demo.roditel");
        var body = FirstGrade(child, school);
        var field = "";
        switch (bad)
        {
            case "young" or "old":
                field = "agePermission";
                break;
            case "otherMunicipality":
                body["schoolId"] = await SchoolAsync(app, municipality, same: false, except: school);
                body["municipalityId"] = municipality;
                field = "schoolId";
                break;
            case "notASchool":
                body["schoolId"] = await QueryAsync(app, db => db.Organisations.Where(o => o.Kind == Kabinet.Web.Features.Institutions.OrganisationKind.Kindergarten).Select(o => o.Id).FirstAsync());
                field = "schoolId";
                break;
            case "duplicate":
                Assert.Equal(HttpStatusCode.Created, (await PostAsync(parent, FirstGrade(child, school), Guid.NewGuid().ToString())).StatusCode);
                field = "schoolId";
                break;
            case "missingProof":
                body["right"] = "Priority";
                field = "rightProof";
                break;
            case "noConsent":
                body["consentPersonalData"] = false;
                field = "consentPersonalData";
                break;
            case "badPhone":
                body["phone"] = "12";
                field = "phone";
                break;
        }

        var before = await CountAsync(app);

        var response = await PostAsync(parent, body, Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var message = json.RootElement.GetProperty("errors").GetProperty(field)[0].GetString();
        Assert.Matches("[А-Яа-я]", message);
        Assert.Equal(before, await CountAsync(app));
    }

    [Fact]
    public async Task Forty_parallel_submissions_are_numbered_one_to_forty_without_gaps()
    {
        var (school, municipality) = await GymnasiumAsync(app);
        // Another school of the municipality, so that this test's numbers are its own campaign's only ones of the transfer kind.
        var children = new List<int>();
        for (var i = 0; i < 40; i++)
            children.Add(await NewChildAsync(app, $"demo.roditel", new DateOnly(2015, 1, 1).AddDays(i), $"Ребёнок{i}"));
        var parent = await app.SignedInAsync("demo.roditel");
        var target = await SchoolAsync(app, municipality, same: true, except: school);

        var responses = await Task.WhenAll(children.Select(child =>
        {
            var body = FirstGrade(child, target);
            body["kind"] = "Transfer";
            body["grade"] = 5;
            body["currentSchool"] = "МБОУ «СОШ № 3», г. Новосибирск";
            return PostAsync(parent, body, Guid.NewGuid().ToString());
        }));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var sequences = await QueryAsync(app, db => db.SchoolApplications.Where(a => a.Kind == SchoolApplicationKind.Transfer && a.SchoolYear == Year && a.MunicipalityId == municipality)
            .OrderBy(a => a.Sequence).Select(a => a.Sequence).ToListAsync());
        Assert.Equal(Enumerable.Range(1, 40), sequences);
    }

    [Fact]
    public async Task Presses_at_the_same_moment_with_one_key_store_one_application_and_all_get_its_number()
    {
        var (school, _) = await GymnasiumAsync(app);
        var child = await FirstGraderAsync(app);
        var parent = await app.SignedInAsync("demo.roditel");
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => PostAsync(parent, FirstGrade(child, school), key)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        Assert.Single(bodies.Distinct());
        var stored = Assert.Single(await QueryAsync(app, db => db.SchoolApplications.Where(a => a.ChildPersonId == child).ToListAsync()));
        Assert.Contains(stored.Number, bodies[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_keys_for_one_child_and_school_at_the_same_moment_store_one_application_and_refuse_the_other()
    {
        var (school, _) = await GymnasiumAsync(app);
        var child = await FirstGraderAsync(app);
        var parent = await app.SignedInAsync("demo.roditel");

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => PostAsync(parent, FirstGrade(child, school), Guid.NewGuid().ToString())));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("уже есть заявление", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Single(await QueryAsync(app, db => db.SchoolApplications.Where(a => a.ChildPersonId == child).ToListAsync()));
    }
}
