using System.Net;
using Kabinet.Tests.Infrastructure;
using Kabinet.Web.Common.Time;
using Kabinet.Web.Features.Diary;
using Kabinet.Web.Features.Diary.Family;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kabinet.Tests.Diary;

/// <summary>The parent's and student's diary: the week, marks for a period, history, materials, files, the A4 report and «Услуги».</summary>
public sealed class FamilyDiaryTests(IsolatedApp app) : IClassFixture<IsolatedApp>
{
    private static string Iso(DateOnly date) => DiaryTestData.Iso(date);

    [Fact]
    public async Task The_week_shows_lessons_topics_homework_marks_attendance_and_comments_of_the_child()
    {
        var c = await FamilyDiaryTestData.DemoClassAsync(app);
        var monday = c.Monday;
        var russian = await FamilyDiaryTestData.LessonAsync(app, c, monday, 1, "Имя существительное как часть речи");
        await FamilyDiaryTestData.HomeworkAsync(app, c, russian, "Упражнение **112**, правило на с. 54", monday.AddDays(1));
        var sheet = await FamilyDiaryTestData.FileAsync(app, c, russian, LessonFilePurpose.Homework, "Рабочий лист.pdf", "%PDF-1.4 sheet"u8.ToArray());
        await FamilyDiaryTestData.MarkAsync(app, c, russian, c.StudentId, MarkValue.Five, "Контрольная работа");
        await FamilyDiaryTestData.CommentAsync(app, c, russian, c.StudentId, "Отличная работа у доски");
        var maths = await FamilyDiaryTestData.LessonAsync(app, c, monday, 2, "Сложение дробей");
        await FamilyDiaryTestData.AttendanceAsync(app, c, maths, c.StudentId, AttendanceCode.Ill);
        var (_, other) = await FamilyDiaryTestData.OtherFamilyAsync(app, c);

        foreach (var login in new[] { "demo.roditel", "demo.uchenik" })
        {
            var page = await (await app.SignedInAsync(login)).GetPageAsync($"/diary/{c.StudentId}?week={Iso(monday)}");

            var day = page.QuerySelector($"#day-{Iso(monday)}")!.ParentElement!;
            var lessons = day.QuerySelectorAll(".lesson");
            var first = lessons[0].TextContent;
            Assert.Contains("Русский язык", first, StringComparison.Ordinal);
            Assert.Contains("08:00–08:40", first, StringComparison.Ordinal);
            Assert.Contains("Имя существительное как часть речи", first, StringComparison.Ordinal);
            Assert.Equal("112", lessons[0].QuerySelector(".homework strong")!.TextContent);
            Assert.Equal($"/diary/files/{sheet}", lessons[0].QuerySelector(".homework a")!.GetAttribute("href"));
            Assert.Equal("5", lessons[0].QuerySelector(".mark")!.TextContent);
            Assert.Contains("Контрольная работа, вес 3", first, StringComparison.Ordinal);
            Assert.Contains("Отличная работа у доски", lessons[0].QuerySelector(".comment")!.TextContent, StringComparison.Ordinal);
            var attendance = lessons[1].QuerySelector("abbr.attendance")!;
            Assert.Equal("Б", attendance.TextContent);
            Assert.Equal("болел", attendance.GetAttribute("title"));
            Assert.Contains("Сложение дробей", lessons[1].TextContent, StringComparison.Ordinal);

            // The homework is due on Tuesday, and shows there too.
            var tuesday = page.QuerySelector($"#day-{Iso(monday.AddDays(1))}")!.ParentElement!;
            Assert.Contains("Русский язык", tuesday.QuerySelector(".due")!.TextContent, StringComparison.Ordinal);
            Assert.Contains("Упражнение", tuesday.QuerySelector(".due")!.TextContent, StringComparison.Ordinal);
            // The load generator finds the child's id by this exact link.
            Assert.Matches($"href=\"/diary/{c.StudentId}\"", page.DocumentElement.OuterHtml);
        }

        // Another family's child in the same week sees none of it.
        var stranger = await (await app.SignedInAsync(FamilyDiaryTestData.OtherStudent)).GetPageAsync($"/diary/{other}?week={Iso(monday)}");
        Assert.DoesNotContain("Отличная работа у доски", stranger.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Имя существительное", stranger.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelled_and_replaced_lessons_show_with_the_reason()
    {
        var c = await FamilyDiaryTestData.DemoClassAsync(app);
        var year = await DiaryTestData.YearAsync(app, c.Gymnasium);
        // A week no other test opens (the week is cached once seen).
        var monday = c.Monday.AddDays(21);
        while (!year.IsStudyDay(monday.AddDays(1)))
            monday = monday.AddDays(7);
        var tuesday = monday.AddDays(1);
        var maths = await DiaryTestData.SubjectAsync(app, c.Gymnasium, "Математика");
        await DiaryTestData.QueryAsync(app, async db =>
        {
            db.TimetableChanges.Add(TimetableChange.Cancel(c.Gymnasium, c.ClassId, tuesday, 3, "учитель на курсах"));
            db.TimetableChanges.Add(TimetableChange.Replace(c.Gymnasium, c.ClassId, tuesday, 5, maths, null, null, "концерт перенесён"));
            return await db.SaveChangesAsync();
        });

        var page = await (await app.SignedInAsync("demo.roditel")).GetPageAsync($"/diary/{c.StudentId}?week={Iso(monday)}");

        var lessons = page.QuerySelector($"#day-{Iso(tuesday)}")!.ParentElement!.QuerySelectorAll(".lesson");
        Assert.Contains("is-cancelled", lessons[2].ClassName, StringComparison.Ordinal);
        Assert.Contains("Биология", lessons[2].TextContent, StringComparison.Ordinal);
        Assert.Equal("Урок отменён: учитель на курсах", lessons[2].QuerySelector(".lesson__change")!.TextContent);
        Assert.Equal("Математика", lessons[4].QuerySelector("strong")!.TextContent);
        Assert.Equal("Замена (по расписанию — Музыка): концерт перенесён", lessons[4].QuerySelector(".lesson__change")!.TextContent);
    }

    [Fact]
    public async Task A_mark_entered_after_the_page_was_seen_shows_on_the_next_request()
    {
        var c = await FamilyDiaryTestData.DemoClassAsync(app);
        var wednesday = c.Monday.AddDays(2);
        var lesson = await FamilyDiaryTestData.LessonAsync(app, c, wednesday, 4, "Материки и океаны");
        var browser = await app.SignedInAsync("demo.roditel");
        var url = $"/diary/{c.StudentId}?week={Iso(c.Monday)}";
        string Geography(AngleSharp.Html.Dom.IHtmlDocument page) =>
            page.QuerySelector($"#day-{Iso(wednesday)}")!.ParentElement!.QuerySelectorAll(".lesson")[3].TextContent;

        Assert.DoesNotContain("Самостоятельная работа", Geography(await browser.GetPageAsync(url)), StringComparison.Ordinal);

        var mark = await FamilyDiaryTestData.MarkAsync(app, c, lesson, c.StudentId, MarkValue.Three, "Самостоятельная работа");
        var afterMark = Geography(await browser.GetPageAsync(url));
        Assert.Contains("Самостоятельная работа, вес 2", afterMark, StringComparison.Ordinal);
        Assert.DoesNotContain("исправлена", afterMark, StringComparison.Ordinal);

        await FamilyDiaryTestData.ChangeMarkAsync(app, c, mark, MarkValue.Four, "ошибка при вводе");
        var page = await browser.GetPageAsync(url);
        var cell = page.QuerySelector($"#day-{Iso(wednesday)}")!.ParentElement!.QuerySelectorAll(".lesson")[3];
        Assert.Equal("4", cell.QuerySelector(".mark")!.TextContent);
        Assert.Contains("исправлена", cell.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Weeks_go_back_and_forth_and_open_on_this_week()
    {
        var c = await FamilyDiaryTestData.DemoClassAsync(app);
        var browser = await app.SignedInAsync("demo.roditel");

        var page = await browser.GetPageAsync($"/diary/{c.StudentId}?week={Iso(c.Monday.AddDays(3))}");

        Assert.NotNull(page.QuerySelector($"#day-{Iso(c.Monday)}"));
        Assert.Null(page.QuerySelector($"#day-{Iso(c.Monday.AddDays(-1))}"));
        Assert.Equal($"/diary/{c.StudentId}?week={Iso(c.Monday.AddDays(-7))}", page.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal($"/diary/{c.StudentId}?week={Iso(c.Monday.AddDays(7))}", page.QuerySelector("a[rel=next]")!.GetAttribute("href"));
        var next = await browser.GetPageAsync(page.QuerySelector("a[rel=next]")!.GetAttribute("href")!);
        Assert.NotNull(next.QuerySelector($"#day-{Iso(c.Monday.AddDays(7))}"));

        // Without a week: this week, and on Sunday the coming one.
        var today = app.Services.GetRequiredService<TimeProvider>().Today();
        var expected = FamilyDiary.MondayOf(today.DayOfWeek == DayOfWeek.Sunday ? today.AddDays(1) : today);
        var current = await browser.GetPageAsync($"/diary/{c.StudentId}");
        Assert.Contains(WeekModel.DayMonth(expected), current.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("1 сентября", WeekModel.DayMonth(new DateOnly(2026, 9, 1)));

        // Nonsense weeks open this week instead of failing.
        foreach (var week in new[] { "0001-01-01", "9999-12-31", "вчера", "2026-13-40" })
            Assert.Contains(WeekModel.DayMonth(expected), (await browser.GetPageAsync($"/diary/{c.StudentId}?week={week}")).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/diary/{c.StudentId}/history?page=-3")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/diary/{c.StudentId}/marks?period=99")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/diary/{c.StudentId}/report?period=x")).StatusCode);
    }

    [Fact]
    public async Task A_parent_of_two_switches_between_the_children_in_one_click()
    {
        var c = await FamilyDiaryTestData.DemoClassAsync(app);
        var (otherClass, _) = await FamilyDiaryTestData.OtherFamilyAsync(app, c);
        var second = await FamilyDiaryTestData.SecondChildAsync(app, c, otherClass);
        var browser = await app.SignedInAsync("demo.roditel");

        var index = await browser.GetPageAsync("/diary");
        var links = index.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/diary/{c.StudentId}", links);
        Assert.Contains($"/diary/{second}", links);

        var week = await browser.GetPageAsync($"/diary/{c.StudentId}?week={Iso(c.Monday)}");
        var switcher = week.QuerySelector("nav[aria-label=Дети]")!;
        Assert.Equal("page", switcher.QuerySelector($"a[href='/diary/{c.StudentId}?week={Iso(c.Monday)}']")!.GetAttribute("aria-current"));
        var toSecond = switcher.QuerySelector($"a[href='/diary/{second}?week={Iso(c.Monday)}']")!;
        Assert.Equal("Демидова Вера", toSecond.TextContent.Trim());

        var secondWeek = await browser.GetPageAsync(toSecond.GetAttribute("href")!);
        Assert.Contains("Демидова Вера", secondWeek.QuerySelector(".diary-who")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(secondWeek.QuerySelector($"#day-{Iso(c.Monday)}"));

        // From the marks page the switcher keeps to the marks.
        var marks = await browser.GetPageAsync($"/diary/{c.StudentId}/marks");
        Assert.NotNull(marks.QuerySelector($"nav[aria-label=Дети] a[href^='/diary/{second}/marks']"));
    }

    [Fact]
    public async Task Marks_for_a_period_average_current_marks_say_what_is_needed_and_show_period_and_year_marks()
    {
        var c = await FamilyDiaryTestData.DemoClassAsync(app);
        var year = await DiaryTestData.YearAsync(app, c.Gymnasium);
        var term = year.Terms.First(t => t.StartsOn <= c.Monday && c.Monday <= t.EndsOn);
        var thursday = c.Monday.AddDays(3);
        await FamilyDiaryTestData.ForgetDemoMarksAsync(app, c.StudentId, await DiaryTestData.SubjectAsync(app, c.Gymnasium, "История"));
        // Thursday's 3rd lesson is history: 3, a 2 corrected to 5, a deleted 2.
        var lesson = await FamilyDiaryTestData.LessonAsync(app, c, thursday, 3, "Древний Египет");
        await FamilyDiaryTestData.MarkAsync(app, c, lesson, c.StudentId, MarkValue.Three);
        var corrected = await FamilyDiaryTestData.MarkAsync(app, c, lesson, c.StudentId, MarkValue.Two);
        await FamilyDiaryTestData.ChangeMarkAsync(app, c, corrected, MarkValue.Five, "перепутал ученика");
        var deleted = await FamilyDiaryTestData.MarkAsync(app, c, lesson, c.StudentId, MarkValue.Two);
        await FamilyDiaryTestData.ChangeMarkAsync(app, c, deleted, null, "оценка поставлена по ошибке");
        var history = await DiaryTestData.SubjectAsync(app, c.Gymnasium, "История");
        await FamilyDiaryTestData.PeriodMarkAsync(app, c, history, c.StudentId, term.Number, MarkValue.Five);
        await FamilyDiaryTestData.PeriodMarkAsync(app, c, history, c.StudentId, 0, MarkValue.Four);
        var browser = await app.SignedInAsync("demo.uchenik");

        var page = await browser.GetPageAsync($"/diary/{c.StudentId}/marks?period={term.Number}");

        Assert.Contains(term.Title, page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var section = page.QuerySelectorAll("section.subject-marks").Single(s => s.QuerySelector("h2")!.TextContent == "История");
        Assert.Equal(new[] { "3", "5" }, section.QuerySelectorAll(".mark").Select(m => m.TextContent));
        // (3 + 5) / 2 = 4.00; fives: (8 + 5n) / (2 + n) ≥ 4.5 ⇔ n ≥ 2.
        Assert.True(section.TextContent.Contains("Средний балл: 4,00 — до пятёрки нужно 2 пятёрки", StringComparison.Ordinal), section.TextContent);
        Assert.Contains("исправлена", section.TextContent, StringComparison.Ordinal);
        Assert.Contains("Оценка за год: 4", section.TextContent, StringComparison.Ordinal);
        Assert.Matches(@"Оценка за \d-\S+ \S+: 5", section.TextContent);
        // Every subject of the class is listed, even without marks.
        Assert.Contains(page.QuerySelectorAll("section.subject-marks h2"), h => h.TextContent == "Музыка");
        // The period picker lists the year's periods.
        Assert.Equal(year.Terms.Count, page.QuerySelectorAll("nav[aria-label='Учебные периоды'] a").Length);

        // The history shows the correction old → new with the reason, the deletion, and who did it.
        var historyPage = await browser.GetPageAsync($"/diary/{c.StudentId}/history");
        var items = historyPage.QuerySelectorAll("ol.history > li").Select(li => li.TextContent).ToList();
        var correction = items.Single(t => t.Contains("перепутал ученика", StringComparison.Ordinal));
        Assert.Matches(@"оценка изменена:\s*2\s*→\s*5", correction);
        Assert.Contains("История", correction, StringComparison.Ordinal);
        Assert.Contains($"урок {thursday:dd.MM.yyyy}", correction, StringComparison.Ordinal);
        var teacher = await DiaryTestData.QueryAsync(app, db => db.Users.Where(u => u.UserName == "demo.uchitel")
            .Join(db.People, u => u.PersonId, p => p.Id, (u, p) => p).SingleAsync());
        Assert.Contains(teacher.FullName, correction, StringComparison.Ordinal);
        Assert.Contains(items, t => t.Contains("удалена", StringComparison.Ordinal) && t.Contains("оценка поставлена по ошибке", StringComparison.Ordinal));
        // Newest first: the deletion came after the correction.
        Assert.True(items.FindIndex(t => t.Contains("удалена", StringComparison.Ordinal)) < items.IndexOf(correction));

        // The printable report: who, where, which period, and the subject's row.
        var report = await browser.GetPageAsync($"/diary/{c.StudentId}/report?period={term.Number}");
        var who = report.QuerySelector(".report__who")!.TextContent;
        Assert.Contains("Гимназия", who, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("5А", who, StringComparison.Ordinal);
        Assert.Contains(term.Title, who, StringComparison.Ordinal);
        var row = report.QuerySelectorAll(".report__table tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "История");
        Assert.Equal(new[] { "История", "3 5", "4,00", "5", "4" }, row.Children.Select(cell => cell.TextContent.Trim()));
        Assert.True(report.QuerySelector("button[data-print]")!.HasAttribute("hidden"));
        Assert.NotNull(report.QuerySelector("script[src^='/js/print.js']"));
        Assert.Null(report.QuerySelector("script:not([src])"));
        Assert.Null(report.QuerySelector(".report nav"));
        var css = await (await browser.GetAsync("/css/diary.css")).Content.ReadAsStringAsync();
        Assert.Contains("size: A4", css, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Materials_list_the_class_files_and_the_family_downloads_them()
    {
        var c = await FamilyDiaryTestData.DemoClassAsync(app);
        var lesson = await FamilyDiaryTestData.LessonAsync(app, c, c.Monday.AddDays(4), 3, "Басни Крылова");
        var content = "%PDF-1.4 басни"u8.ToArray();
        var file = await FamilyDiaryTestData.FileAsync(app, c, lesson, LessonFilePurpose.Material, "Басни «Крылова».pdf", content);
        var browser = await app.SignedInAsync("demo.roditel");

        var page = await browser.GetPageAsync($"/diary/{c.StudentId}/materials");
        var literature = page.QuerySelectorAll("main section").Single(s => s.QuerySelector("h2")!.TextContent == "Литература");
        var link = literature.QuerySelector($"a[href='/diary/files/{file}']")!;
        Assert.Equal("Басни «Крылова».pdf", link.TextContent);
        Assert.Contains("Басни Крылова", literature.TextContent, StringComparison.Ordinal);

        var response = await browser.GetAsync($"/diary/files/{file}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(content, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("Басни «Крылова».pdf", response.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Services_show_each_childs_lessons_today_latest_marks_and_homework_due_tomorrow()
    {
        var c = await FamilyDiaryTestData.DemoClassAsync(app);
        var year = await DiaryTestData.YearAsync(app, c.Gymnasium);
        var today = app.Services.GetRequiredService<TimeProvider>().Today();
        var tomorrow = today.AddDays(1);
        // A lesson before tomorrow (the latest weekday study day up to today) with a mark and homework due tomorrow.
        var day = today;
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || !year.IsStudyDay(day))
            day = day.AddDays(-1);
        var lesson = await FamilyDiaryTestData.LessonAsync(app, c, day, 5, "Повторение");
        await FamilyDiaryTestData.MarkAsync(app, c, lesson, c.StudentId, MarkValue.Four);
        await FamilyDiaryTestData.HomeworkAsync(app, c, lesson, "Выучить таблицу на завтра", tomorrow);
        var slotsToday = (await DiaryTestData.SlotsOfAsync(app, c.ClassId)).Where(s => s.IsOn(today)).ToList();
        var latest = await DiaryTestData.QueryAsync(app, db => db.Marks.Where(m => m.StudentPersonId == c.StudentId && m.DeletedAt == null)
            .OrderByDescending(m => m.Date).ThenByDescending(m => m.Id).Take(DiaryDirectory.LatestMarks)
            .Join(db.Subjects, m => m.SubjectId, s => s.Id, (m, s) => new { m.Value, m.Date, s.Name }).ToListAsync());

        foreach (var login in new[] { "demo.roditel", "demo.uchenik" })
        {
            var page = await (await app.SignedInAsync(login)).GetPageAsync("/services");

            var block = page.QuerySelector("section.diary-block")!;
            var card = block.QuerySelectorAll("li.card").Single(li => li.QuerySelector($"h3 a[href='/diary/{c.StudentId}']") is not null);
            var text = card.TextContent;
            Assert.Contains("5А", text, StringComparison.Ordinal);
            if (slotsToday.Count > 0 && year.IsStudyDay(today))
                Assert.Equal(slotsToday.Count, card.QuerySelectorAll("ul.diary-today li").Length);
            else
                Assert.Contains("Сегодня уроков нет.", text, StringComparison.Ordinal);
            var marks = card.QuerySelectorAll("ul.diary-marks li").Select(li => li.TextContent.Trim()).ToList();
            Assert.Equal(latest.OrderByDescending(m => m.Date).Select(m => $"{(int)m.Value} — {m.Name}, {m.Date:dd.MM}"), marks);
            if (tomorrow.DayOfWeek == DayOfWeek.Sunday)
            {
                Assert.Contains("На завтра ничего не задано.", text, StringComparison.Ordinal);
            }
            else
            {
                var due = card.QuerySelectorAll("li").Single(li => li.TextContent.Contains("Выучить таблицу на завтра", StringComparison.Ordinal));
                Assert.Equal($"/diary/{c.StudentId}?week={Iso(tomorrow)}", due.QuerySelector("a")!.GetAttribute("href"));
            }
        }

        // Staff without children get no diary block.
        var admin = await (await app.SignedInAsync("demo.admin")).GetPageAsync("/services");
        Assert.Null(admin.QuerySelector("section.diary-block"));
    }

    [Fact]
    public async Task A_college_student_sees_their_group_semesters_and_the_colleges_words()
    {
        var c = await FamilyDiaryTestData.DemoClassAsync(app);
        var tuesday = c.Monday.AddDays(1);
        var college = await FamilyDiaryTestData.CollegeStudentAsync(app, "college.student", tuesday, MarkValue.Five);
        var browser = await app.SignedInAsync("college.student");

        var week = await browser.GetPageAsync($"/diary/{college.StudentId}?week={Iso(college.Monday)}");
        Assert.Contains("группа", week.QuerySelector(".diary-who")!.TextContent, StringComparison.Ordinal);
        var lesson = week.QuerySelector($"#day-{Iso(tuesday)}")!.ParentElement!.QuerySelector(".lesson")!;
        Assert.Contains("Техническая механика", lesson.TextContent, StringComparison.Ordinal);
        Assert.Equal("отл", lesson.QuerySelector(".mark")!.TextContent);
        Assert.Equal("отлично", lesson.QuerySelector(".mark")!.GetAttribute("title"));

        var marks = await browser.GetPageAsync($"/diary/{college.StudentId}/marks");
        Assert.All(marks.QuerySelectorAll("nav[aria-label='Учебные периоды'] a"), a => Assert.EndsWith("семестр", a.TextContent, StringComparison.Ordinal));
        Assert.Contains("семестр", marks.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);

        // The college student does not see the school's pupil, nor the other way round.
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/diary/{c.StudentId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInAsync("demo.uchenik")).GetAsync($"/diary/{college.StudentId}")).StatusCode);
    }

    [Fact]
    public async Task The_menu_links_the_diary_for_parents_and_students_only()
    {
        foreach (var (login, shown) in new[] { ("demo.roditel", true), ("demo.uchenik", true), ("demo.uchitel", false), ("demo.region", false) })
        {
            var page = await (await app.SignedInAsync(login)).GetPageAsync("/services");
            Assert.Equal(shown, page.QuerySelector("nav.top-nav a[href='/diary']") is not null);
        }
    }

    [Fact]
    public async Task Week_page_stays_light()
    {
        var c = await FamilyDiaryTestData.DemoClassAsync(app);
        var browser = await app.SignedInAsync("demo.roditel");
        var html = await (await browser.GetAsync($"/diary/{c.StudentId}?week={Iso(c.Monday)}")).Content.ReadAsByteArrayAsync();
        var css = await (await browser.GetAsync("/css/site.css")).Content.ReadAsByteArrayAsync();
        var diaryCss = await (await browser.GetAsync("/css/diary.css")).Content.ReadAsByteArrayAsync();

        Assert.True(html.Length + css.Length + diaryCss.Length < 150 * 1024, $"{html.Length + css.Length + diaryCss.Length} bytes");
    }
}
