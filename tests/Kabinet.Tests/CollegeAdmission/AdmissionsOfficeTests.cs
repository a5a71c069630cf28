using System.Net;
using Kabinet.Tests.Infrastructure;
using Kabinet.Web.Features.CollegeAdmission;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Tests.CollegeAdmission;

/// <summary>The college's admissions office: plan, review, original, enrollment; the applicant is told and can withdraw before it.</summary>
[Collection(CollegeGroup.Name)]
public sealed class AdmissionsOfficeTests(CollegeApp app)
{
    [Fact]
    public async Task The_office_accepts_records_the_original_recommends_and_enrolls_and_the_applicant_sees_it()
    {
        var cast = await app.CastAsync();
        var speciality = await app.SpecialityAsync(cast.College);
        var entrant = await app.SignedInAsync(CollegeApp.Entrant);
        var id = CollegeForms.CreatedId(await CollegeForms.ApplyAsync(entrant, speciality, CollegeForms.Valid()));
        var office = await app.SignedInAsync("demo.college");
        var review = $"/college/org/{cast.College}/applications/{id}";

        var list = await office.GetPageAsync($"/college/org/{cast.College}/applications?speciality={speciality}");
        Assert.Contains("Абитуриентова Алина Сергеевна", list.Text("#admissions"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await office.SubmitFormAsync(review, new Dictionary<string, string> { ["To"] = "Accepted" }, "Move")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await office.SubmitFormAsync(review, new Dictionary<string, string> { ["To"] = "Recommended" }, "Move")).StatusCode);
        var tooEarly = await office.SubmitFormAsync(review, new Dictionary<string, string> { ["To"] = "Enrolled" }, "Move");
        Assert.Equal(HttpStatusCode.OK, tooEarly.StatusCode);
        Assert.Contains("оригинал", Html.Parse(await tooEarly.Content.ReadAsStringAsync()).Text("#To-error"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await office.SubmitFormAsync(review, new Dictionary<string, string> { ["received"] = "true" }, "Original")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await office.SubmitFormAsync(review, new Dictionary<string, string> { ["To"] = "Enrolled", ["Comment"] = "Приказ № 12-к" }, "Move")).StatusCode);

        var page = await entrant.GetPageAsync($"/college/applications/{id}");
        Assert.Equal("Зачислен", page.Text("#status"));
        Assert.Equal("сдан в колледж", page.Text("#original"));
        Assert.Contains("Приказ № 12-к", page.Text("ol.history"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#withdraw")); // too late to withdraw
        var notices = await app.InDbAsync(db => db.Notifications.Where(n => n.AccountId == cast.EntrantAccountId && n.Kind == "college-application").Select(n => n.Title).ToListAsync());
        Assert.Contains(notices, t => t.Contains("зачислен", StringComparison.Ordinal) && t.Contains($"{id:000000}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refusal_needs_a_reason_and_leaves_the_list()
    {
        var cast = await app.CastAsync();
        var speciality = await app.SpecialityAsync(cast.College);
        var id = await app.PaperApplicationAsync(speciality, "Отказов", 400);
        var office = await app.SignedInAsync("demo.college");
        var review = $"/college/org/{cast.College}/applications/{id}";

        var noReason = await office.SubmitFormAsync(review, new Dictionary<string, string> { ["To"] = "Refused", ["Comment"] = " " }, "Move");
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("причину", Html.Parse(await noReason.Content.ReadAsStringAsync()).Text("#Comment-error"), StringComparison.Ordinal);
        Assert.Equal(CollegeApplicationStatus.Submitted, await StatusAsync(id));

        await office.SubmitFormAsync(review, new Dictionary<string, string> { ["To"] = "Refused", ["Comment"] = "Аттестат не читается" }, "Move");
        Assert.Equal(CollegeApplicationStatus.Refused, await StatusAsync(id));
        var list = await app.CreateBrowser().GetPageAsync($"/college/specialities/{speciality}");
        Assert.Empty(list.QuerySelectorAll("#ranking-list tbody tr"));
    }

    [Fact]
    public async Task The_applicant_withdraws_and_may_then_apply_again()
    {
        var cast = await app.CastAsync();
        var speciality = await app.SpecialityAsync(cast.College);
        var entrant = await app.SignedInAsync(CollegeApp.Entrant);
        var id = CollegeForms.CreatedId(await CollegeForms.ApplyAsync(entrant, speciality, CollegeForms.Valid()));

        await entrant.SubmitFormAsync($"/college/applications/{id}", new Dictionary<string, string> { ["ConfirmWithdraw"] = "true" }, "Withdraw");

        Assert.Equal(CollegeApplicationStatus.Withdrawn, await StatusAsync(id));
        CollegeForms.CreatedId(await CollegeForms.ApplyAsync(entrant, speciality, CollegeForms.Valid()));
    }

    [Fact]
    public async Task The_office_adds_a_speciality_with_the_default_window_and_refuses_a_bad_code()
    {
        var cast = await app.CastAsync();
        var office = await app.SignedInAsync("demo.college");
        var plan = $"/college/org/{cast.College}/plan";
        var form = await office.GetPageAsync(plan);
        Assert.Equal("2026-06-20", form.QuerySelector("#Form\\.AcceptFrom")!.GetAttribute("value"));
        var fields = new Dictionary<string, string>
        {
            ["Form.Code"] = "44.02.01", ["Form.Name"] = "Дошкольное образование", ["Form.Qualification"] = "Воспитатель детей дошкольного возраста",
            ["Form.StudyForm"] = "PartTime", ["Form.Basis"] = "Grade11", ["Form.BudgetPlaces"] = "12", ["Form.PaidPlaces"] = "3",
            ["Form.AcceptFrom"] = "2026-06-20", ["Form.AcceptUntil"] = "2026-08-15", ["Form.ExtendedUntil"] = "2026-11-25",
        };

        var bad = await office.SubmitFormAsync(plan, new Dictionary<string, string>(fields) { ["Form.Code"] = "44-02-01" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("09.02.07", Html.Parse(await bad.Content.ReadAsStringAsync()).Text("#Form\\.Code-error"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await office.SubmitFormAsync(plan, fields)).StatusCode);

        var created = await app.InDbAsync(db => db.Specialities.SingleAsync(s => s.Code == "44.02.01" && s.OrganisationId == cast.College));
        Assert.Equal((StudyForm.PartTime, EducationBasis.Grade11, 12), (created.Form, created.Basis, created.BudgetPlaces));
        var catalogue = await app.CreateBrowser().GetPageAsync("/college?basis=Grade11&form=PartTime");
        Assert.Contains("Дошкольное образование", catalogue.Body!.TextContent, StringComparison.Ordinal);
    }

    private Task<CollegeApplicationStatus> StatusAsync(int id) => app.InDbAsync(db => db.CollegeApplications.Where(a => a.Id == id).Select(a => a.Status).SingleAsync());
}
