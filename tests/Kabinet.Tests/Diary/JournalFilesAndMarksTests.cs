using System.Net;
using System.Text;
using Kabinet.Tests.Infrastructure;
using Kabinet.Web.Features.Diary;
using Kabinet.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Tests.Diary;

/// <summary>Lesson files (types by content, the size limit), period and year marks, the CSV export and the demo journal.</summary>
public sealed class JournalFilesAndMarksTests(JournalApp app) : IClassFixture<JournalApp>
{
    private static readonly DateOnly Yesterday = JournalApp.Today.AddDays(-1);

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient browser, string url, string purpose, params (string Name, byte[] Content)[] files)
    {
        var page = await browser.GetPageAsync(url);
        var token = page.QuerySelector("form[enctype='multipart/form-data'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new StringContent(purpose), "Purpose" } };
        foreach (var (name, content) in files)
            form.Add(new ByteArrayContent(content), "files", name);
        return await browser.PostAsync($"{url}?handler=Upload", form);
    }

    private static byte[] Pdf(int size = 2000) => [.. "%PDF-1.4\n"u8.ToArray(), .. new byte[size]];

    [Fact]
    public async Task Lesson_files_of_the_allowed_types_are_kept_and_others_are_refused_with_nothing_saved()
    {
        var ids = await JournalTestData.IdsAsync(app);
        var number = await JournalTestData.NumberOfAsync(app, ids.ClassId, ids.Russian, Yesterday);
        var url = JournalTestData.LessonUrl(ids.ClassId, ids.Russian, Yesterday, number);
        var teacher = await app.SignedInAsync("demo.uchitel");
        var before = await JournalTestData.SnapshotAsync(app, ids.ClassId);

        var cases = new (string Name, byte[] Content, string Message)[]
        {
            ("programme.exe", [0x4D, 0x5A, 0x90, 0, 3, 0, 0, 0], "Можно приложить PDF"),
            ("picture.pdf", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3], "не совпадает с расширением «.pdf»"),
            ("notes.txt", [.. "text"u8.ToArray(), 0, .. "more"u8.ToArray()], "не текст в кодировке UTF-8"),
            ("broken.txt", [0xC3, 0x28, 0x41], "не текст в кодировке UTF-8"),
            ("big.pdf", Pdf((10 * 1024 * 1024) + 1), "больше 10 МБ"),
        };
        foreach (var (name, content, message) in cases)
        {
            var refused = await JournalTestData.RefusedAsync(await UploadAsync(teacher, url, "Homework", (name, content)));
            Assert.Contains(message, refused.Text("#files-error"), StringComparison.Ordinal);
            Assert.Equal("files-hint files-error", refused.QuerySelector("#files")!.GetAttribute("aria-describedby"));
        }

        // A request over the limit is answered with the same message on the page, not a broken connection.
        var oversized = await UploadAsync(teacher, url, "Material", ("huge.pdf", Pdf(11 * 1024 * 1024)));
        Assert.Equal(HttpStatusCode.Redirect, oversized.StatusCode);
        Assert.EndsWith("#lesson-files", oversized.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Contains("больше 10 МБ", (await teacher.GetPageAsync(url)).Text("#files-error"), StringComparison.Ordinal);
        Assert.Equal(before, await JournalTestData.SnapshotAsync(app, ids.ClassId));

        var version = await JournalTestData.VersionAsync(app, ids.ClassId);
        var saved = await UploadAsync(teacher, url, "Homework", ("задание.pdf", Pdf()), ("таблица.xlsx", [0x50, 0x4B, 0x03, 0x04, 20, 0, 6, 0, 8, 0]),
            ("текст.odt", [0x50, 0x4B, 0x03, 0x04, 10, 0, 0, 0]), ("план.txt", Encoding.UTF8.GetBytes("План урока: повторить правило")),
            ("фото.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(version + 1, await JournalTestData.VersionAsync(app, ids.ClassId));
        var files = await DiaryTestData.QueryAsync(app, db => db.LessonFiles.Where(f => f.ClassGroupId == ids.ClassId).OrderBy(f => f.Id).ToListAsync());
        Assert.Equal(["задание.pdf", "таблица.xlsx", "текст.odt", "план.txt", "фото.jpg"], files.Select(f => f.FileName));
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", files[1].ContentType);
        Assert.All(files, f => Assert.Equal(LessonFilePurpose.Homework, f.Purpose));
        var page = await teacher.GetPageAsync(url);
        Assert.Contains($"/diary/files/{files[0].Id}", page.QuerySelectorAll("#lesson-files a").Select(a => a.GetAttribute("href")));

        var removed = await teacher.SubmitFormAsync($"{url}?fileId={files[0].Id}", new Dictionary<string, string>(), "RemoveFile", url);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(await DiaryTestData.QueryAsync(app, db => db.LessonFiles.AnyAsync(f => f.Id == files[0].Id)));
    }

    [Fact]
    public async Task Period_marks_show_the_average_and_suggestion_and_their_changes_are_kept()
    {
        var ids = await JournalTestData.IdsAsync(app);
        var term = ids.Year.Terms.First(t => t.StartsOn <= JournalApp.Today && JournalApp.Today <= t.EndsOn);
        var url = $"/journal/{ids.ClassId}/{ids.Russian}/marks";
        var key = $"p-{ids.StudentId}-{term.Number}";
        var teacher = await app.SignedInAsync("demo.uchitel");
        var page = await teacher.GetPageAsync(url);
        var marks = await DiaryTestData.QueryAsync(app, db => db.Marks.Where(m => m.StudentPersonId == ids.StudentId && m.SubjectId == ids.Russian && m.DeletedAt == null
            && m.Date >= term.StartsOn && m.Date <= term.EndsOn).ToListAsync());
        var summary = MarkAverages.Summarise(marks.Select(m => (m.Value, m.Weight)));
        var cell = page.QuerySelector($"#{key}")!.ParentElement!.TextContent;
        Assert.Contains(summary.Average!.Value.ToString("0.00", System.Globalization.CultureInfo.GetCultureInfo("ru-RU")) + " → " + summary.Suggested, cell, StringComparison.Ordinal);

        var six = await JournalTestData.RefusedAsync(await teacher.SubmitFormAsync(url, new Dictionary<string, string> { [key] = "6" }));
        Assert.Contains("итоговая отметка — число от 1 до 5", six.Text($"#{key}-error"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await teacher.SubmitFormAsync(url, new Dictionary<string, string> { [key] = "4" })).StatusCode);
        var given = await DiaryTestData.QueryAsync(app, db => db.PeriodMarks.SingleAsync(p => p.StudentPersonId == ids.StudentId && p.SubjectId == ids.Russian && p.PeriodNumber == term.Number));
        Assert.Equal(MarkValue.Four, given.Value);
        Assert.Contains(await JournalTestData.NotificationsOfAsync(app, "demo.roditel", NotificationKinds.DiaryMark), n => n.StartsWith("Итоговая отметка: Русский язык", StringComparison.Ordinal));

        var noReason = await JournalTestData.RefusedAsync(await teacher.SubmitFormAsync(url, new Dictionary<string, string> { [key] = "5" }));
        Assert.Contains("Укажите причину исправления", noReason.Text("#Reason-error"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await teacher.SubmitFormAsync(url, new Dictionary<string, string> { [key] = "5", ["Reason"] = "пересдал контрольную" })).StatusCode);

        var history = await DiaryTestData.QueryAsync(app, db => db.MarkChanges.Where(c => c.PeriodMarkId == given.Id).OrderBy(c => c.Id).ToListAsync());
        Assert.Equal([(null, MarkValue.Four, null), (MarkValue.Four, MarkValue.Five, "пересдал контрольную")], history.Select(c => (c.OldValue, c.NewValue, c.Reason)));
        Assert.Equal("5", (await teacher.GetPageAsync($"/journal/{ids.ClassId}/{ids.Russian}?period={term.Number}"))
            .QuerySelectorAll("#journal tbody tr").Select(r => r.Children[^1].TextContent.Trim()).First(v => v.Length > 0));
    }

    [Fact]
    public async Task The_csv_export_has_a_column_per_lesson_a_row_per_student_the_average_and_the_period_mark()
    {
        var ids = await JournalTestData.IdsAsync(app);
        var term = ids.Year.Terms.First(t => t.StartsOn <= Yesterday && Yesterday <= t.EndsOn);
        var teacher = await app.SignedInAsync("demo.uchitel");
        var response = await teacher.GetAsync($"/journal/{ids.ClassId}/{ids.Russian}/export.csv?period={term.Number}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("5А", response.Content.Headers.ContentDisposition!.FileNameStar, StringComparison.Ordinal);
        Assert.Contains("Русский язык", response.Content.Headers.ContentDisposition.FileNameStar, StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(';');
        Assert.Equal("Ученик", header[0]);
        Assert.Equal(["Средний балл", term.Title], header[^2..]);
        var yesterday = Array.IndexOf(header, Yesterday.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(yesterday > 0);

        var name = await DiaryTestData.QueryAsync(app, db => db.People.Where(p => p.Id == ids.StudentId).Select(p => p.LastName + " " + p.FirstName).SingleAsync());
        var row = lines.Single(l => l.StartsWith(name, StringComparison.Ordinal)).Split(';');
        Assert.Equal(header.Length, row.Length);
        var marks = await DiaryTestData.QueryAsync(app, db => db.Marks.Where(m => m.StudentPersonId == ids.StudentId && m.SubjectId == ids.Russian && m.DeletedAt == null
            && m.Date >= term.StartsOn && m.Date <= term.EndsOn).ToListAsync());
        var average = MarkAverages.Summarise(marks.Select(m => (m.Value, m.Weight))).Average;
        Assert.Equal(average?.ToString("0.00", System.Globalization.CultureInfo.GetCultureInfo("ru-RU")) ?? "", row[^2]);
        var yesterdays = marks.Where(m => m.Date == Yesterday).Select(m => ((int)m.Value).ToString(System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(yesterdays, row[yesterday].Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(v => v.All(char.IsDigit)).Order());
        Assert.Equal(lines.Length - 1, await DiaryTestData.QueryAsync(app, db => db.ClassMemberships.CountAsync(m => m.ClassGroupId == ids.ClassId)));
    }

    [Fact]
    public async Task The_demo_class_has_a_journal_for_every_past_study_day()
    {
        var ids = await JournalTestData.IdsAsync(app);
        var slots = await DiaryTestData.SlotsOfAsync(app, ids.ClassId);
        var studyDays = new List<DateOnly>();
        for (var day = ids.Year.StartsOn; day < JournalApp.Today; day = day.AddDays(1))
        {
            if (ids.Year.IsStudyDay(day) && slots.Any(s => s.IsOn(day)))
                studyDays.Add(day);
        }

        var lessonDays = await DiaryTestData.QueryAsync(app, db => db.Lessons.Where(l => l.ClassGroupId == ids.ClassId && l.Date < JournalApp.Today).Select(l => l.Date).Distinct().OrderBy(d => d).ToListAsync());
        Assert.Equal(studyDays, lessonDays);
        var russianTopics = await DiaryTestData.QueryAsync(app, db => db.Lessons.CountAsync(l => l.ClassGroupId == ids.ClassId && l.SubjectId == ids.Russian && l.Topic != null));
        Assert.True(russianTopics > 10);
        var lessons = await DiaryTestData.QueryAsync(app, db => db.Lessons.CountAsync(l => l.ClassGroupId == ids.ClassId));
        var homework = await DiaryTestData.QueryAsync(app, db => db.Homework.Where(h => h.ClassGroupId == ids.ClassId).ToListAsync());
        Assert.True(homework.Count > lessons / 2, $"{homework.Count} homework for {lessons} lessons");
        Assert.All(homework, h => Assert.True(h.DueOn > h.SetOn));
        Assert.True(await DiaryTestData.QueryAsync(app, db => db.Marks.CountAsync(m => m.StudentPersonId == ids.StudentId)) > 20);
        Assert.True(await DiaryTestData.QueryAsync(app, db => db.Attendance.CountAsync(a => a.ClassGroupId == ids.ClassId)) > 0);
        Assert.True(await DiaryTestData.QueryAsync(app, db => db.LessonComments.CountAsync(c => c.ClassGroupId == ids.ClassId)) >= 2);
        Assert.True(await DiaryTestData.QueryAsync(app, db => db.MarkChanges.AnyAsync(c => c.StudentPersonId == ids.StudentId && c.OldValue != null && c.Reason != null)));
        var firstEnded = ids.Year.Terms[0].EndsOn < JournalApp.Today;
        Assert.Equal(firstEnded, await DiaryTestData.QueryAsync(app, db => db.PeriodMarks.AnyAsync(p => p.StudentPersonId == ids.StudentId && p.PeriodNumber == 1)));
        Assert.True(await JournalTestData.VersionAsync(app, ids.ClassId) > 0);

        // The full pages stay light: the HTML with the site's CSS and the journal's CSS and script under 150 KiB.
        var teacher = await app.SignedInAsync("demo.uchitel");
        var number = await JournalTestData.NumberOfAsync(app, ids.ClassId, ids.Russian, Yesterday);
        foreach (var url in new[] { $"/journal/{ids.ClassId}/{ids.Russian}", $"/journal/{ids.ClassId}/{ids.Russian}/marks", JournalTestData.LessonUrl(ids.ClassId, ids.Russian, Yesterday, number) })
        {
            var html = await (await teacher.GetAsync(url)).Content.ReadAsByteArrayAsync();
            Assert.True(html.Length < 130 * 1024, $"{url}: {html.Length} bytes");
        }
    }
}
