using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Kabinet.BrowserTests.Infrastructure;

namespace Kabinet.BrowserTests;

/// <summary>
/// 1st-grade enrollment in a real browser on the app's fake clock: at 23:58 on the eve the parent's application (360 px)
/// is refused with the dates; at midnight of the opening day it is registered with its number and status; in the morning
/// the school takes it for review and enrolls the child; the parent sees «Зачислен» on the application and in «Заявления».
/// </summary>
public sealed class EnrollmentJourneyTests(EnrollmentNightFixture browser) : IClassFixture<EnrollmentNightFixture>
{
    private const string Password = "Kuzbass-demo-2026";
    private const string Gymnasium = "«Гимназия № 1»";

    [Fact]
    public async Task A_parent_applies_to_the_first_grade_at_the_opening_the_school_enrolls_the_child_and_the_parent_sees_it()
    {
        var year = EnrollmentNightFixture.CampaignYear;
        await using var parentSession = await browser.OpenAsync(width: 360, height: 740);
        var page = parentSession.Page;
        await SignInAsync(page, "demo.roditel");

        await page.GotoAsync("/enrollment");
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "В 1 класс", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToHaveTextAsync("Заявление в 1 класс");
        await page.GetByLabel("Муниципалитет, где находится школа").SelectOptionAsync(new SelectOptionValue { Label = "Кемеровский городской округ" });
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Показать школы" }).ClickAsync();

        var alisa = page.Locator("input[name='Form.ChildId'] + label", new PageLocatorOptions { HasText = "Алиса" });
        await alisa.ClickAsync();
        var child = (await alisa.TextContentAsync())!.Split(',')[0].Trim();
        // The sibling who studies at the gymnasium: the family's eldest, the 5th-grader there (demo.uchenik).
        var sibling = await SiblingAsync(page, child);
        var school = page.GetByLabel("Школа", new PageGetByLabelOptions { Exact = true });
        await school.SelectOptionAsync(new SelectOptionValue { Label = (await school.Locator("option", new LocatorLocatorOptions { HasText = Gymnasium }).TextContentAsync())!.Trim() });
        await Expect(page.GetByLabel("Учебный год")).ToHaveValueAsync(year.ToString(CultureInfo.InvariantCulture));
        await page.GetByLabel("Право на первоочередное зачисление").SelectOptionAsync(new SelectOptionValue { Label = "Преимущественное (в школе учится брат или сестра)" });
        await page.GetByLabel("ФИО брата или сестры, который учится в этой школе").FillAsync(sibling);
        await page.GetByLabel("Улица").FillAsync("ул. Весенняя");
        await page.GetByLabel("Дом", new PageGetByLabelOptions { Exact = true }).FillAsync("10");
        await page.GetByLabel("Серия", new PageGetByLabelOptions { Exact = true }).FillAsync("I-ЛО");
        await page.GetByLabel("Номер", new PageGetByLabelOptions { Exact = true }).FillAsync("583204");
        await page.GetByLabel("Дата выдачи").FillAsync($"{year - 7}-08-14");
        await page.GetByLabel("Мобильный телефон").FillAsync("+7 913 555-12-34");
        await AttachScanAsync(page);
        await page.GetByLabel("Я ознакомлен(а) с уставом школы", new PageGetByLabelOptions { Exact = false }).CheckAsync();
        await page.GetByLabel("Я согласен(на) на обработку", new PageGetByLabelOptions { Exact = false }).CheckAsync();

        // 23:58 on 31 March: the window is not open yet; the parent is told when it is, and nothing is registered.
        await Submit(page).ClickAsync();
        await Expect(page.Locator("[id='Form.SchoolYear-error']")).ToContainTextAsync($"с 01.04.{year} по 30.06.{year}");
        await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToHaveTextAsync("Заявление в 1 класс");

        // Midnight in Kemerovo: the window opens and the same form (scans are attached again) is accepted.
        browser.SetRegionTime(new DateTime(year, 4, 1, 0, 0, 20));
        await AttachScanAsync(page);
        await Submit(page).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToContainTextAsync("Заявление ");
        var number = (await page.Locator("#application-number").TextContentAsync())!.Trim();
        Assert.Contains(number, await page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 }).TextContentAsync() ?? "", StringComparison.Ordinal);
        await Expect(page.Locator("p.notice[role=status]")).ToContainTextAsync("Заявление зарегистрировано");
        await Expect(page.Locator("#application-status")).ToHaveTextAsync("Зарегистрировано");
        await Expect(page.Locator("dl.facts")).ToContainTextAsync($"01.04.{year} 00:00");
        await Expect(page.Locator("dl.facts")).ToContainTextAsync("на закреплённой территории школы");
        await Expect(page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "svidetelstvo-brata.pdf" })).ToBeVisibleAsync();
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), "The application page scrolls sideways at 360 px");
        parentSession.AssertNoProblems();

        // 09:00: the gymnasium's administrator finds the application by its number, takes it for review and enrolls the child.
        browser.SetRegionTime(new DateTime(year, 4, 1, 9, 0, 0));
        await using (var staffSession = await browser.OpenAsync(width: 1280, height: 900))
        {
            var desk = staffSession.Page;
            await SignInAsync(desk, "demo.admin");
            await desk.GotoAsync("/services");
            await desk.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Заявления в школу", Exact = true }).ClickAsync();
            await Expect(desk.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToContainTextAsync(Gymnasium);
            var row = desk.Locator("tbody tr", new PageLocatorOptions { Has = desk.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = number, Exact = true }) });
            await Expect(row).ToContainTextAsync(child);
            await Expect(row).ToContainTextAsync("Зарегистрировано");
            await row.GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = number, Exact = true }).ClickAsync();
            await Expect(desk.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToHaveTextAsync($"Заявление {number}");
            await desk.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Принять к рассмотрению" }).ClickAsync();
            await Expect(desk.Locator("#application-status")).ToHaveTextAsync("Принято к рассмотрению");

            browser.SetRegionTime(new DateTime(year, 4, 1, 9, 30, 0));
            await desk.GetByLabel("Номер приказа").FillAsync("45-у");
            await desk.GetByLabel("Дата приказа").FillAsync($"{year}-04-01");
            await desk.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Зачислить" }).ClickAsync();
            await Expect(desk.Locator("p.notice[role=status]")).ToContainTextAsync($"Заявление {number}: Зачислен");
            await Expect(desk.Locator("#application-status")).ToHaveTextAsync($"Зачислен: приказ № 45-у от 01.04.{year}");
            staffSession.AssertNoProblems();
        }

        // The parent's session idled out on the app's clock after midnight; signed in again, the parent sees the child enrolled.
        await page.GotoAsync("/applications");
        await Expect(page).ToHaveURLAsync(new Regex("/account/login\\?ReturnUrl=%2Fapplications$"));
        await FillSignInAsync(page, "demo.roditel");
        await Expect(page).ToHaveURLAsync($"{browser.BaseUrl}/applications");
        var listed = page.Locator("#applications tbody tr", new PageLocatorOptions { HasText = number });
        await Expect(listed).ToContainTextAsync("Зачислен");
        await Expect(listed).ToContainTextAsync(child);
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), "«Заявления» scrolls sideways at 360 px");
        await listed.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.Locator("#application-status")).ToHaveTextAsync($"Зачислен: приказ № 45-у от 01.04.{year}");
        await Expect(page.Locator("ol.history")).ToContainTextAsync("Принято к рассмотрению");
        await Expect(page.Locator("ol.history li").Last).ToContainTextAsync($"01.04.{year} 09:30 — Зачислен: Приказ № 45-у");
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), "The enrolled application scrolls sideways at 360 px");
        parentSession.AssertNoProblems();
    }

    private static ILocator Submit(IPage page) => page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Отправить", Exact = true });

    /// <summary>The sibling's birth certificate: a small real PDF made here.</summary>
    private static Task AttachScanAsync(IPage page) =>
        page.GetByLabel("Свидетельство о рождении брата или сестры").SetInputFilesAsync(new FilePayload
        {
            Name = "svidetelstvo-brata.pdf", MimeType = "application/pdf", Buffer = OnePagePdf(),
        });

    /// <summary>The eldest of the parent's other children as the form lists them.</summary>
    private static async Task<string> SiblingAsync(IPage page, string child)
    {
        var others = new List<(DateOnly Born, string Name)>();
        foreach (var label in await page.Locator("input[name='Form.ChildId'] + label").AllTextContentsAsync())
        {
            var parts = label.Split(',', 2, StringSplitOptions.TrimEntries);
            if (parts[0] != child)
                others.Add((DateOnly.ParseExact(parts[1], "dd.MM.yyyy", CultureInfo.InvariantCulture), parts[0]));
        }

        return others.OrderBy(o => o.Born).First().Name;
    }

    /// <summary>A minimal valid one-page PDF (header, catalogue, page tree, page, cross-reference table).</summary>
    private static byte[] OnePagePdf()
    {
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        };
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    private static async Task SignInAsync(IPage page, string login)
    {
        await page.GotoAsync("/account/login");
        await FillSignInAsync(page, login);
        await Expect(page).Not.ToHaveURLAsync(new Regex("/account/login"));
    }

    private static async Task FillSignInAsync(IPage page, string login)
    {
        await page.GetByLabel("Логин", new PageGetByLabelOptions { Exact = true }).FillAsync(login);
        await page.GetByLabel("Пароль", new PageGetByLabelOptions { Exact = true }).FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Войти", Exact = true }).ClickAsync();
    }
}
