using System.Net;
using Kabinet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Kabinet.Tests.Enrollment.EnrollmentTestData;

namespace Kabinet.Tests.Enrollment;

/// <summary>7 July 2027, 10:00 in Kemerovo: the window for everyone, which closes when the school's 1st-grade places run out.</summary>
public sealed class EnrollmentJulyApp() : EnrollmentApp(start: new DateTimeOffset(2027, 7, 7, 3, 0, 0, TimeSpan.Zero));

public sealed class PlacesTests(EnrollmentJulyApp app) : IClassFixture<EnrollmentJulyApp>
{
    [Fact]
    public async Task Once_the_school_has_enrolled_as_many_as_its_places_the_next_application_is_refused_with_the_reason()
    {
        var (school, _) = await GymnasiumAsync(app);
        var admin = await app.SignedInAsync("demo.admin");
        var set = await admin.SubmitFormAsync($"/enrollment/school/{school}?year={Year}", new Dictionary<string, string> { ["Places"] = "1" }, handler: "Places");
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);

        var parent = await app.SignedInAsync("demo.roditel");
        var first = await FirstGraderAsync(app);
        var accepted = await PostAsync(parent, FirstGrade(first, school, street: "ул. Неизвестная", house: "1"), Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        var application = await QueryAsync(app, db => db.SchoolApplications.SingleAsync(a => a.ChildPersonId == first));
        var review = $"/enrollment/school/{school}/applications/{application.Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync(review, new Dictionary<string, string>(), handler: "Review")).StatusCode);
        var enrolled = await admin.SubmitFormAsync(review,
            new Dictionary<string, string> { ["OrderNumber"] = "7-у", ["OrderDate"] = "2027-07-07" }, handler: "Enroll");
        Assert.Equal(HttpStatusCode.Redirect, enrolled.StatusCode);
        var page = await admin.GetPageAsync($"/enrollment/school/{school}?year={Year}");
        Assert.Contains("зачислено 1 из 1", page.Text("#places-count"), StringComparison.Ordinal);

        // The places were checked (and remembered) for the first application: the enrolment must count at once.
        var second = await NewChildAsync(app, "demo.roditel", new DateOnly(2020, 6, 1), "Пётр");
        var refused = await PostAsync(parent, FirstGrade(second, school, street: "ул. Неизвестная", house: "1"), Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Свободных мест в 1 классе этой школы больше нет", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await QueryAsync(app, db => db.SchoolApplications.AnyAsync(a => a.ChildPersonId == second)));

        // The school adds places: the same child is accepted now.
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync($"/enrollment/school/{school}?year={Year}", new Dictionary<string, string> { ["Places"] = "2" }, handler: "Places")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(parent, FirstGrade(second, school, street: "ул. Неизвестная", house: "1"), Guid.NewGuid().ToString())).StatusCode);
    }
}
