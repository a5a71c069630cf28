using Kabinet.BrowserTests.Infrastructure;

namespace Kabinet.BrowserTests;

/// <summary>
/// Messages in a real browser: the demo parent writes to the class teacher from a phone (360 px) with a file; the
/// teacher sees it unread, opens it and replies; the parent sees the reply and that the message was read.
/// </summary>
public sealed class MessagesJourneyTests(KabinetBrowserFixture browser)
{
    private const string Password = "Kuzbass-demo-2026";

    [Fact]
    public async Task A_parent_writes_to_the_class_teacher_with_a_file_and_reads_the_reply()
    {
        const string subject = "Справка после болезни";
        await using var parentSession = await browser.OpenAsync(width: 360, height: 740);
        var page = parentSession.Page;
        await SignInAsync(page, "demo.roditel");

        await page.GotoAsync("/messages");
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Написать сообщение" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToHaveTextAsync("Новое сообщение");
        var classTeacher = await page.Locator("#Recipient option", new PageLocatorOptions { HasText = "классный руководитель" }).GetAttributeAsync("value");
        await page.GetByLabel("Кому").SelectOptionAsync(classTeacher!);
        await page.GetByLabel("Тема").FillAsync(subject);
        await page.GetByLabel("Сообщение", new PageGetByLabelOptions { Exact = true }).FillAsync("Здравствуйте!\nСправку прикладываю.");
        await page.GetByLabel("Файлы (необязательно)").SetInputFilesAsync(new FilePayload { Name = "справка.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.7\n%справка"u8.ToArray() });
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Отправить", Exact = true }).ClickAsync();

        await Expect(page.Locator("p.notice[role=status]")).ToContainTextAsync("Сообщение отправлено");
        await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToHaveTextAsync(subject);
        await Expect(page.Locator(".message--mine .message__status")).ToHaveTextAsync("не прочитано");
        await Expect(page.Locator(".message__files")).ToContainTextAsync("справка.pdf");
        var threadUrl = page.Url;
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), "The thread scrolls sideways at 360 px");

        await using (var teacherSession = await browser.OpenAsync())
        {
            var desk = teacherSession.Page;
            await SignInAsync(desk, "demo.uchitel");
            await desk.GotoAsync("/messages");
            var row = desk.Locator(".results li", new PageLocatorOptions { HasText = subject });
            await Expect(row).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("is-unread"));
            await Expect(desk.Locator(".account-panel a[href='/messages'] .counter")).ToBeVisibleAsync();
            await row.GetByRole(AriaRole.Link).ClickAsync();

            await Expect(desk.Locator(".message--new .message__text")).ToHaveTextAsync("Здравствуйте!\nСправку прикладываю.");
            var download = await desk.RunAndWaitForDownloadAsync(() => desk.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "справка.pdf" }).ClickAsync());
            Assert.Equal("справка.pdf", download.SuggestedFilename);
            await desk.GetByLabel("Ваш ответ").FillAsync("Спасибо, справку получила.");
            await desk.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Отправить ответ" }).ClickAsync();
            await Expect(desk.Locator("p.notice[role=status]")).ToContainTextAsync("Ответ отправлен");
            await Expect(desk.Locator(".message--mine .message__status")).ToHaveTextAsync("не прочитано"); // the parent has not seen the answer yet
            teacherSession.AssertNoProblems();
        }

        await page.GotoAsync(threadUrl);
        await Expect(page.Locator(".message").Last.Locator(".message__text")).ToHaveTextAsync("Спасибо, справку получила.");
        await Expect(page.Locator(".message--mine .message__status")).ToHaveTextAsync("прочитано");
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
