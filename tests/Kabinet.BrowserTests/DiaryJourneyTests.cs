using System.Text.RegularExpressions;
using Kabinet.BrowserTests.Infrastructure;

namespace Kabinet.BrowserTests;

/// <summary>
/// The diary in a real browser, end to end: the class teacher gives the demo pupil a mark and sets homework with a
/// file at the latest lesson of Russian; the parent sees both in the diary on a phone, downloads the file, finds the
/// notification, and writes to the teacher, who replies.
/// </summary>
public sealed partial class DiaryJourneyTests(KabinetBrowserFixture browser)
{
    private const string Password = "Kuzbass-demo-2026";

    [Fact]
    public async Task A_teachers_mark_and_homework_reach_the_parent_who_writes_to_the_teacher_and_gets_a_reply()
    {
        await using var parentSession = await browser.OpenAsync(width: 360, height: 740);
        var parent = parentSession.Page;
        await SignInAsync(parent, "demo.roditel");
        await parent.GotoAsync("/diary");
        var child = (await parent.Locator(".diary-who a").First.TextContentAsync())!.Trim();
        var diary = parent.Url.Split('?')[0];

        // The teacher: the latest held lesson of Russian in 5А.
        await using var teacherSession = await browser.OpenAsync();
        var desk = teacherSession.Page;
        await SignInAsync(desk, "demo.uchitel");
        await desk.GotoAsync("/journal");
        await desk.Locator("tr", new PageLocatorOptions { HasText = "Русский язык" }).GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Журнал", Exact = true }).ClickAsync();
        await desk.Locator(".journal th:not(.is-future) a").Last.ClickAsync();
        var date = LessonDate().Match((await desk.Locator("h1").TextContentAsync())!).Value;
        await desk.GetByLabel("Задание").FillAsync("Упражнение 245, **выучить** правило");
        await desk.GetByLabel($"{child}: новая отметка").FillAsync("5");
        await desk.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Сохранить урок" }).ClickAsync();
        await Expect(desk.Locator("p.notice[role=status]")).ToBeVisibleAsync();
        await desk.GetByLabel("Что это").SelectOptionAsync("Homework");
        await desk.GetByLabel("Файлы", new PageGetByLabelOptions { Exact = true })
            .SetInputFilesAsync(new FilePayload { Name = "карточка.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.7\n%карточка"u8.ToArray() });
        await desk.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Приложить" }).ClickAsync();
        await Expect(desk.Locator("#lesson-files")).ToContainTextAsync("карточка.pdf");

        // The parent: the lesson's week shows the mark, the homework and its file, on the next request.
        var day = DateOnly.ParseExact(date, "dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);
        await parent.GotoAsync($"{diary}?week={day:yyyy-MM-dd}");
        var lesson = parent.Locator($"section[aria-labelledby='day-{day:yyyy-MM-dd}'] li.lesson", new PageLocatorOptions { HasText = "Упражнение 245" });
        await Expect(lesson).ToContainTextAsync("Русский язык");
        await Expect(lesson.Locator(".homework p strong")).ToHaveTextAsync("выучить");
        await Expect(lesson.Locator(".marks .mark")).ToHaveTextAsync("5");
        var download = await parent.RunAndWaitForDownloadAsync(() => lesson.GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "карточка.pdf" }).ClickAsync());
        Assert.Equal("карточка.pdf", download.SuggestedFilename);
        Assert.False(await parent.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), "The diary scrolls sideways at 360 px");

        await parent.GotoAsync("/notifications");
        await Expect(parent.Locator(".results__name", new PageLocatorOptions { HasText = "Новая отметка: Русский язык" }).First).ToBeVisibleAsync();

        // The parent writes to the teacher about it; the teacher replies.
        await parent.GotoAsync("/messages/new");
        var classTeacher = await parent.Locator("#Recipient option", new PageLocatorOptions { HasText = "классный руководитель" }).GetAttributeAsync("value");
        await parent.GetByLabel("Кому").SelectOptionAsync(classTeacher!);
        await parent.GetByLabel("Тема").FillAsync("Упражнение 245");
        await parent.GetByLabel("Сообщение", new PageGetByLabelOptions { Exact = true }).FillAsync("Можно сдать задание в четверг?");
        await parent.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Отправить", Exact = true }).ClickAsync();
        await Expect(parent.Locator("p.notice[role=status]")).ToContainTextAsync("Сообщение отправлено");
        var thread = parent.Url;

        await desk.GotoAsync("/messages");
        await desk.Locator(".results li", new PageLocatorOptions { HasText = "Упражнение 245" }).GetByRole(AriaRole.Link).ClickAsync();
        await desk.GetByLabel("Ваш ответ").FillAsync("Да, можно.");
        await desk.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Отправить ответ" }).ClickAsync();
        await Expect(desk.Locator("p.notice[role=status]")).ToContainTextAsync("Ответ отправлен");

        await parent.GotoAsync(thread);
        await Expect(parent.Locator(".message").Last.Locator(".message__text")).ToHaveTextAsync("Да, можно.");
        parentSession.AssertNoProblems();
        teacherSession.AssertNoProblems();
    }

    private static async Task SignInAsync(IPage page, string login)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Логин", new PageGetByLabelOptions { Exact = true }).FillAsync(login);
        await page.GetByLabel("Пароль", new PageGetByLabelOptions { Exact = true }).FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Войти", Exact = true }).ClickAsync();
    }

    [GeneratedRegex(@"\d\d\.\d\d\.\d{4}")]
    private static partial Regex LessonDate();
}
