using System.Net;
using Kabinet.Tests.Infrastructure;
using Kabinet.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using static Kabinet.Tests.Messages.MessagesTestData;

namespace Kabinet.Tests.Messages;

/// <summary>Writing, replying, reading and attaching, as the people involved would notice it.</summary>
public sealed class MessagesTests(IsolatedApp app) : IClassFixture<IsolatedApp>
{
    [Fact]
    public async Task A_parent_writes_to_the_class_teacher_who_is_notified_sees_it_unread_and_replies_and_the_parent_sees_it_read()
    {
        var community = await CommunityAsync(app);
        var parent = await app.SignedInAsync("demo.roditel");
        var form = await parent.GetPageAsync($"/messages/new?student={community.Pupil}");
        var options = form.QuerySelectorAll("#Recipient option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains($"teacher-{community.TeacherEmployee}", options);
        Assert.Contains("school", options);

        var location = await WriteAsync(parent, $"/messages/new?student={community.Pupil}", $"teacher-{community.TeacherEmployee}", "Контрольная по русскому",
            "Добрый день!\nКогда можно переписать контрольную?");
        var thread = await parent.GetPageAsync(location);
        Assert.Equal("Контрольная по русскому", thread.Text("h1"));
        Assert.Contains("Добрый день!\nКогда можно переписать контрольную?", thread.Text(".message--mine .message__text"), StringComparison.Ordinal);
        Assert.Equal("не прочитано", thread.Text(".message--mine .message__status"));

        var notification = await QueryAsync(app, db => db.Notifications.Where(n => n.Kind == NotificationKinds.Message && n.Link == location)
            .Join(db.Users, n => n.AccountId, u => u.Id, (n, u) => new { u.UserName, n.Title }).SingleAsync());
        Assert.Equal("demo.uchitel", notification.UserName);
        Assert.Equal("Новое сообщение: Контрольная по русскому", notification.Title);

        var teacher = await app.SignedInAsync("demo.uchitel");
        var inbox = await teacher.GetPageAsync("/messages");
        var row = inbox.QuerySelectorAll(".results li").Single(li => li.TextContent.Contains("Контрольная по русскому", StringComparison.Ordinal));
        Assert.Contains("is-unread", row.ClassName, StringComparison.Ordinal);
        Assert.Equal("1 непрочитанных", row.QuerySelector(".counter")!.TextContent.Trim());
        Assert.NotNull(inbox.QuerySelector("a[href='/messages'] .counter"));

        var opened = await teacher.GetPageAsync(location);
        Assert.NotNull(opened.QuerySelector(".message--new"));
        var reply = await PostAsync(teacher, location, new Dictionary<string, string> { ["Text"] = "В среду после уроков." });
        Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);
        Assert.DoesNotContain("is-unread", (await teacher.GetPageAsync("/messages")).QuerySelectorAll(".results li")
            .Single(li => li.TextContent.Contains("Контрольная по русскому", StringComparison.Ordinal)).ClassName ?? "", StringComparison.Ordinal);

        var answered = await parent.GetPageAsync(location);
        Assert.Equal("прочитано", answered.Text(".message--mine .message__status"));
        Assert.Equal("В среду после уроков.", answered.QuerySelectorAll(".message")[^1].QuerySelector(".message__text")!.TextContent);
        Assert.Equal(["Добрый день!\nКогда можно переписать контрольную?", "В среду после уроков."],
            answered.QuerySelectorAll(".message__text").Select(m => m.TextContent));
    }

    [Fact]
    public async Task The_administration_gets_a_letter_to_the_school_and_the_pupil_can_write_too()
    {
        var community = await CommunityAsync(app);
        var pupil = await app.SignedInAsync("demo.uchenik");
        var location = await WriteAsync(pupil, "/messages/new", "school", "Справка об обучении", "Нужна справка для бассейна.");

        var admin = await app.SignedInAsync("demo.admin");
        var thread = await admin.GetPageAsync(location);
        Assert.Equal("Нужна справка для бассейна.", thread.Text(".message__text"));
        Assert.Contains((await admin.GetPageAsync("/messages")).QuerySelectorAll(".results__name"), a => a.GetAttribute("href") == location);
        Assert.NotEqual(0, community.Gymnasium);
    }

    [Fact]
    public async Task A_forged_recipient_outside_the_school_community_is_refused_in_Russian_and_nothing_is_saved()
    {
        var community = await CommunityAsync(app);
        var before = await QueryAsync(app, db => db.MessageThreads.CountAsync());
        var parent = await app.SignedInAsync("demo.roditel");

        var response = await PostAsync(parent, $"/messages/new?student={community.Pupil}",
            new Dictionary<string, string> { ["Recipient"] = $"teacher-{community.OtherTeacherEmployee}", ["Subject"] = "Вопрос", ["Text"] = "Здравствуйте" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("Выберите адресата из списка", page.Text("#Recipient-error"), StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector("#Recipient")!.GetAttribute("aria-invalid"));
        Assert.Equal(before, await QueryAsync(app, db => db.MessageThreads.CountAsync()));

        // Another family's child, or a class the teacher does not teach, is not even found.
        Assert.Equal(HttpStatusCode.NotFound, (await parent.GetAsync($"/messages/new?student={community.OtherPupil}")).StatusCode);
        var stranger = await app.SignedInAsync(OtherTeacher);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/messages/new?class={community.ClassId}")).StatusCode);
        var otherParent = await app.SignedInAsync(OtherParent);
        var forged = await PostAsync(otherParent, $"/messages/new?student={community.OtherPupil}",
            new Dictionary<string, string> { ["Recipient"] = $"parent-{community.OtherParentPerson}-{community.Pupil}", ["Subject"] = "Вопрос", ["Text"] = "Здравствуйте" });
        Assert.Contains("Выберите адресата из списка", Html.Parse(await forged.Content.ReadAsStringAsync()).Text("#Recipient-error"), StringComparison.Ordinal);
        Assert.Equal(before, await QueryAsync(app, db => db.MessageThreads.CountAsync()));
    }

    [Fact]
    public async Task A_class_message_makes_one_private_thread_per_family_grouped_for_the_teacher()
    {
        var community = await CommunityAsync(app);
        var teacher = await app.SignedInAsync("demo.uchitel");
        var families = (await teacher.GetPageAsync($"/messages/new?class={community.ClassId}")).QuerySelector("#Recipient option[value=all]")!.TextContent;
        var location = await WriteAsync(teacher, $"/messages/new?class={community.ClassId}", "all", "Экскурсия в музей", "Сбор в 9:00 у школы.", ("план.pdf", Pdf));
        var broadcast = IdOf(location);
        var threads = await QueryAsync(app, db => db.MessageThreads.Where(t => t.BroadcastId == broadcast).ToListAsync());
        Assert.True(threads.Count >= 2, $"{threads.Count} threads");
        Assert.Contains($"семей: {threads.Count}", families, StringComparison.Ordinal);

        var inbox = await teacher.GetPageAsync("/messages");
        Assert.Single(inbox.QuerySelectorAll(".results__name"), a => a.TextContent.Contains("Экскурсия в музей", StringComparison.Ordinal));
        Assert.Equal(threads.Count, (await teacher.GetPageAsync(location)).QuerySelectorAll(".results li").Length);

        var parent = await app.SignedInAsync("demo.roditel");
        var ours = threads.Single(t => t.StudentPersonId == community.Pupil).Id;
        var reply = await PostAsync(parent, $"/messages/{ours}", new Dictionary<string, string> { ["Text"] = "Придём, спасибо. Ответ семьи Демо." });
        Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);

        var otherParent = await app.SignedInAsync(OtherParent);
        var theirInbox = await otherParent.GetPageAsync("/messages");
        var theirs = theirInbox.QuerySelectorAll(".results__name").Single(a => a.TextContent.Contains("Экскурсия в музей", StringComparison.Ordinal)).GetAttribute("href")!;
        Assert.NotEqual($"/messages/{ours}", theirs);
        var theirThread = await otherParent.GetPageAsync(theirs);
        var parentName = await QueryAsync(app, db => db.Users.Where(u => u.UserName == "demo.roditel").Join(db.People, u => u.PersonId, p => p.Id, (u, p) => p.LastName).SingleAsync());
        Assert.DoesNotContain("Ответ семьи Демо", theirThread.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(parentName, theirThread.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Single(theirThread.QuerySelectorAll(".message"));
        var file = theirThread.QuerySelector(".message__files a")!.GetAttribute("href")!;
        Assert.Equal(Pdf, await otherParent.GetByteArrayAsync(file));
        Assert.Equal(HttpStatusCode.NotFound, (await otherParent.GetAsync($"/messages/{ours}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherParent.GetAsync(location)).StatusCode);

        // The teacher sees the family's reply as unread in the class message.
        var grouped = await teacher.GetPageAsync(location);
        Assert.Contains(grouped.QuerySelectorAll(".results li.is-unread a"), a => a.GetAttribute("href") == $"/messages/{ours}");
    }

    public static TheoryData<string, byte[], string> RefusedFiles => new()
    {
        { "вирус.exe", "MZ\x90\0 not a document"u8.ToArray(), "Можно приложить только PDF, DOCX, XLSX, JPEG или PNG" },
        { "рисунок.pdf", Png, "содержимое не совпадает с расширением «.pdf» — это PNG, а не PDF" },
        { "таблица.docx", Office("xl/workbook.xml"), "это XLSX, а не DOCX" },
        { "архив.docx", Office("readme.txt"), "файл повреждён или это архив" },
        { "пустой.pdf", [], "файл пустой" },
        { "большой.pdf", [.. "%PDF-"u8, .. new byte[10 * 1024 * 1024]], "Файл больше 10 МБ" },
    };

    [Theory]
    [MemberData(nameof(RefusedFiles))]
    public async Task A_file_of_a_forbidden_type_or_over_the_limit_is_refused_in_Russian_and_nothing_is_saved(string name, byte[] content, string problem)
    {
        var community = await CommunityAsync(app);
        var before = await QueryAsync(app, db => db.Messages.CountAsync());
        var parent = await app.SignedInAsync("demo.roditel");

        var response = await PostAsync(parent, $"/messages/new?student={community.Pupil}",
            new Dictionary<string, string> { ["Recipient"] = $"teacher-{community.TeacherEmployee}", ["Subject"] = "Файл", ["Text"] = "Во вложении" }, (name, content));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(problem, page.Text("#files-error"), StringComparison.Ordinal);
        Assert.Equal("Файл", page.QuerySelector("#Subject")!.GetAttribute("value"));
        Assert.Equal(before, await QueryAsync(app, db => db.Messages.CountAsync()));
    }

    [Fact]
    public async Task A_reply_bigger_than_the_form_takes_comes_back_with_the_reason_and_nothing_is_saved()
    {
        var parent = await app.SignedInAsync("demo.roditel");
        var parentPerson = await QueryAsync(app, db => db.Users.Where(u => u.UserName == "demo.roditel").Select(u => u.PersonId).SingleAsync());
        var thread = await QueryAsync(app, db => db.ThreadParticipants.Where(p => p.PersonId == parentPerson).Select(p => p.ThreadId).MinAsync());
        var before = await QueryAsync(app, db => db.Messages.CountAsync(m => m.ThreadId == thread));
        var big = new byte[26 * 1024 * 1024];
        Pdf.CopyTo(big, 0);

        var response = await PostAsync(parent, $"/messages/{thread}", new Dictionary<string, string> { ["Text"] = "Большие файлы" }, ("один.pdf", big), ("два.pdf", big));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await parent.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("каждый — не больше 10 МБ", page.Text("#files-error"), StringComparison.Ordinal);
        Assert.Equal(before, await QueryAsync(app, db => db.Messages.CountAsync(m => m.ThreadId == thread)));
    }

    [Fact]
    public async Task More_than_five_files_are_refused()
    {
        var community = await CommunityAsync(app);
        var parent = await app.SignedInAsync("demo.roditel");

        var response = await PostAsync(parent, $"/messages/new?student={community.Pupil}",
            new Dictionary<string, string> { ["Recipient"] = $"teacher-{community.TeacherEmployee}", ["Subject"] = "Файлы", ["Text"] = "Во вложении" },
            [.. Enumerable.Range(1, 6).Select(i => ($"скан{i}.pdf", Pdf))]);

        Assert.Equal("К сообщению можно приложить не больше 5 файлов.", Html.Parse(await response.Content.ReadAsStringAsync()).Text("#files-error"));
    }

    [Fact]
    public async Task Word_and_Excel_files_are_accepted_and_only_the_participants_download_them()
    {
        var community = await CommunityAsync(app);
        var parent = await app.SignedInAsync("demo.roditel");
        var docx = Office("word/document.xml");
        var location = await WriteAsync(parent, $"/messages/new?student={community.Pupil}", $"teacher-{community.TeacherEmployee}", "Документы", "Заявление и таблица.",
            ("заявление.docx", docx), ("оценки.xlsx", Office("xl/workbook.xml")));

        var teacher = await app.SignedInAsync("demo.uchitel");
        var links = (await teacher.GetPageAsync(location)).QuerySelectorAll(".message__files a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(2, links.Count);
        var download = await teacher.GetAsync(links[0]);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(docx, await download.Content.ReadAsByteArrayAsync());

        foreach (var stranger in new[] { "demo.uchenik", "demo.admin", OtherParent, OtherTeacher })
            Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInAsync(stranger)).GetAsync(links[0])).StatusCode);
    }

    [Fact]
    public async Task Empty_and_too_long_texts_are_refused_next_to_the_field()
    {
        var community = await CommunityAsync(app);
        var parent = await app.SignedInAsync("demo.roditel");
        var url = $"/messages/new?student={community.Pupil}";
        var recipient = $"teacher-{community.TeacherEmployee}";

        var empty = Html.Parse(await (await PostAsync(parent, url, new Dictionary<string, string> { ["Recipient"] = recipient, ["Subject"] = " ", ["Text"] = "Текст" })).Content.ReadAsStringAsync());
        Assert.Equal("Напишите тему сообщения.", empty.Text("#Subject-error"));
        var blank = Html.Parse(await (await PostAsync(parent, url, new Dictionary<string, string> { ["Recipient"] = recipient, ["Subject"] = "Тема", ["Text"] = "  \n " })).Content.ReadAsStringAsync());
        Assert.Equal("Напишите текст сообщения.", blank.Text("#Text-error"));
        var longText = Html.Parse(await (await PostAsync(parent, url, new Dictionary<string, string> { ["Recipient"] = recipient, ["Subject"] = "Тема", ["Text"] = new string('а', 5001) })).Content.ReadAsStringAsync());
        Assert.Contains("не длиннее 5000 символов", longText.Text("#Text-error"), StringComparison.Ordinal);
        Assert.Equal("Text-hint Text-error", longText.QuerySelector("#Text")!.GetAttribute("aria-describedby"));
    }
}
