using System.Net;
using Kabinet.Tests.Infrastructure;
using Kabinet.Web.Features.Applications;
using Kabinet.Web.Features.Kindergarten.Queue;
using Kabinet.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Tests.Applications;

/// <summary>«Заявления» as a family sees it, and the complaint «Не выдали логин и пароль» from the form to the answer.</summary>
public sealed class ApplicationsTests(IsolatedApp app) : IClassFixture<IsolatedApp>
{
    [Fact]
    public async Task The_list_shows_the_familys_kindergarten_applications_with_status_and_link_and_nothing_of_another_family()
    {
        var parent = await ComplaintTestData.PersonIdAsync(app, "demo.roditel");
        var expected = await ComplaintTestData.QueryAsync(app, db =>
        {
            var children = db.FamilyLinks.Where(l => l.GuardianId == parent).Select(l => l.ChildId);
            return db.QueueApplications.Where(a => children.Contains(a.ChildPersonId) || a.ApplicantPersonId == parent)
                .Select(a => new { a.Id, a.Status }).ToListAsync();
        });
        Assert.NotEmpty(expected);
        await ComplaintTestData.EnsureOtherPeopleAsync(app);
        var (farSchool, _) = await ComplaintTestData.FarSchoolAsync(app);
        var foreign = await ComplaintTestData.AddComplaintAsync(app, ComplaintTestData.OtherParent, farSchool);
        var browser = await app.SignedInAsync("demo.roditel");

        var page = await browser.GetPageAsync("/applications");

        var rows = page.QuerySelectorAll("#applications tbody tr");
        var kindergarten = rows.Where(r => r.QuerySelector("a")!.GetAttribute("href")!.StartsWith("/kindergarten/", StringComparison.Ordinal)).ToList();
        Assert.Equal(expected.Select(a => $"/kindergarten/{a.Id}").Order(), kindergarten.Select(r => r.QuerySelector("a")!.GetAttribute("href")!).Order());
        foreach (var application in expected)
        {
            var row = kindergarten.Single(r => r.QuerySelector("a")!.GetAttribute("href") == $"/kindergarten/{application.Id}");
            Assert.Contains("Постановка на учёт в детский сад", row.TextContent, StringComparison.Ordinal);
            Assert.Equal(application.Status.Title(), row.QuerySelector(".tag")!.TextContent.Trim());
        }

        Assert.Contains(expected, a => a.Status == ApplicationStatus.Waiting);
        Assert.DoesNotContain(page.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/applications/complaints/{foreign}");
        // The application's own page, which the row leads to, opens for the family.
        await browser.GetPageAsync($"/kindergarten/{expected[0].Id}");
    }

    [Fact]
    public async Task Active_applications_come_first_and_the_list_filters_by_type_and_child()
    {
        var (gymnasium, _) = await ComplaintTestData.GymnasiumAsync(app);
        var withdrawn = await ComplaintTestData.AddComplaintAsync(app, "demo.roditel", gymnasium);
        var browser = await app.SignedInAsync("demo.roditel");
        await browser.SubmitFormAsync($"/applications/complaints/{withdrawn}", new Dictionary<string, string>(), handler: "Withdraw");
        var active = await ComplaintTestData.AddComplaintAsync(app, "demo.roditel", gymnasium);

        var page = await browser.GetPageAsync("/applications");

        var statuses = page.QuerySelectorAll("#applications tbody tr").Select(r => r.ClassList.Contains("is-finished")).ToList();
        Assert.Equal(statuses.Order(), statuses); // no finished row before an active one
        var links = Links(page.QuerySelector("#applications")!);
        Assert.True(links.IndexOf($"/applications/complaints/{active}") < links.IndexOf($"/applications/complaints/{withdrawn}"));
        Assert.Contains(page.QuerySelectorAll("#type option"), o => o.GetAttribute("value") == Complaint.TypeTitle);

        var complaints = Links((await browser.GetPageAsync($"/applications?type={Uri.EscapeDataString(Complaint.TypeTitle)}")).QuerySelector("#applications")!);
        Assert.Contains($"/applications/complaints/{active}", complaints);
        Assert.All(complaints, l => Assert.StartsWith("/applications/complaints/", l, StringComparison.Ordinal));

        var toddler = page.QuerySelectorAll("#applications tbody tr").First(r => Links(r).Any(l => l.StartsWith("/kindergarten/", StringComparison.Ordinal)))
            .QuerySelector("td")!.TextContent.Trim();
        var ofToddler = (await browser.GetPageAsync($"/applications?child={Uri.EscapeDataString(toddler)}")).QuerySelector("#applications")!;
        Assert.NotEmpty(Links(ofToddler));
        Assert.DoesNotContain($"/applications/complaints/{active}", Links(ofToddler));
    }

    private static List<string> Links(AngleSharp.Dom.IParentNode node) =>
        [.. node.QuerySelectorAll("a").Select(a => a.GetAttribute("href") ?? "").Where(h => h.StartsWith("/applications/complaints/", StringComparison.Ordinal) || h.StartsWith("/kindergarten/", StringComparison.Ordinal)).Distinct()];

    [Fact]
    public async Task Someone_without_applications_sees_where_to_apply()
    {
        var browser = await app.SignedInAsync("demo.uchitel");

        var page = await browser.GetPageAsync("/applications");

        Assert.NotNull(page.QuerySelector("#applications-empty"));
        Assert.Contains(page.QuerySelectorAll("#applications-empty a"), a => a.GetAttribute("href") == "/kindergarten/apply");
        Assert.Contains(page.QuerySelectorAll("#applications-empty a"), a => a.GetAttribute("href") == "/applications/complaint");
        Assert.Null(page.QuerySelector("#applications"));
    }

    [Fact]
    public async Task A_parent_files_a_complaint_the_school_takes_and_answers_it_and_the_parent_closes_it()
    {
        var (gymnasium, kemerovo) = await ComplaintTestData.GymnasiumAsync(app);
        var student = await ComplaintTestData.PersonIdAsync(app, "demo.uchenik");
        var adminAccount = await ComplaintTestData.AccountIdAsync(app, "demo.admin");
        var parentAccount = await ComplaintTestData.AccountIdAsync(app, "demo.roditel");
        var parent = await app.SignedInAsync("demo.roditel");
        var form = await parent.GetPageAsync($"/applications/complaint?municipality={kemerovo}");
        Assert.Contains(form.QuerySelectorAll("#organisation option"), o => o.GetAttribute("value") == gymnasium.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var response = await parent.SubmitFormAsync($"/applications/complaint?municipality={kemerovo}", new Dictionary<string, string>
        {
            ["organisation"] = $"{gymnasium}", ["Child"] = $"{student}", ["ClassName"] = "5А",
            ["Text"] = "Классный руководитель обещал выдать логин в сентябре, но так и не выдал.", ["Phone"] = "8 (913) 123-45-67", ["Email"] = "",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var link = response.Headers.Location!.ToString();
        var id = int.Parse(link[(link.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var number = Complaint.FormatNumber(id);
        var card = await parent.GetPageAsync(link);
        Assert.Equal("Подана", card.Text("#complaint-status"));
        Assert.Contains(number, card.Text("h1"), StringComparison.Ordinal);
        var list = await parent.GetPageAsync("/applications");
        var row = list.QuerySelectorAll("#applications tbody tr").Single(r => r.QuerySelector("a")!.GetAttribute("href") == link);
        Assert.Contains(number, row.TextContent, StringComparison.Ordinal);
        Assert.Equal("Подана", row.QuerySelector(".tag")!.TextContent.Trim());
        Assert.True(await ComplaintTestData.QueryAsync(app, db => db.Notifications.AnyAsync(n => n.AccountId == adminAccount && n.Kind == NotificationKinds.Complaint && n.Link!.EndsWith($"/complaints/{id}"))));
        var saved = await ComplaintTestData.QueryAsync(app, db => db.Complaints.SingleAsync(c => c.Id == id));
        Assert.Equal(("+79131234567", (string?)null, student, "5А"), (saved.Phone, saved.Email, saved.ChildPersonId, saved.ClassName));

        var admin = await app.SignedInAsync("demo.admin");
        var staffUrl = $"/applications/org/{gymnasium}/complaints/{id}";
        var staffList = await admin.GetPageAsync($"/applications/org/{gymnasium}/complaints");
        Assert.Contains(staffList.QuerySelectorAll("#complaints a"), a => a.GetAttribute("href") == staffUrl);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync(staffUrl, new Dictionary<string, string>(), handler: "Take")).StatusCode);
        Assert.Equal("В работе", (await parent.GetPageAsync(link)).Text("#complaint-status"));
        Assert.True(await ComplaintTestData.QueryAsync(app, db => db.Notifications.AnyAsync(n => n.AccountId == parentAccount && n.Title.Contains("взята в работу"))));

        // An answer needs its text.
        var empty = await admin.SubmitFormAsync(staffUrl, new Dictionary<string, string> { ["Answer"] = "  " }, handler: "Answer");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Equal("Напишите ответ.", Html.Parse(await empty.Content.ReadAsStringAsync()).Text("#Answer-error"));
        Assert.Equal(ComplaintStatus.InProgress, await ComplaintTestData.QueryAsync(app, db => db.Complaints.Where(c => c.Id == id).Select(c => c.Status).SingleAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync(staffUrl, new Dictionary<string, string> { ["Answer"] = "Логин выдан классным руководителем 5А, проверьте почту." }, handler: "Answer")).StatusCode);
        card = await parent.GetPageAsync(link);
        Assert.Equal("Ответ дан", card.Text("#complaint-status"));
        Assert.Equal("Логин выдан классным руководителем 5А, проверьте почту.", card.Text("#complaint-answer"));
        Assert.True(await ComplaintTestData.QueryAsync(app, db => db.Notifications.AnyAsync(n => n.AccountId == parentAccount && n.Title == $"Ответ на жалобу {number}")));

        // Answered: no longer withdrawn, only closed.
        await parent.SubmitFormAsync(link, new Dictionary<string, string>(), handler: "Withdraw");
        Assert.Equal(ComplaintStatus.Answered, await ComplaintTestData.QueryAsync(app, db => db.Complaints.Where(c => c.Id == id).Select(c => c.Status).SingleAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await parent.SubmitFormAsync(link, new Dictionary<string, string>(), handler: "Close")).StatusCode);
        card = await parent.GetPageAsync(link);
        Assert.Equal("Закрыта", card.Text("#complaint-status"));
        Assert.Equal(["Подана", "В работе", "Ответ дан", "Закрыта"], card.QuerySelectorAll("#complaint-history .results__name").Select(e => e.TextContent.Trim()));
        list = await parent.GetPageAsync("/applications");
        Assert.Equal("Закрыта", list.QuerySelectorAll("#applications tbody tr").Single(r => r.QuerySelector("a")!.GetAttribute("href") == link).QuerySelector(".tag")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_author_withdraws_a_complaint_before_an_answer()
    {
        var (gymnasium, _) = await ComplaintTestData.GymnasiumAsync(app);
        var id = await ComplaintTestData.AddComplaintAsync(app, "demo.uchenik", gymnasium);
        var student = await app.SignedInAsync("demo.uchenik");

        var response = await student.SubmitFormAsync($"/applications/complaints/{id}", new Dictionary<string, string>(), handler: "Withdraw");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Отозвана", (await student.GetPageAsync($"/applications/complaints/{id}")).Text("#complaint-status"));
        // Staff can no longer take it.
        var admin = await app.SignedInAsync("demo.admin");
        var take = await admin.SubmitFormAsync($"/applications/org/{gymnasium}/complaints/{id}", new Dictionary<string, string>(), handler: "Take",
            tokenFrom: $"/applications/org/{gymnasium}/complaints");
        Assert.Equal(HttpStatusCode.OK, take.StatusCode);
        Assert.Equal(ComplaintStatus.Withdrawn, await ComplaintTestData.QueryAsync(app, db => db.Complaints.Where(c => c.Id == id).Select(c => c.Status).SingleAsync()));
    }

    public static TheoryData<string, string, string> BadInput() => new()
    {
        { "no organisation", "organisation", "Выберите организацию." },
        { "an organisation of another municipality", "organisation", "не в муниципалитете" },
        { "empty text", "Text", "Опишите, что случилось." },
        { "text too long", "Text", "не длиннее 4000" },
        { "no contacts", "Phone", "Укажите телефон или электронную почту" },
        { "a wrong phone", "Phone", "мобильный номер" },
        { "nobody chosen", "Child", "Выберите, кому не выдали логин." },
        { "a child not linked without a name", "ChildName", "Напишите фамилию" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_is_refused_with_a_message_next_to_the_field_and_nothing_saved(string what, string field, string message)
    {
        var (gymnasium, kemerovo) = await ComplaintTestData.GymnasiumAsync(app);
        var (farSchool, _) = await ComplaintTestData.FarSchoolAsync(app);
        var student = await ComplaintTestData.PersonIdAsync(app, "demo.uchenik");
        var fields = new Dictionary<string, string>
        {
            ["organisation"] = $"{gymnasium}", ["Child"] = $"{student}", ["ClassName"] = "5А", ["Text"] = "Не выдали логин.", ["Phone"] = "", ["Email"] = "roditel@mail.ru",
        };
        switch (what)
        {
            case "no organisation": fields["organisation"] = ""; break;
            case "an organisation of another municipality": fields["organisation"] = $"{farSchool}"; break;
            case "empty text": fields["Text"] = "   "; break;
            case "text too long": fields["Text"] = new string('а', Complaint.MaxText + 1); break;
            case "no contacts": fields["Email"] = ""; break;
            case "a wrong phone": fields["Phone"] = "12345"; break;
            case "nobody chosen": fields.Remove("Child"); break;
            case "a child not linked without a name": (fields["Child"], fields["ChildName"], fields["ChildBirthDate"]) = ("other", "", "2015-03-01"); break;
        }

        var before = await ComplaintTestData.QueryAsync(app, db => db.Complaints.CountAsync());
        var browser = await app.SignedInAsync("demo.roditel");

        var response = await browser.SubmitFormAsync($"/applications/complaint?municipality={kemerovo}", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, page.Text($"#{field}-error"), StringComparison.Ordinal);
        Assert.Equal(before, await ComplaintTestData.QueryAsync(app, db => db.Complaints.CountAsync()));
    }

    [Fact]
    public async Task A_child_of_another_family_is_not_found_and_nothing_is_saved()
    {
        var (gymnasium, kemerovo) = await ComplaintTestData.GymnasiumAsync(app);
        var parent = await ComplaintTestData.PersonIdAsync(app, "demo.roditel");
        var stranger = await ComplaintTestData.QueryAsync(app, db => db.FamilyLinks.Where(l => l.GuardianId != parent && !db.FamilyLinks.Any(m => m.GuardianId == parent && m.ChildId == l.ChildId))
            .Select(l => l.ChildId).FirstAsync());
        var before = await ComplaintTestData.QueryAsync(app, db => db.Complaints.CountAsync());
        var browser = await app.SignedInAsync("demo.roditel");

        var response = await browser.SubmitFormAsync($"/applications/complaint?municipality={kemerovo}", new Dictionary<string, string>
        {
            ["organisation"] = $"{gymnasium}", ["Child"] = $"{stranger}", ["Text"] = "Не выдали логин.", ["Email"] = "roditel@mail.ru",
        });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, await ComplaintTestData.QueryAsync(app, db => db.Complaints.CountAsync()));
    }

    [Fact]
    public async Task A_child_not_yet_linked_is_complained_about_by_name_and_birth_date()
    {
        var (gymnasium, kemerovo) = await ComplaintTestData.GymnasiumAsync(app);
        var browser = await app.SignedInAsync("demo.roditel");

        var response = await browser.SubmitFormAsync($"/applications/complaint?municipality={kemerovo}", new Dictionary<string, string>
        {
            ["organisation"] = $"{gymnasium}", ["Child"] = "other", ["ChildName"] = "Петров Пётр Петрович", ["ChildBirthDate"] = "2016-05-04",
            ["Text"] = "Сына перевели из другой школы, логин не выдали.", ["Email"] = "Roditel@Mail.ru",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var card = await browser.GetPageAsync(response.Headers.Location!.ToString());
        Assert.Contains("Петров Пётр Петрович, 04.05.2016", card.QuerySelector(".details")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("roditel@mail.ru", card.QuerySelector(".details")!.TextContent, StringComparison.Ordinal);
    }
}
