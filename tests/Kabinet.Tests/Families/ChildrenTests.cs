using System.Net;
using Kabinet.Tests.Infrastructure;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Families;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kabinet.Tests.Families;

/// <summary>A parent adds children: linked at once when the school's record matches, confirmed by the school when it nearly does.</summary>
public sealed class ChildrenTests(IsolatedApp app) : IClassFixture<IsolatedApp>
{
    [Fact]
    public async Task A_child_whose_record_matches_exactly_is_linked_at_once_and_shows_the_class()
    {
        var student = await StudentAsync(organisationId: 2, skip: 0);
        var parent = await app.SignedInAsync("demo.operator");

        var response = await parent.SubmitFormAsync("/children/add", Form(student, student.DocumentSeries!.ToLowerInvariant(), student.DocumentNumber!));

        Assert.Equal("/children", response.Headers.Location?.OriginalString);
        var page = await parent.GetPageAsync("/children");
        Assert.Contains("добавлен", page.Text("p.notice"), StringComparison.Ordinal);
        var card = Assert.Single(page.QuerySelectorAll(".cards .card"), c => c.QuerySelector("h2")!.TextContent == student.FullName);
        Assert.Contains("класс", card.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_near_match_waits_for_the_school_which_sees_both_and_confirms()
    {
        var student = await StudentAsync(organisationId: 1, skip: 3);
        var parent = await app.SignedInAsync("demo.uchitel");

        await parent.SubmitFormAsync("/children/add", Form(student, "I-АА", "000001"));

        var children = await parent.GetPageAsync("/children");
        Assert.Contains("Запрос отправлен", children.Text("p.notice"), StringComparison.Ordinal);
        Assert.Contains("ждёт подтверждения", children.Text(".results"), StringComparison.Ordinal);
        Assert.DoesNotContain(children.QuerySelectorAll(".cards h2"), h => h.TextContent == student.FullName);

        var admin = await app.SignedInAsync("demo.admin");
        var review = await admin.GetPageAsync("/org/child-links");
        var section = Assert.Single(review.QuerySelectorAll("section.card"), s => s.TextContent.Contains(student.FullName, StringComparison.Ordinal));
        Assert.Contains("I-АА № 000001", section.TextContent, StringComparison.Ordinal);
        Assert.Contains($"{student.DocumentSeries} № {student.DocumentNumber}", section.TextContent, StringComparison.Ordinal);
        var id = section.QuerySelector("input[name=id]")!.GetAttribute("value")!;

        var decided = await admin.SubmitFormAsync("/org/child-links", new Dictionary<string, string> { ["id"] = id }, handler: "Approve");
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);

        var after = await parent.GetPageAsync("/children");
        Assert.Contains(after.QuerySelectorAll(".cards h2"), h => h.TextContent == student.FullName);

        // The parent sees that the school's administrator looked at the child's data to decide.
        var access = await parent.GetPageAsync($"/children/{student.Id}/access");
        var rows = access.QuerySelectorAll("tbody tr");
        Assert.NotEmpty(rows); // one per time the administrator opened the page
        Assert.All(rows, row =>
        {
            Assert.Contains("просмотр", row.TextContent, StringComparison.Ordinal);
            Assert.Contains("данные для подтверждения связи с родителем", row.TextContent, StringComparison.Ordinal);
        });

        // Nobody else can read that log.
        var stranger = await app.SignedInAsync("demo.roditel");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/children/{student.Id}/access")).StatusCode);
    }

    [Fact]
    public async Task An_administrator_cannot_decide_for_another_organisation()
    {
        var student = await StudentAsync(organisationId: 2, skip: 5);
        var parent = await app.SignedInAsync("demo.region");
        await parent.SubmitFormAsync("/children/add", Form(student, "I-АА", "000002"));
        int requestId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KabinetDbContext>();
            requestId = await db.ChildLinkRequests.Where(r => r.ChildId == student.Id).Select(r => r.Id).SingleAsync();
        }

        var admin = await app.SignedInAsync("demo.admin"); // administrator of organisation 1
        var review = await admin.GetPageAsync("/org/child-links");
        Assert.DoesNotContain(student.FullName, review.Text("main"), StringComparison.Ordinal);
        var forged = await admin.SubmitFormAsync("/org/child-links", new Dictionary<string, string> { ["id"] = requestId.ToString(System.Globalization.CultureInfo.InvariantCulture) }, handler: "Approve");

        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
    }

    [Fact]
    public async Task A_child_not_yet_at_school_is_created_and_two_parents_can_link_the_same_child()
    {
        var mother = await app.SignedInAsync("demo.roditel");
        var form = new Dictionary<string, string>
        {
            ["LastName"] = "новикова", ["FirstName"] = "варвара", ["MiddleName"] = "", ["BirthDate"] = "2025-03-14", ["Sex"] = "Female",
            ["Relation"] = "Mother", ["DocumentKind"] = "BirthCertificate", ["DocumentSeries"] = "II-ЛО", ["DocumentNumber"] = "765432", ["Snils"] = "112-233-445 95",
        };

        await mother.SubmitFormAsync("/children/add", form);
        var page = await mother.GetPageAsync("/children");
        var card = Assert.Single(page.QuerySelectorAll(".cards .card"), c => c.QuerySelector("h2")!.TextContent == "Новикова Варвара");
        Assert.Contains("Пока не учится", card.TextContent, StringComparison.Ordinal);

        var father = await app.SignedInAsync("demo.uchenik");
        form["Relation"] = "Father";
        await father.SubmitFormAsync("/children/add", form);
        Assert.Contains((await father.GetPageAsync("/children")).QuerySelectorAll(".cards h2"), h => h.TextContent == "Новикова Варвара");

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KabinetDbContext>();
        var child = await db.People.SingleAsync(p => p.LastName == "Новикова" && p.FirstName == "Варвара" && p.BirthDate == new DateOnly(2025, 3, 14));
        Assert.Equal(2, await db.FamilyLinks.CountAsync(l => l.ChildId == child.Id));
        Assert.Equal("11223344595", child.Snils);
    }

    [Theory]
    [InlineData("DocumentSeries", "4-ИК", "Серия свидетельства")]
    [InlineData("DocumentNumber", "12", "6 цифр")]
    [InlineData("BirthDate", "2090-01-01", "в будущем")]
    [InlineData("Snils", "112-233-445 96", "контрольное число")]
    [InlineData("Relation", "", "кем вы приходитесь")]
    public async Task Bad_child_data_is_explained_next_to_the_field_and_nothing_is_saved(string field, string value, string message)
    {
        var parent = await app.SignedInAsync("demo.roditel");
        var form = new Dictionary<string, string>
        {
            ["LastName"] = "Проверкина", ["FirstName"] = "Ошибка", ["BirthDate"] = "2020-01-01", ["Sex"] = "Female", ["Relation"] = "Mother",
            ["DocumentKind"] = "BirthCertificate", ["DocumentSeries"] = "IV-ИК", ["DocumentNumber"] = "123456", ["Snils"] = "",
        };
        form[field] = value;

        var response = await parent.SubmitFormAsync("/children/add", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, page.Text($"#{field}-error"), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Проверкина", page.QuerySelector("#LastName")?.GetAttribute("value"));
        await using var scope = app.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<KabinetDbContext>().People.AnyAsync(p => p.LastName == "Проверкина"));
    }

    [Fact]
    public async Task Services_without_children_say_why_and_offer_to_add_one()
    {
        await using var own = new KabinetApp();
        await own.InitializeAsync();
        var staff = await own.SignedInAsync("demo.operator"); // an account without children

        var page = await staff.GetPageAsync("/services");

        Assert.Contains("показывать здесь нечего", page.Text("main"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".notice a[href='/children/add']"));
        Assert.Empty(page.QuerySelectorAll(".cards .card"));
    }

    [Fact]
    public async Task Services_list_the_parent_s_children_with_where_they_study()
    {
        var parent = await app.SignedInAsync("demo.roditel");

        var page = await parent.GetPageAsync("/services");

        Assert.Contains(page.QuerySelectorAll(".cards .card p"), p => p.TextContent.Contains("Гимназия № 1", StringComparison.Ordinal) && p.TextContent.Contains("класс 5А", StringComparison.Ordinal));
        Assert.Contains(page.QuerySelectorAll(".cards .card p"), p => p.TextContent.Contains("группа «", StringComparison.Ordinal));
    }

    private async Task<Person> StudentAsync(int organisationId, int skip)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KabinetDbContext>();
        return await db.ClassMemberships
            .Join(db.ClassGroups.Where(c => c.OrganisationId == organisationId && c.Grade == 3), m => m.ClassGroupId, c => c.Id, (m, _) => m.PersonId)
            .Join(db.People, id => id, p => p.Id, (_, p) => p)
            .OrderBy(p => p.Id)
            .Skip(skip)
            .FirstAsync();
    }

    private static Dictionary<string, string> Form(Person child, string series, string number) => new()
    {
        ["LastName"] = child.LastName,
        ["FirstName"] = child.FirstName,
        ["MiddleName"] = child.MiddleName ?? "",
        ["BirthDate"] = child.BirthDate!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["Sex"] = child.Sex.ToString()!,
        ["Relation"] = "Guardian",
        ["DocumentKind"] = "BirthCertificate",
        ["DocumentSeries"] = series,
        ["DocumentNumber"] = number,
    };
}
