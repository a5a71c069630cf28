using Microsoft.Extensions.DependencyInjection;
using System.Net;
using Kabinet.Tests.Infrastructure;
using Kabinet.Web.Features.Kindergarten.Queue;
using Microsoft.EntityFrameworkCore;
using static Kabinet.Tests.Kindergarten.KindergartenTestData;

namespace Kabinet.Tests.Kindergarten;

/// <summary>A parent applies for a place, edits the application without losing the registration date, and withdraws it.</summary>
public sealed class ApplicationTests(IsolatedApp app) : IClassFixture<IsolatedApp>
{
    private DateOnly NextSeptember => NextSeptemberOf(app);

    [Fact]
    public async Task A_parent_applies_and_sees_the_application_registered_with_its_status_and_a_notification()
    {
        var born = NextSeptember.AddYears(-3).AddMonths(-2);
        var child = await NewChildAsync(app, "demo.uchitel", born);
        var gardens = await KindergartensTakingAsync(app, Kemerovo, 38);
        var parent = await app.SignedInAsync("demo.uchitel");

        var response = await parent.SubmitFormAsync($"/kindergarten/apply?child={child}&municipality={Kemerovo}", Form(NextSeptember, gardens[0], gardens[1]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var card = await parent.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Новое", card.Text("dl.details"), StringComparison.Ordinal);
        Assert.Contains("возрастная группа — 3 года", card.Text("dl.details"), StringComparison.Ordinal);
        Assert.Contains("появится, когда управление образования рассмотрит", card.Text("#queue + form + p, section p"), StringComparison.Ordinal);
        var id = int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var stored = await ApplicationAsync(app, id);
        Assert.Equal([gardens[0], gardens[1]], stored.Choices.OrderBy(c => c.Priority).Select(c => c.OrganisationId));
        Assert.Contains("зарегистрировано", (await parent.GetPageAsync("/notifications")).Text(".results"), StringComparison.Ordinal);
        Assert.Contains($"Заявление № {id}", (await parent.GetPageAsync("/kindergarten")).Text(".cards"), StringComparison.Ordinal);

        var second = await parent.SubmitFormAsync($"/kindergarten/apply?child={child}&municipality={Kemerovo}", Form(NextSeptember, gardens[2]), tokenFrom: "/kindergarten/apply");
        Assert.Contains("уже есть заявление", Html.Parse(await second.Content.ReadAsStringAsync()).Text(".error-summary"), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> BadForms => new()
    {
        { "past", "DesiredDate", "не может быть в прошлом" },
        { "too old", "DesiredDate", "исполнится 7 лет" },
        { "six", "Kindergartens", "не больше 5" },
        { "same twice", "Kindergartens", "один раз" },
        { "other municipality", "Kindergartens", "вашего муниципалитета" },
        { "no group for the age", "Kindergartens", "нет групп для ребёнка этого возраста" },
        { "compensating without need", "Need", "вид нарушения" },
        { "unknown ground", "BenefitGroundId", "основание льготы" },
        { "no consent", "Consent", "согласие" },
        { "bad date", "DesiredDate", "" },
    };

    [Theory]
    [MemberData(nameof(BadForms))]
    public async Task Bad_input_is_refused_next_to_the_field_and_nothing_is_saved(string what, string field, string message)
    {
        var today = Today(app);
        var born = what switch
        {
            "too old" => today.AddYears(-6).AddMonths(-11),
            "no group for the age" => today.AddMonths(-1),
            _ => NextSeptember.AddYears(-3).AddMonths(-2),
        };
        var child = await NewChildAsync(app, "demo.uchitel", born);
        var gardens = await KindergartensTakingAsync(app, Kemerovo, 38);
        var form = Form(what == "too old" ? NextSeptember.AddYears(1) : NextSeptember, gardens[0]);
        switch (what)
        {
            case "past": form["DesiredDate"] = "2020-09-01"; break;
            case "six": for (var i = 0; i < 6; i++) form[$"Kindergartens[{i}]"] = gardens[i % gardens.Count].ToString(System.Globalization.CultureInfo.InvariantCulture); break;
            case "same twice": form["Kindergartens[1]"] = form["Kindergartens[0]"]; break;
            case "other municipality": form["Kindergartens[0]"] = (await KindergartensTakingAsync(app, 2, 38))[0].ToString(System.Globalization.CultureInfo.InvariantCulture); break;
            case "no group for the age": form["DesiredDate"] = today.AddDays(40).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture); break;
            case "compensating without need": form["Focus"] = "Compensating"; break;
            case "unknown ground": form["BenefitGroundId"] = "9999"; break;
            case "no consent": form["Consent"] = "false"; break;
            case "bad date": form["DesiredDate"] = "31.02.2027"; break;
        }

        var parent = await app.SignedInAsync("demo.uchitel");
        var before = await QueryAsync(app, db => db.QueueApplications.CountAsync());

        var response = await parent.SubmitFormAsync($"/kindergarten/apply?child={child}&municipality={Kemerovo}", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, page.Text($"#{field}-error"), StringComparison.Ordinal);
        Assert.Equal(before, await QueryAsync(app, db => db.QueueApplications.CountAsync()));
        if (field != "DesiredDate" || what == "past")
            Assert.Equal(form["DesiredDate"], page.QuerySelector("#DesiredDate")!.GetAttribute("value")); // what was typed is kept
    }

    [Fact]
    public async Task Editing_changes_the_kindergartens_but_never_the_registration_date_and_a_new_benefit_waits_for_a_check()
    {
        var child = await NewChildAsync(app, "demo.uchitel", NextSeptember.AddYears(-3).AddMonths(-5), "Вера");
        var gardens = await KindergartensTakingAsync(app, Kemerovo, 40);
        var parent = await app.SignedInAsync("demo.uchitel");
        var filed = await parent.SubmitFormAsync($"/kindergarten/apply?child={child}&municipality={Kemerovo}", Form(NextSeptember, gardens[0]));
        var url = filed.Headers.Location!.OriginalString;
        var id = int.Parse(url.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var registered = (await ApplicationAsync(app, id)).RegisteredAt;

        var form = Form(NextSeptember, gardens[2], gardens[1], gardens[0]);
        form["BenefitGroundId"] = "12";
        var edited = await parent.SubmitFormAsync($"{url}/edit", form);

        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var stored = await ApplicationAsync(app, id);
        Assert.Equal(registered, stored.RegisteredAt);
        Assert.Equal([gardens[2], gardens[1], gardens[0]], stored.Choices.OrderBy(c => c.Priority).Select(c => c.OrganisationId));
        Assert.Equal((BenefitKind.FirstPriority, BenefitStatus.Claimed), (stored.Benefit, stored.BenefitStatus));
        Assert.Contains("ожидает подтверждения", (await parent.GetPageAsync(url)).Text("dl.details"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Withdrawing_needs_a_confirmation_and_then_the_child_may_get_a_new_application()
    {
        var child = await NewChildAsync(app, "demo.uchitel", NextSeptember.AddYears(-4), "Зоя");
        var gardens = await KindergartensTakingAsync(app, Kemerovo, 50);
        var parent = await app.SignedInAsync("demo.uchitel");
        var url = (await parent.SubmitFormAsync($"/kindergarten/apply?child={child}&municipality={Kemerovo}", Form(NextSeptember, gardens[0]))).Headers.Location!.OriginalString;
        var id = int.Parse(url.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);

        await parent.SubmitFormAsync(url, new Dictionary<string, string>(), handler: "Withdraw");
        Assert.Equal(ApplicationStatus.New, (await ApplicationAsync(app, id)).Status);

        await parent.SubmitFormAsync(url, new Dictionary<string, string> { ["ConfirmWithdraw"] = "true" }, handler: "Withdraw");

        Assert.Equal(ApplicationStatus.Archived, (await ApplicationAsync(app, id)).Status);
        var again = await parent.SubmitFormAsync($"/kindergarten/apply?child={child}&municipality={Kemerovo}", Form(NextSeptember, gardens[0]));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
    }

    [Fact]
    public async Task An_application_is_taken_off_the_register_when_the_child_turns_seven_and_the_family_is_told()
    {
        var today = Today(app);
        var child = await NewChildAsync(app, "demo.uchitel", today.AddYears(-6).AddMonths(-10), "Лев");
        var gardens = await KindergartensTakingAsync(app, Kemerovo, 6 * 12 + 11);
        var parent = await app.SignedInAsync("demo.uchitel");
        var url = (await parent.SubmitFormAsync($"/kindergarten/apply?child={child}&municipality={Kemerovo}", Form(today.AddDays(14), gardens[0]))).Headers.Location!.OriginalString;
        var id = int.Parse(url.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var archiver = app.Services.GetRequiredService<Kabinet.Web.Features.Kindergarten.Queue.AgeLimitArchiver>();
        await archiver.RunOnceAsync(CancellationToken.None);
        Assert.Equal(ApplicationStatus.New, (await ApplicationAsync(app, id)).Status); // still six

        await QueryAsync(app, db => db.QueueApplications.Where(a => a.Id == id).ExecuteUpdateAsync(u => u.SetProperty(a => a.ChildBirthDate, today.AddYears(-7))));
        await archiver.RunOnceAsync(CancellationToken.None);

        var archived = await ApplicationAsync(app, id);
        Assert.Equal(ApplicationStatus.Archived, archived.Status);
        Assert.Contains(archived.History, h => h.To == ApplicationStatus.Archived && h.Comment!.Contains("7 лет", StringComparison.Ordinal));
        Assert.Contains("архив", (await parent.GetPageAsync("/notifications")).Text(".results"), StringComparison.OrdinalIgnoreCase);
    }
}
