using System.Net;
using System.Text.RegularExpressions;
using Kabinet.Tests.Infrastructure;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kabinet.Tests.Accounts;

/// <summary>Registration → letter → first sign-in → own password, through the real pages and the real outbox.</summary>
public sealed partial class RegistrationTests(IsolatedApp app) : IClassFixture<IsolatedApp>
{
    private static int _counter;

    [Fact]
    public async Task A_new_person_registers_gets_a_letter_signs_in_and_must_set_their_own_password()
    {
        var email = NewEmail();
        var browser = app.CreateBrowser();

        var response = await browser.SubmitFormAsync("/account/register", Form("Иванова", "Мария", "Петровна", "8 (913) 555-12-34".Replace("555", Random3(), StringComparison.Ordinal), email));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var sent = await browser.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains(email, sent.Text("main"), StringComparison.Ordinal);

        var letter = Assert.Single(await app.LettersAsync(email));
        Assert.Equal("Kabinet: ваша учётная запись", letter.Subject);
        var (login, password) = Credentials(letter.TextBody);
        Assert.StartsWith("ivanova.mp", login, StringComparison.Ordinal);
        Assert.Contains("Здравствуйте, Мария Петровна!", letter.TextBody, StringComparison.Ordinal);

        var (user, signedIn) = await app.SignInAsync(login.ToUpperInvariant(), password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        // Every page leads to the password form until the person has their own password.
        var home = await user.GetAsync("/organisations");
        Assert.Equal("/account/password", home.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, (await user.GetAsync("/api/v1/municipalities")).StatusCode);

        var common = await user.SubmitFormAsync("/account/password", PasswordForm(password, "password123", "password123"));
        Assert.Contains("слишком распространён", Html.Parse(await common.Content.ReadAsStringAsync()).Text("#NewPassword-error"), StringComparison.Ordinal);
        var mismatch = await user.SubmitFormAsync("/account/password", PasswordForm(password, "Сибирская зима 2026", "Сибирская зима 2027"));
        Assert.Equal("Пароли не совпадают.", Html.Parse(await mismatch.Content.ReadAsStringAsync()).Text("#ConfirmPassword-error"));

        var changed = await user.SubmitFormAsync("/account/password", PasswordForm(password, "Сибирская зима 2026", "Сибирская зима 2026"));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/organisations")).StatusCode);
        Assert.Contains(await app.LettersAsync(email), l => l.Subject == "Kabinet: пароль изменён");

        var (_, withOld) = await app.SignInAsync(login, password);
        Assert.Equal(HttpStatusCode.OK, withOld.StatusCode); // refused: the form again
        var (_, withNew) = await app.SignInAsync(login, "Сибирская зима 2026");
        Assert.Equal(HttpStatusCode.Redirect, withNew.StatusCode);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KabinetDbContext>();
        var account = await db.Users.SingleAsync(a => a.UserName == login);
        Assert.True(account.EmailConfirmed);
        Assert.False(account.MustChangePassword);
        var person = await db.People.SingleAsync(p => p.Id == account.PersonId);
        Assert.Equal("Иванова Мария Петровна", person.FullName);
        var consent = await db.ConsentRecords.SingleAsync(c => c.AccountId == account.Id);
        Assert.Equal((ConsentTexts.PersonalDataKind, ConsentTexts.PersonalDataVersion), (consent.Kind, consent.TextVersion));
        Assert.Contains(await db.RoleGrants.Where(g => g.AccountId == account.Id).Select(g => g.Role).ToListAsync(), r => r == PortalRole.Parent);
    }

    [Fact]
    public async Task Registering_again_with_a_known_email_looks_the_same_but_the_letter_says_an_account_exists()
    {
        var email = NewEmail();
        await app.CreateBrowser().SubmitFormAsync("/account/register", Form("Петров", "Олег", null, NewPhone(), email));
        var firstLetter = Assert.Single(await app.LettersAsync(email));
        var (login, _) = Credentials(firstLetter.TextBody);
        var accounts = await CountAccountsAsync();

        var again = await app.CreateBrowser().SubmitFormAsync("/account/register", Form("Петров", "Олег", null, NewPhone(), email.ToUpperInvariant()));

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("/account/register/sent", again.Headers.Location?.OriginalString);
        Assert.Equal(accounts, await CountAccountsAsync());
        var letters = await app.LettersAsync(email);
        Assert.Equal(2, letters.Count);
        Assert.Equal("Kabinet: у вас уже есть учётная запись", letters[1].Subject);
        Assert.Contains(login, letters[1].TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("пароль:", letters[1].TextBody, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_known_confirmed_phone_with_a_new_email_warns_the_phone_s_owner_and_creates_nothing()
    {
        var ownerEmail = NewEmail();
        var phone = NewPhone();
        await app.CreateBrowser().SubmitFormAsync("/account/register", Form("Сидорова", "Анна", null, phone, ownerEmail));
        await app.LettersAsync();
        await ConfirmPhoneAsync(phone);
        var accounts = await CountAccountsAsync();
        var strangerEmail = NewEmail();

        var response = await app.CreateBrowser().SubmitFormAsync("/account/register", Form("Сидорова", "Анна", null, phone, strangerEmail));

        Assert.Equal("/account/register/sent", response.Headers.Location?.OriginalString);
        Assert.Equal(accounts, await CountAccountsAsync());
        Assert.Empty(await app.LettersAsync(strangerEmail));
        Assert.Contains(await app.LettersAsync(ownerEmail), l => l.Subject == "Kabinet: у вас уже есть учётная запись");
    }

    [Fact]
    public async Task An_unconfirmed_phone_proves_nothing_and_the_new_person_gets_an_account()
    {
        var phone = NewPhone();
        await app.CreateBrowser().SubmitFormAsync("/account/register", Form("Сидорова", "Анна", null, phone, NewEmail()));
        var accounts = await CountAccountsAsync();
        var realOwner = NewEmail();

        await app.CreateBrowser().SubmitFormAsync("/account/register", Form("Петрова", "Ольга", null, phone, realOwner));

        Assert.Equal(accounts + 1, await CountAccountsAsync());
        Assert.Contains(await app.LettersAsync(realOwner), l => l.Subject != "Kabinet: у вас уже есть учётная запись");
    }

        public static TheoryData<string, string, string, string, string, bool, string, string> BadForms => new()
    {
        { "", "Мария", "+79131112233", "a@b.ru", "", true, "LastName", "Введите фамилию." },
        { "Иванова", "", "+79131112233", "a@b.ru", "", true, "FirstName", "Введите имя." },
        { "Иванова", "Мария", "", "a@b.ru", "", true, "Phone", "Введите номер мобильного телефона." },
        { "Иванова", "Мария", "+7 3842 12-34-56", "a@b.ru", "", true, "Phone", "Укажите российский мобильный номер" },
        { "Иванова", "Мария", "+79131112233", "", "", true, "Email", "Введите адрес электронной почты." },
        { "Иванова", "Мария", "+79131112233", "not-an-email", "", true, "Email", "Укажите адрес электронной почты" },
        { "Иванова", "Мария", "+79131112233", "a@b.ru", "", false, "Consent", "Без согласия на обработку персональных данных" },
        { "<script>alert(1)</script>", "Мария", "+79131112233", "a@b.ru", "", true, "LastName", "только буквы" },
        { "Robert'); DROP TABLE people;--", "Мария", "+79131112233", "a@b.ru", "", true, "LastName", "только буквы" },
        { new string('Я', 101), "Мария", "+79131112233", "a@b.ru", "", true, "LastName", "не длиннее 100" },
        { "Иванова", "Мария", "+79131112233", "a@b.ru", "Петровна1", true, "MiddleName", "только буквы" },
    };

    [Theory]
    [MemberData(nameof(BadForms))]
    public async Task A_bad_form_comes_back_with_the_message_next_to_the_field_keeps_what_was_typed_and_saves_nothing(
        string lastName, string firstName, string phone, string email, string middleName, bool consent, string field, string message)
    {
        var accounts = await CountAccountsAsync();
        var form = Form(lastName, firstName, middleName, phone, email);
        if (!consent)
            form.Remove("Consent");

        var response = await app.CreateBrowser().SubmitFormAsync("/account/register", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, page.Text($"#{field}-error"), StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector($"#{field}")?.GetAttribute("aria-invalid"));
        if (field != "Consent")
            Assert.Equal(form[field], page.QuerySelector($"#{field}")?.GetAttribute("value") ?? "");
        Assert.Equal(accounts, await CountAccountsAsync());
    }

    [Fact]
    public async Task An_expired_temporary_password_no_longer_opens_the_account()
    {
        var email = NewEmail();
        await app.CreateBrowser().SubmitFormAsync("/account/register", Form("Кузнецов", "Иван", null, NewPhone(), email));
        var (login, password) = Credentials(Assert.Single(await app.LettersAsync(email)).TextBody);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KabinetDbContext>();
            await db.Users.Where(a => a.UserName == login).ExecuteUpdateAsync(u => u.SetProperty(a => a.TemporaryPasswordExpiresAt, app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime.AddDays(-1)));
        }

        var (_, response) = await app.SignInAsync(login, password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Временный пароль больше не действует", Html.Parse(await response.Content.ReadAsStringAsync()).Text(".error-summary"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_address_cannot_flood_mailboxes_with_registrations()
    {
        await using var limited = new KabinetApp(new Dictionary<string, string?> { ["Security:LetterFormsPerHourPerIp"] = "2" });
        await limited.InitializeAsync();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
            statuses.Add((await limited.CreateBrowser().SubmitFormAsync("/account/register", Form("Орлов", "Павел", null, NewPhone(), NewEmail()))).StatusCode);

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], statuses);
    }

    private async Task ConfirmPhoneAsync(string phone)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KabinetDbContext>();
        await db.Users.Where(a => a.PhoneNumber == phone).ExecuteUpdateAsync(u => u.SetProperty(a => a.PhoneNumberConfirmed, true));
    }

    private async Task<int> CountAccountsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KabinetDbContext>().Users.CountAsync();
    }

    private static Dictionary<string, string> Form(string lastName, string firstName, string? middleName, string phone, string email) => new()
    {
        ["LastName"] = lastName,
        ["FirstName"] = firstName,
        ["MiddleName"] = middleName ?? "",
        ["Phone"] = phone,
        ["Email"] = email,
        ["Consent"] = "true",
    };

    private static Dictionary<string, string> PasswordForm(string current, string next, string confirm) => new()
    {
        ["CurrentPassword"] = current,
        ["NewPassword"] = next,
        ["ConfirmPassword"] = confirm,
    };

    private static (string Login, string Password) Credentials(string? letter) =>
        (LoginLine().Match(letter ?? "").Groups[1].Value, PasswordLine().Match(letter ?? "").Groups[1].Value);

    private static string NewEmail() => $"person{Interlocked.Increment(ref _counter)}.{Guid.NewGuid():N}@mail.example";

    private static string NewPhone() => "+7913" + Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Random3() => Random.Shared.Next(100, 999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"Логин: (\S+)")]
    private static partial Regex LoginLine();

    [GeneratedRegex(@"Временный пароль: (\S+)")]
    private static partial Regex PasswordLine();
}
