using System.Net;
using Kabinet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Kabinet.Tests.Enrollment.EnrollmentTestData;

namespace Kabinet.Tests.Enrollment;

/// <summary>The opening morning through the pages: the parent applies, presses again, the school enrolls, the parent sees it.</summary>
public sealed class FormJourneyTests(EnrollmentIsolatedApp app) : IClassFixture<EnrollmentIsolatedApp>
{
    [Fact]
    public async Task A_parent_applies_twice_with_one_key_and_the_school_enrolls_the_child()
    {
        var (school, municipality) = await GymnasiumAsync(app);
        var child = await FirstGraderAsync(app);
        var parent = await app.SignedInAsync("demo.roditel");
        var url = $"/enrollment/apply/first-grade?municipality={municipality}";
        var page = await parent.GetPageAsync(url);
        var key = page.QuerySelector("input[name='Form.IdempotencyKey']")!.GetAttribute("value")!;

        var first = await FormSteps.PostFormAsync(parent, page, url, FormSteps.FirstGradeForm(child, school, key));
        var second = await FormSteps.PostFormAsync(parent, page, url, FormSteps.FirstGradeForm(child, school, key));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        var applications = await QueryAsync(app, db => db.SchoolApplications.Where(a => a.ChildPersonId == child).ToListAsync());
        var application = Assert.Single(applications);
        var mine = await parent.GetPageAsync(first.Headers.Location!.ToString());
        Assert.Equal(application.Number, mine.Text("#application-number"));
        Assert.StartsWith("Зарегистрировано", mine.Text("#application-status"), StringComparison.Ordinal);

        var admin = await app.SignedInAsync("demo.admin");
        var reviewUrl = $"/enrollment/school/{school}/applications/{application.Id}";
        var list = await admin.GetPageAsync($"/enrollment/school/{school}");
        Assert.Contains(application.Number, list.Body!.TextContent, StringComparison.Ordinal);
        var accepted = await admin.SubmitFormAsync(reviewUrl, new Dictionary<string, string>(), handler: "Review");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var noOrder = await admin.SubmitFormAsync(reviewUrl, new Dictionary<string, string> { ["OrderNumber"] = "", ["OrderDate"] = "2027-04-05" }, handler: "Enroll");
        Assert.Equal(HttpStatusCode.OK, noOrder.StatusCode);
        Assert.Contains("Укажите номер приказа", Html.Parse(await noOrder.Content.ReadAsStringAsync()).Text("#OrderNumber-error"), StringComparison.Ordinal);
        var enrolled = await admin.SubmitFormAsync(reviewUrl, new Dictionary<string, string> { ["OrderNumber"] = "42-у", ["OrderDate"] = "2027-04-05" }, handler: "Enroll");
        Assert.Equal(HttpStatusCode.Redirect, enrolled.StatusCode);

        var seen = await parent.GetPageAsync(first.Headers.Location!.ToString());
        Assert.StartsWith("Зачислен", seen.Text("#application-status"), StringComparison.Ordinal);
        Assert.Contains("42-у", seen.Text("#application-status"), StringComparison.Ordinal);
        var notifications = await parent.GetPageAsync("/notifications");
        Assert.Contains($"Заявление {application.Number}: Зачислен", notifications.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_form_shows_the_message_next_to_the_field_and_saves_nothing()
    {
        var (school, municipality) = await GymnasiumAsync(app);
        var child = await NewChildAsync(app, "demo.roditel", new DateOnly(2022, 1, 1), "Малыш");
        var parent = await app.SignedInAsync("demo.roditel");
        var url = $"/enrollment/apply/first-grade?municipality={municipality}";
        var page = await parent.GetPageAsync(url);
        var fields = FormSteps.FirstGradeForm(child, school, "form-young");
        fields["Form.House"] = "";
        var before = await CountAsync(app);

        var response = await FormSteps.PostFormAsync(parent, page, url, fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var again = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("разрешения учредителя", again.Text("[id='Form.AgePermission-error']"), StringComparison.Ordinal);
        Assert.Contains("номер дома", again.Text("[id='Form.House-error']"), StringComparison.Ordinal);
        Assert.Equal("Form.House-error", again.QuerySelector("[id='Form.House']")!.GetAttribute("aria-describedby")!.Split(' ')[^1]);
        Assert.Equal(before, await CountAsync(app));
    }

    [Fact]
    public async Task The_address_check_names_the_school_whose_territory_it_is()
    {
        var (school, municipality) = await GymnasiumAsync(app);
        var parent = await app.SignedInAsync("demo.roditel");

        var page = await parent.GetPageAsync($"/enrollment?municipality={municipality}&street=Весенняя&house=10");
        var outside = await parent.GetPageAsync($"/enrollment?municipality={municipality}&street=ул.+Весенняя&house=62");

        Assert.NotNull(page.QuerySelector($".territories a[href='/organisations/{school}']"));
        Assert.Null(outside.QuerySelector($".territories a[href='/organisations/{school}']"));
    }
}
