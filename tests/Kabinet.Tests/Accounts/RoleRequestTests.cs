using System.Net;
using Kabinet.Tests.Infrastructure;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kabinet.Tests.Accounts;

/// <summary>«Запрос роли» → the right approver decides → the person is notified; grants and revocations are recorded.</summary>
public sealed class RoleRequestTests
{
    [Fact]
    public async Task A_teacher_role_is_approved_by_the_organisation_s_administrator_and_the_requester_is_notified()
    {
        await using var app = new KabinetApp();
        await app.InitializeAsync();
        var employee = await app.SignedInAsync("demo.uchenik");
        await RequestAsync(employee, PortalRole.Teacher, municipality: 1, organisation: 1, "Учитель информатики с 1 сентября.");

        Assert.DoesNotContain("Учитель информатики", (await (await app.SignedInAsync("demo.region")).GetPageAsync("/admin/roles")).Text("main"), StringComparison.Ordinal);
        var admin = await app.SignedInAsync("demo.admin");
        var page = await admin.GetPageAsync("/admin/roles");
        var section = Assert.Single(page.QuerySelectorAll("section.card"), s => s.TextContent.Contains("Учитель информатики", StringComparison.Ordinal));
        var id = section.QuerySelector("input[name=id]")!.GetAttribute("value")!;
        await admin.SubmitFormAsync("/admin/roles", new Dictionary<string, string> { ["id"] = id }, handler: "Approve");

        var home = await employee.GetPageAsync("/services");
        Assert.Contains("1", home.Text(".account-panel .counter"), StringComparison.Ordinal);
        var notifications = await employee.GetPageAsync("/notifications");
        Assert.Contains("Роль выдана", notifications.Text(".results"), StringComparison.Ordinal);
        Assert.Contains(await app.LettersAsync(), l => l.Subject == "Kabinet: Роль выдана");
        // Reading them clears the counter at once (it is cached for a few seconds otherwise).
        await employee.SubmitFormAsync("/notifications", new Dictionary<string, string>(), handler: "ReadAll");
        Assert.Null((await employee.GetPageAsync("/services")).QuerySelector(".account-panel .counter"));

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KabinetDbContext>();
        var account = await db.Users.SingleAsync(a => a.UserName == "demo.uchenik");
        var adminAccount = await db.Users.SingleAsync(a => a.UserName == "demo.admin");
        var grant = await db.RoleGrants.SingleAsync(g => g.AccountId == account.Id && g.Role == PortalRole.Teacher);
        Assert.Equal((1, adminAccount.Id), (grant.OrganisationId!.Value, grant.GrantedById!.Value));
        var roles = await (await app.SignedInAsync("demo.uchenik")).GetPageAsync("/account/roles");
        Assert.Contains("Педагог", roles.Text("main ul.results"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_role_goes_to_the_region_which_refuses_with_a_comment_that_reaches_the_requester()
    {
        await using var app = new KabinetApp();
        await app.InitializeAsync();
        var employee = await app.SignedInAsync("demo.uchitel");
        await RequestAsync(employee, PortalRole.OrganisationAdmin, municipality: 1, organisation: 1, "Назначен заместителем директора.");

        Assert.DoesNotContain("заместителем директора", (await (await app.SignedInAsync("demo.admin")).GetPageAsync("/admin/roles")).Text("main"), StringComparison.Ordinal);
        var region = await app.SignedInAsync("demo.region");
        var id = Assert.Single((await region.GetPageAsync("/admin/roles")).QuerySelectorAll("section.card"), s => s.TextContent.Contains("заместителем директора", StringComparison.Ordinal))
            .QuerySelector("input[name=id]")!.GetAttribute("value")!;

        var withoutComment = await region.SubmitFormAsync("/admin/roles", new Dictionary<string, string> { ["id"] = id }, handler: "Reject");
        Assert.Equal(HttpStatusCode.Redirect, withoutComment.StatusCode);
        Assert.Contains("Напишите, почему отказано", (await region.GetPageAsync("/admin/roles")).Text("p.notice"), StringComparison.Ordinal);

        await region.SubmitFormAsync("/admin/roles", new Dictionary<string, string> { ["id"] = id, ["Comment"] = new string('я', 1001) }, handler: "Reject");
        var tooLong = await region.GetPageAsync("/admin/roles");
        Assert.Contains("не длиннее 1000 символов", tooLong.Text("p.notice"), StringComparison.Ordinal);
        Assert.Contains(tooLong.QuerySelectorAll("input[name=id]"), i => i.GetAttribute("value") == id); // still pending

        await region.SubmitFormAsync("/admin/roles", new Dictionary<string, string> { ["id"] = id, ["Comment"] = "Приказ о назначении ещё не подписан." }, handler: "Reject");

        var notifications = await employee.GetPageAsync("/notifications");
        Assert.Contains("Приказ о назначении ещё не подписан.", notifications.Text(".results"), StringComparison.Ordinal);
        Assert.Contains("отклонён", (await employee.GetPageAsync("/account/roles")).Text("main"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_role_can_be_revoked_and_the_revocation_is_recorded()
    {
        await using var app = new KabinetApp();
        await app.InitializeAsync();
        var region = await app.SignedInAsync("demo.region");
        var page = await region.GetPageAsync("/admin/roles");
        var item = Assert.Single(page.QuerySelectorAll(".results li"), li => li.TextContent.Contains("demo.operator", StringComparison.Ordinal));
        var id = item.QuerySelector("input[name=id]")!.GetAttribute("value")!;

        await region.SubmitFormAsync("/admin/roles", new Dictionary<string, string> { ["id"] = id }, handler: "Revoke");

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KabinetDbContext>();
        var grant = await db.RoleGrants.SingleAsync(g => g.Id == int.Parse(id, System.Globalization.CultureInfo.InvariantCulture));
        var regionAccount = await db.Users.SingleAsync(a => a.UserName == "demo.region");
        Assert.NotNull(grant.RevokedAt);
        Assert.Equal(regionAccount.Id, grant.RevokedById);
        var operatorNow = await app.SignedInAsync("demo.operator");
        Assert.Contains("Роль отозвана", (await operatorNow.GetPageAsync("/notifications")).Text(".results"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "1", "", "Роль текст", "Role")]
    [InlineData("Teacher", "1", "", "Роль текст", "OrganisationId")]
    [InlineData("MunicipalOperator", "", "", "Роль текст", "MunicipalityId")]
    [InlineData("Teacher", "1", "1", "", "Text")]
    [InlineData("Teacher", "2", "1", "Организация не из этого муниципалитета", "OrganisationId")]
    public async Task A_bad_role_request_is_explained_next_to_the_field(string role, string municipality, string organisation, string text, string field)
    {
        await using var app = new KabinetApp();
        await app.InitializeAsync();
        var employee = await app.SignedInAsync("demo.roditel");

        var response = await employee.SubmitFormAsync("/account/roles", new Dictionary<string, string>
        {
            ["Role"] = role, ["MunicipalityId"] = municipality, ["OrganisationId"] = organisation, ["Text"] = text,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.NotNull(page.QuerySelector($"#{field}-error") ?? page.QuerySelector(".field-error"));
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<KabinetDbContext>().RoleRequests.CountAsync());
    }

    [Fact]
    public async Task Notification_preferences_decide_whether_a_letter_goes_out_and_opening_marks_read()
    {
        await using var app = new KabinetApp();
        await app.InitializeAsync();
        var employee = await app.SignedInAsync("demo.uchenik");
        await employee.SubmitFormAsync("/notifications/settings", new Dictionary<string, string> { ["inapp:role-request"] = "true", ["inapp:child-link"] = "true" });
        await RequestAsync(employee, PortalRole.Teacher, municipality: 1, organisation: 1, "Педагог дополнительного образования.");
        var admin = await app.SignedInAsync("demo.admin");
        var id = (await admin.GetPageAsync("/admin/roles")).QuerySelector("section.card input[name=id]")!.GetAttribute("value")!;
        await admin.SubmitFormAsync("/admin/roles", new Dictionary<string, string> { ["id"] = id }, handler: "Approve");

        Assert.DoesNotContain(await app.LettersAsync(), l => l.Subject == "Kabinet: Роль выдана");
        var list = await employee.GetPageAsync("/notifications");
        var notificationId = list.QuerySelector(".results form input[name=id]")!.GetAttribute("value")!;

        var stranger = await app.SignedInAsync("demo.roditel");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.SubmitFormAsync("/notifications", new Dictionary<string, string> { ["id"] = notificationId }, handler: "Open", tokenFrom: "/notifications")).StatusCode);

        var opened = await employee.SubmitFormAsync("/notifications", new Dictionary<string, string> { ["id"] = notificationId }, handler: "Open");
        Assert.Equal("/account/roles", opened.Headers.Location?.OriginalString);
        Assert.Null((await employee.GetPageAsync("/services")).QuerySelector(".account-panel .counter"));
    }

    private static async Task RequestAsync(HttpClient browser, PortalRole role, int municipality, int? organisation, string text)
    {
        var response = await browser.SubmitFormAsync("/account/roles", new Dictionary<string, string>
        {
            ["Role"] = role.ToString(),
            ["MunicipalityId"] = municipality.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["OrganisationId"] = organisation?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            ["Text"] = text,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
