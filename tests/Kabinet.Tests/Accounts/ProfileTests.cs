using System.Net;
using System.Text.RegularExpressions;
using Kabinet.Tests.Infrastructure;
using Kabinet.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kabinet.Tests.Accounts;

public sealed partial class ProfileTests
{
    private const string Password = Kabinet.Web.Data.Seed.Seeder.DemoPassword;

    [Fact]
    public async Task Personal_data_is_saved_validated_and_every_change_is_recorded()
    {
        await using var app = new KabinetApp();
        await app.InitializeAsync();
        var parent = await app.SignedInAsync("demo.roditel");
        var form = Personal(await parent.GetPageAsync("/account/profile"));
        form["LastName"] = "петрова-водкина";
        form["Snils"] = "112-233-445 95";
        form["PassportSeries"] = "32 12";
        form["PassportNumber"] = "345678";
        form["PassportIssuedOn"] = "2015-06-01";
        form["PassportIssuedBy"] = "Отделом УФМС России по Кемеровской области";
        form["RegistrationAddress"] = "650000, г. Кемерово, ул. Весенняя, д. 5, кв. 12";

        var saved = await parent.SubmitFormAsync("/account/profile", form, handler: "Personal");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await parent.GetPageAsync("/account/profile");
        Assert.Equal("Петрова-Водкина", page.QuerySelector("#LastName")?.GetAttribute("value"));
        Assert.Equal("112-233-445 95", page.QuerySelector("#Snils")?.GetAttribute("value"));
        Assert.StartsWith("Петрова-Водкина", page.Text(".account-panel__name"), StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KabinetDbContext>();
        var personId = (await db.Users.SingleAsync(a => a.UserName == "demo.roditel")).PersonId;
        var log = await db.PersonalDataAccess.SingleAsync(a => a.SubjectPersonId == personId);
        Assert.Equal("change", log.Action);
        Assert.Contains("фамилия", log.What, StringComparison.Ordinal);
        Assert.Contains("СНИЛС", log.What, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Snils", "112-233-445 96", "контрольное число")]
    [InlineData("PassportSeries", "321", "4 цифры")]
    [InlineData("LastName", "", "Введите фамилию")]
    [InlineData("BirthDate", "2999-01-01", "Проверьте дату рождения")]
    public async Task Bad_personal_data_comes_back_next_to_the_field(string field, string value, string message)
    {
        await using var app = new KabinetApp();
        await app.InitializeAsync();
        var parent = await app.SignedInAsync("demo.roditel");
        var form = Personal(await parent.GetPageAsync("/account/profile"));
        form[field] = value;
        if (field == "PassportSeries")
            form["PassportNumber"] = "123456";

        var response = await parent.SubmitFormAsync("/account/profile", form, handler: "Personal");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, Html.Parse(await response.Content.ReadAsStringAsync()).Text($"#{field}-error"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_e_mail_replaces_the_old_one_only_after_the_code_sent_to_it()
    {
        await using var app = new KabinetApp();
        await app.InitializeAsync();
        var parent = await app.SignedInAsync("demo.roditel");
        const string newEmail = "mama.novaya@mail.example";

        var wrongPassword = await parent.SubmitFormAsync("/account/profile", new Dictionary<string, string> { ["NewEmail"] = newEmail, ["CurrentPassword"] = "nope" }, handler: "RequestEmail");
        Assert.Equal("Пароль неверный.", Html.Parse(await wrongPassword.Content.ReadAsStringAsync()).Text("#CurrentPassword-error"));

        await parent.SubmitFormAsync("/account/profile", new Dictionary<string, string> { ["NewEmail"] = newEmail, ["CurrentPassword"] = Password }, handler: "RequestEmail");
        var code = CodeInSubject().Match(Assert.Single(await app.LettersAsync(newEmail)).Subject!).Groups[1].Value;
        Assert.Contains("demo.roditel@kabinet.example", (await parent.GetPageAsync("/account/profile")).Text("dl.details"), StringComparison.Ordinal);

        var wrong = await parent.SubmitFormAsync("/account/profile", new Dictionary<string, string> { ["Code"] = code == "000000" ? "111111" : "000000" }, handler: "ConfirmEmail");
        Assert.Contains("Осталось попыток: 4", Html.Parse(await wrong.Content.ReadAsStringAsync()).Text("#Code-error"), StringComparison.Ordinal);

        var right = await parent.SubmitFormAsync("/account/profile", new Dictionary<string, string> { ["Code"] = code }, handler: "ConfirmEmail");
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Contains(newEmail, (await parent.GetPageAsync("/account/profile")).Text("dl.details"), StringComparison.Ordinal);
        Assert.Contains(await app.LettersAsync("demo.roditel@kabinet.example"), l => l.Subject == "Kabinet: адрес почты изменён");
    }

    [Fact]
    public async Task Five_wrong_codes_use_up_the_change()
    {
        await using var app = new KabinetApp();
        await app.InitializeAsync();
        var parent = await app.SignedInAsync("demo.uchitel");
        await parent.SubmitFormAsync("/account/profile", new Dictionary<string, string> { ["NewEmail"] = "teacher.new@mail.example", ["CurrentPassword"] = Password }, handler: "RequestEmail");
        var code = CodeInSubject().Match(Assert.Single(await app.LettersAsync("teacher.new@mail.example")).Subject!).Groups[1].Value;
        var wrongCode = code == "000000" ? "111111" : "000000";

        for (var i = 0; i < 5; i++)
            await parent.SubmitFormAsync("/account/profile", new Dictionary<string, string> { ["Code"] = wrongCode }, handler: "ConfirmEmail");
        var late = await parent.SubmitFormAsync("/account/profile", new Dictionary<string, string> { ["Code"] = code }, handler: "ConfirmEmail", tokenFrom: "/account/profile");

        Assert.Contains("Запросите новый код", Html.Parse(await late.Content.ReadAsStringAsync()).Text("#NewEmail-error"), StringComparison.Ordinal);
        Assert.DoesNotContain("teacher.new@mail.example", (await parent.GetPageAsync("/account/profile")).Text("dl.details"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_login_can_be_changed_with_the_password_to_a_free_valid_one()
    {
        await using var app = new KabinetApp();
        await app.InitializeAsync();
        var person = await app.SignedInAsync("demo.operator");

        var taken = await person.SubmitFormAsync("/account/profile", new Dictionary<string, string> { ["NewLogin"] = "DEMO.REGION", ["LoginPassword"] = Password }, handler: "Login");
        Assert.Contains("уже занят", Html.Parse(await taken.Content.ReadAsStringAsync()).Text("#NewLogin-error"), StringComparison.Ordinal);
        var invalid = await person.SubmitFormAsync("/account/profile", new Dictionary<string, string> { ["NewLogin"] = "оператор", ["LoginPassword"] = Password }, handler: "Login");
        Assert.Contains("латинских букв", Html.Parse(await invalid.Content.ReadAsStringAsync()).Text("#NewLogin-error"), StringComparison.Ordinal);

        var changed = await person.SubmitFormAsync("/account/profile", new Dictionary<string, string> { ["NewLogin"] = "kemerovo.operator", ["LoginPassword"] = Password }, handler: "Login");

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.SignInAsync("Kemerovo.Operator")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.SignInAsync("demo.operator")).Response.StatusCode);
    }

    private static Dictionary<string, string> Personal(AngleSharp.Html.Dom.IHtmlDocument page)
    {
        var form = page.QuerySelector("form[action*='handler=Personal']")!;
        var values = new Dictionary<string, string>();
        foreach (var input in form.QuerySelectorAll("input[name]:not([type=hidden]):not([type=radio])"))
            values[input.GetAttribute("name")!] = input.GetAttribute("value") ?? "";
        return values;
    }

    [GeneratedRegex(@"код подтверждения (\d{6})")]
    private static partial Regex CodeInSubject();
}
