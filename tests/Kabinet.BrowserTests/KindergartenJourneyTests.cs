using Kabinet.BrowserTests.Infrastructure;

namespace Kabinet.BrowserTests;

/// <summary>
/// The kindergarten queue in a real browser: a parent adds a child, picks a kindergarten on the map and applies
/// from its card (360 px); the operator registers the application; the parent sees the place and why; the operator
/// opens a group and runs the allocation; the parent accepts the offered place.
/// </summary>
public sealed class KindergartenJourneyTests(KabinetBrowserFixture browser)
{
    private const string Password = "Kuzbass-demo-2026";

    [Fact]
    public async Task A_parent_applies_from_the_map_sees_the_place_explained_gets_a_place_by_allocation_and_accepts_it()
    {
        var today = Kabinet.Web.Common.Time.RegionTime.Today(TimeProvider.System); // the server under test runs on the system clock
        var nextSeptember = new DateOnly(today.Month >= 6 ? today.Year + 1 : today.Year, 9, 1);
        var born = nextSeptember.AddYears(-4).AddMonths(-3);
        await using var parentSession = await browser.OpenAsync(width: 360, height: 740);
        var page = parentSession.Page;
        // Tiles come from the test, not the internet.
        await page.RouteAsync("https://tile.openstreetmap.org/**", route => route.FulfillAsync(new RouteFulfillOptions { ContentType = "image/png", BodyBytes = KindergartenMapTests.Tile }));
        await SignInAsync(page, "demo.uchitel");

        await page.GotoAsync("/children/add");
        await page.GetByLabel("Фамилия", new PageGetByLabelOptions { Exact = true }).FillAsync("Гордеева");
        await page.GetByLabel("Имя", new PageGetByLabelOptions { Exact = true }).FillAsync("Полина");
        await page.GetByLabel("Дата рождения").FillAsync(born.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("женский").CheckAsync();
        await page.GetByLabel("Кем вы приходитесь ребёнку").SelectOptionAsync("Father");
        await page.GetByLabel("Серия документа").FillAsync("II-ЛО");
        await page.GetByLabel("Номер документа").FillAsync("771204");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Добавить", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync($"{browser.BaseUrl}/children");

        await page.GotoAsync("/kindergartens/map?municipality=1");
        var item = page.Locator("#kindergarten-list li[data-id] a.results__name").First;
        var kindergarten = (await item.TextContentAsync())!.Trim();
        await item.ClickAsync();
        await page.Locator("#kindergarten-card").GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Добавить в заявление" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToHaveTextAsync("Заявление в детский сад");
        await page.GetByLabel("Гордеева Полина").CheckAsync();
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Продолжить" }).ClickAsync();
        await Expect(page.GetByLabel("1-й приоритет")).ToHaveValueAsync(await page.GetByLabel("1-й приоритет").InputValueAsync());
        Assert.Contains(kindergarten, await page.GetByLabel("1-й приоритет").Locator("option:checked").TextContentAsync() ?? "", StringComparison.Ordinal);
        // A round-the-clock health group: nobody else in the demo queue wants one, so the allocation below is this child's.
        await page.GetByLabel("Направленность группы").SelectOptionAsync(new SelectOptionValue { Label = "оздоровительная" });
        await page.GetByLabel("Режим пребывания").SelectOptionAsync(new SelectOptionValue { Label = "круглосуточного пребывания" });
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Подать заявление" }).ClickAsync();
        await Expect(page.Locator("#Consent-error")).ToContainTextAsync("согласие"); // nothing was filed without consent
        await page.GetByLabel("Я согласен(на)", new PageGetByLabelOptions { Exact = false }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Подать заявление" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToContainTextAsync("Заявление №");
        await Expect(page.Locator("dl.details")).ToContainTextAsync("Новое");
        var number = (await page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 }).TextContentAsync())!.Split('№')[1].Trim();
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), "The application card scrolls sideways at 360 px");

        await using (var operatorSession = await browser.OpenAsync(width: 1280, height: 900))
        {
            var desk = operatorSession.Page;
            await SignInAsync(desk, "demo.operator");
            await desk.GotoAsync("/operator/kindergarten?q=" + number);
            await desk.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = number, Exact = true }).ClickAsync();
            foreach (var status in new[] { "Принято к рассмотрению", "Очередник" })
            {
                await desk.GetByLabel("Новый статус").SelectOptionAsync(new SelectOptionValue { Label = status });
                await desk.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Изменить статус" }).ClickAsync();
                await Expect(desk.Locator("p.notice[role=status]").First).ToContainTextAsync(status);
            }

            operatorSession.AssertNoProblems();
        }

        await page.ReloadAsync();
        await Expect(page.Locator("dl.details")).ToContainTextAsync("Очередник");
        await Expect(page.Locator(".position").First).ToContainTextAsync(" из ");
        await Expect(page.Locator(".cards .card").First).ToContainTextAsync("Ваш ребёнок в группе «без льготы»");
        await Expect(page.Locator("#history + ol")).ToContainTextAsync("Принято к рассмотрению → Очередник");
        await Expect(page.Locator("#allocation-period")).ToContainTextAsync("ежегодно с");

        await using (var operatorSession = await browser.OpenAsync(width: 1280, height: 900))
        {
            var desk = operatorSession.Page;
            await SignInAsync(desk, "demo.operator");
            // The kindergarten opens a group for four-year-olds...
            await desk.GotoAsync("/operator/kindergarten/occupancy");
            await desk.GetByLabel("Детский сад").SelectOptionAsync(new SelectOptionValue { Label = kindergarten });
            await desk.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Показать" }).ClickAsync();
            await desk.GetByLabel("Название группы").FillAsync("Совята");
            await desk.GetByLabel("Принимает детей с возраста").SelectOptionAsync(new SelectOptionValue { Label = "4 года" });
            await desk.GetByLabel("До возраста (не включая)").SelectOptionAsync(new SelectOptionValue { Label = "5 лет" });
            await desk.GetByLabel("Направленность", new PageGetByLabelOptions { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "оздоровительная" });
            await desk.GetByLabel("Режим пребывания").SelectOptionAsync(new SelectOptionValue { Label = "круглосуточного пребывания" });
            await desk.GetByLabel("Число мест", new PageGetByLabelOptions { Exact = true }).FillAsync("1");
            await desk.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Открыть группу" }).ClickAsync();
            await Expect(desk.Locator("p.notice[role=status]", new PageLocatorOptions { HasText = "Группа «Совята» открыта" })).ToBeVisibleAsync();

            // ...and the operator runs the allocation of the child's school year: preview, then confirm.
            await desk.GotoAsync("/operator/kindergarten/allocation");
            await desk.GetByLabel("Учебный год", new PageGetByLabelOptions { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = $"{nextSeptember.Year}/{nextSeptember.Year + 1}" });
            await desk.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Предварительный расчёт" }).ClickAsync();
            await Expect(desk.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = $"Предварительный расчёт на {nextSeptember.Year}/{nextSeptember.Year + 1} учебный год" })).ToBeVisibleAsync();
            await desk.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Утвердить" }).ClickAsync();
            await Expect(desk.Locator("p.notice[role=status]", new PageLocatorOptions { HasText = "Комплектование утверждено" })).ToBeVisibleAsync();
            operatorSession.AssertNoProblems();
        }

        // The parent sees the offer and accepts it.
        await page.ReloadAsync();
        await Expect(page.Locator("dl.details").First).ToContainTextAsync("Направлен");
        var offer = page.Locator("section.offer");
        await Expect(offer).ToContainTextAsync("Совята");
        await Expect(offer).ToContainTextAsync(kindergarten);
        await offer.GetByLabel("Подтверждаю согласие с направлением в этот детский сад").CheckAsync();
        await offer.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Согласиться" }).ClickAsync();
        await Expect(page.Locator("p.notice[role=status]", new PageLocatorOptions { HasText = "Вы согласились с направлением" })).ToBeVisibleAsync();
        await Expect(offer).ToContainTextAsync("вы согласились");
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), "The offer scrolls sideways at 360 px");
        parentSession.AssertNoProblems();
    }

    private static async Task SignInAsync(IPage page, string login)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Логин", new PageGetByLabelOptions { Exact = true }).FillAsync(login);
        await page.GetByLabel("Пароль", new PageGetByLabelOptions { Exact = true }).FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Войти", Exact = true }).ClickAsync();
    }
}
