using System.Text.RegularExpressions;
using Kabinet.BrowserTests.Infrastructure;

namespace Kabinet.BrowserTests;

/// <summary>The account journeys of issue 3 in a real browser: registration to the first child, recovery, throttling.</summary>
public sealed partial class AccountJourneyTests(KabinetBrowserFixture browser)
{
    [Fact]
    public async Task A_parent_registers_reads_the_letter_signs_in_sets_a_password_and_adds_a_child()
    {
        await using var session = await browser.OpenAsync(width: 360, height: 740);
        var page = session.Page;
        var email = $"parent.{Guid.NewGuid():N}@mail.example";

        await page.GotoAsync("/account/login");
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Зарегистрируйтесь" }).ClickAsync();
        await page.GetByLabel("Фамилия", new PageGetByLabelOptions { Exact = true }).FillAsync("Кузьмина");
        await page.GetByLabel("Имя", new PageGetByLabelOptions { Exact = true }).FillAsync("Ольга");
        await page.GetByLabel("Отчество (если есть)").FillAsync("Игоревна");
        await page.GetByLabel("Мобильный телефон").FillAsync("+7 913 " + Random.Shared.Next(100, 999) + "-45-67");
        await page.GetByLabel("Электронная почта").FillAsync(email);
        await page.GetByLabel("Я даю согласие на обработку моих персональных данных").CheckAsync();
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Зарегистрироваться" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToHaveTextAsync("Проверьте почту");

        var letter = await browser.WaitForLetterAsync(email, "ваша учётная запись");
        var login = LoginLine().Match(letter.TextBody!).Groups[1].Value;
        var temporary = PasswordLine().Match(letter.TextBody!).Groups[1].Value;

        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Перейти ко входу" }).ClickAsync();
        await page.GetByLabel("Логин", new PageGetByLabelOptions { Exact = true }).FillAsync(login);
        await page.GetByLabel("Пароль", new PageGetByLabelOptions { Exact = true }).FillAsync(temporary);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Войти", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync($"{browser.BaseUrl}/account/password");
        await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToHaveTextAsync("Придумайте свой пароль");
        await page.GetByLabel("Временный (одноразовый) пароль").FillAsync(temporary);
        await page.GetByLabel("Новый пароль", new PageGetByLabelOptions { Exact = true }).FillAsync("Берёзовая роща у Томи");
        await page.GetByLabel("Новый пароль ещё раз").FillAsync("Берёзовая роща у Томи");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Сохранить пароль" }).ClickAsync();

        await Expect(page).ToHaveURLAsync($"{browser.BaseUrl}/services");
        await Expect(page.Locator("p.notice[role=status]")).ToHaveTextAsync("Пароль изменён.");
        await Expect(page.Locator("main")).ToContainTextAsync("показывать здесь нечего");

        await page.Locator("main").GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Добавить ребёнка" }).ClickAsync();
        await page.GetByLabel("Фамилия", new PageGetByLabelOptions { Exact = true }).FillAsync("Кузьмин");
        await page.GetByLabel("Имя", new PageGetByLabelOptions { Exact = true }).FillAsync("Тимофей");
        await page.GetByLabel("Дата рождения").FillAsync("2022-05-17");
        await page.GetByLabel("мужской").CheckAsync();
        await page.GetByLabel("Кем вы приходитесь ребёнку").SelectOptionAsync("Mother");
        await page.GetByLabel("Серия документа").FillAsync("III-ЛО");
        await page.GetByLabel("Номер документа").FillAsync("524617");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Добавить", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync($"{browser.BaseUrl}/children");
        await Expect(page.Locator(".cards .card h2")).ToHaveTextAsync("Кузьмин Тимофей");
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "The children page scrolls sideways at 360 px");
        session.AssertNoProblems();
    }

    [Fact]
    public async Task Recovery_sets_a_new_password_ends_the_other_session_and_the_old_password_stops_working()
    {
        await using var laptop = await browser.OpenAsync();
        await SignInAsync(laptop.Page, "demo.region", "Kuzbass-demo-2026");
        await Expect(laptop.Page).ToHaveURLAsync($"{browser.BaseUrl}/services");

        await using var phone = await browser.OpenAsync(width: 360, height: 740);
        var page = phone.Page;
        await page.GotoAsync("/account/login");
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Забыли пароль?" }).ClickAsync();
        await page.GetByLabel("Логин или электронная почта").FillAsync("demo.region");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Прислать ссылку" }).ClickAsync();
        await Expect(page.Locator("p.notice")).ToContainTextAsync("Если учётная запись с таким логином или адресом есть");

        var letter = await browser.WaitForLetterAsync("demo.region@kabinet.example", "восстановление доступа");
        var link = ResetLink().Match(letter.TextBody!).Value;
        await page.GotoAsync(new Uri(link).PathAndQuery);
        await Expect(page).ToHaveURLAsync($"{browser.BaseUrl}/account/reset");
        await page.GetByLabel("Новый пароль", new PageGetByLabelOptions { Exact = true }).FillAsync("Шерегеш зимой лучше всего");
        await page.GetByLabel("Новый пароль ещё раз").FillAsync("Шерегеш зимой лучше всего");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Сохранить пароль" }).ClickAsync();
        await Expect(page).ToHaveURLAsync($"{browser.BaseUrl}/account/login");
        await Expect(page.Locator("p.notice[role=status]")).ToContainTextAsync("Пароль изменён");

        // The laptop's session has ended.
        await laptop.Page.GotoAsync("/services");
        await Expect(laptop.Page).ToHaveURLAsync(new Regex("/account/login"));

        await SignInAsync(page, "demo.region", "Kuzbass-demo-2026");
        await Expect(page.Locator(".error-summary")).ToContainTextAsync("Неверный логин или пароль.");
        await SignInAsync(page, "demo.region", "Шерегеш зимой лучше всего");
        await Expect(page).ToHaveURLAsync($"{browser.BaseUrl}/services");
        phone.AssertNoProblems();
    }

    [Fact]
    public async Task Ten_wrong_passwords_are_followed_by_a_wait_with_its_length()
    {
        await using var session = await browser.OpenAsync();
        var page = session.Page;
        var login = $"guess.{Guid.NewGuid():N}"[..20];
        for (var i = 0; i < 10; i++)
        {
            await SignInAsync(page, login, $"password-{i}");
            await Expect(page.Locator(".error-summary")).ToContainTextAsync("Неверный логин или пароль.");
        }

        await SignInAsync(page, login, "password-10");

        await Expect(page.Locator(".error-summary")).ToContainTextAsync(new Regex(@"Слишком много неудачных попыток входа с этим логином\. Повторите через \d+ минут"));
        session.AssertNoProblems();
    }

    private static async Task SignInAsync(IPage page, string login, string password)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Логин", new PageGetByLabelOptions { Exact = true }).FillAsync(login);
        await page.GetByLabel("Пароль", new PageGetByLabelOptions { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Войти", Exact = true }).ClickAsync();
    }

    [GeneratedRegex(@"Логин: (\S+)")]
    private static partial Regex LoginLine();

    [GeneratedRegex(@"Временный пароль: (\S+)")]
    private static partial Regex PasswordLine();

    [GeneratedRegex(@"http\S+/account/reset\?token=\S+")]
    private static partial Regex ResetLink();
}
