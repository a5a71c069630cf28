using System.Net;
using Kabinet.Tests.Infrastructure;
using Kabinet.Web.Features.Diary;
using Kabinet.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kabinet.Tests.Diary;

/// <summary>
/// The teacher fills in a lesson through its one form — marks, attendance, comments, topic, homework — and corrects
/// marks with a reason; refused input changes nothing; families are told; every write raises the class's version.
/// </summary>
public sealed class JournalEntryTests(JournalApp app) : IClassFixture<JournalApp>
{
    private static readonly DateOnly Yesterday = JournalApp.Today.AddDays(-1);

    [Fact]
    public async Task Marks_attendance_comments_and_homework_entered_in_the_form_are_kept_the_version_rises_and_the_family_is_told()
    {
        var ids = await JournalTestData.IdsAsync(app);
        var number = await JournalTestData.NumberOfAsync(app, ids.ClassId, ids.Russian, JournalApp.Today);
        var url = JournalTestData.LessonUrl(ids.ClassId, ids.Russian, JournalApp.Today, number);
        var answer = await DiaryTestData.QueryAsync(app, db => db.WorkKinds.SingleAsync(k => k.OrganisationId == ids.Gymnasium && k.Name == "Самостоятельная работа"));
        var classmate = await DiaryTestData.QueryAsync(app, db => db.ClassMemberships.Where(m => m.ClassGroupId == ids.ClassId && m.PersonId != ids.StudentId).Select(m => m.PersonId).MinAsync());
        var version = await JournalTestData.VersionAsync(app, ids.ClassId);
        var teacher = await app.SignedInAsync("demo.uchitel");

        var response = await JournalTestData.SaveLessonAsync(teacher, url, new Dictionary<string, string>
        {
            ["Topic"] = "Правописание приставок",
            ["HomeworkText"] = "Упражнение **125**, выучить правило.",
            ["HomeworkDue"] = "2026-11-19",
            ["NewKind"] = answer.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [$"m-{ids.StudentId}-new"] = "5",
            [$"a-{classmate}"] = "Н",
            [$"c-{ids.StudentId}"] = "Отлично работал на уроке",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var lesson = await DiaryTestData.QueryAsync(app, db => db.Lessons.SingleAsync(l => l.ClassGroupId == ids.ClassId && l.Date == JournalApp.Today && l.Number == number));
        Assert.Equal("Правописание приставок", lesson.Topic);
        Assert.Equal(ids.Russian, lesson.SubjectId);
        var homework = await DiaryTestData.QueryAsync(app, db => db.Homework.SingleAsync(h => h.LessonId == lesson.Id));
        Assert.Equal((new DateOnly(2026, 11, 19), "Упражнение **125**, выучить правило."), (homework.DueOn, homework.Text));
        var mark = await DiaryTestData.QueryAsync(app, db => db.Marks.SingleAsync(m => m.LessonId == lesson.Id && m.StudentPersonId == ids.StudentId));
        Assert.Equal((MarkValue.Five, answer.Id, answer.Weight), (mark.Value, mark.WorkKindId, mark.Weight));
        var given = await DiaryTestData.QueryAsync(app, db => db.MarkChanges.SingleAsync(c => c.MarkId == mark.Id));
        Assert.Equal((null, MarkValue.Five), (given.OldValue, given.NewValue));
        Assert.Equal(AttendanceCode.Absent, (await DiaryTestData.QueryAsync(app, db => db.Attendance.SingleAsync(a => a.LessonId == lesson.Id && a.StudentPersonId == classmate))).Code);
        Assert.Equal("Отлично работал на уроке", (await DiaryTestData.QueryAsync(app, db => db.LessonComments.SingleAsync(c => c.LessonId == lesson.Id))).Text);
        Assert.Equal(version + 1, await JournalTestData.VersionAsync(app, ids.ClassId));

        var week = $"/diary/{ids.StudentId}?week=2026-11-16";
        foreach (var login in new[] { "demo.roditel", "demo.uchenik" })
        {
            var marks = await JournalTestData.NotificationsOfAsync(app, login, NotificationKinds.DiaryMark);
            Assert.Contains(marks, n => n.Contains("Новая отметка: Русский язык", StringComparison.Ordinal) && n.Contains(": 5 (", StringComparison.Ordinal) && n.EndsWith(week, StringComparison.Ordinal));
            Assert.Contains(await JournalTestData.NotificationsOfAsync(app, login, NotificationKinds.DiaryHomework), n => n.Contains("выполнить к 19.11.2026", StringComparison.Ordinal));
        }

        var page = await teacher.GetPageAsync(url);
        Assert.Equal("5", page.QuerySelector($"#m-{ids.StudentId}-{answer.Id}")!.GetAttribute("value"));
        Assert.Equal("125", page.Text(".homework strong"));
        Assert.Equal("Н", (page.QuerySelector($"#a-{classmate}") as AngleSharp.Html.Dom.IHtmlSelectElement)!.Value);
        var grid = await teacher.GetPageAsync($"/journal/{ids.ClassId}/{ids.Russian}");
        var column = grid.QuerySelectorAll("#journal thead th").ToList().FindIndex(th => th.QuerySelector("a")?.GetAttribute("href") == url);
        var row = grid.QuerySelectorAll("#journal tbody tr").Single(r => r.QuerySelector("th")!.TextContent == (page.QuerySelector($"#st-{ids.StudentId}")!.TextContent));
        Assert.Equal("5", row.Children[column].TextContent.Trim());
    }

    [Fact]
    public async Task Changing_and_deleting_a_mark_needs_a_reason_and_keeps_the_history()
    {
        var ids = await JournalTestData.IdsAsync(app);
        var number = await JournalTestData.NumberOfAsync(app, ids.ClassId, ids.Russian, Yesterday);
        var url = JournalTestData.LessonUrl(ids.ClassId, ids.Russian, Yesterday, number);
        var teacher = await app.SignedInAsync("demo.uchitel");

        // The demo student gets a fresh mark of a kind they have no mark of in that lesson, so the family told is the demo one
        // whatever order the tests run in.
        var lessonId = await DiaryTestData.QueryAsync(app, db => db.Lessons.Where(l => l.ClassGroupId == ids.ClassId && l.Date == Yesterday && l.Number == number).Select(l => l.Id).SingleAsync());
        var used = await DiaryTestData.QueryAsync(app, db => db.Marks.Where(m => m.LessonId == lessonId && m.StudentPersonId == ids.StudentId && m.DeletedAt == null)
            .Select(m => m.WorkKindId).ToListAsync());
        var offered = (await teacher.GetPageAsync(url)).QuerySelectorAll("select[name=NewKind] option").Select(o => o.GetAttribute("value")).OfType<string>()
            .Where(v => int.TryParse(v, out var k) && !used.Contains(k));
        Assert.Equal(HttpStatusCode.Redirect, (await JournalTestData.SaveLessonAsync(teacher, url, new Dictionary<string, string>
        {
            ["NewKind"] = offered.First(), [$"m-{ids.StudentId}-new"] = "3",
        })).StatusCode);
        var mark = await DiaryTestData.QueryAsync(app, db => db.Marks.Where(m => m.LessonId == lessonId && m.StudentPersonId == ids.StudentId)
            .OrderByDescending(m => m.Id).FirstAsync());
        Assert.Equal(MarkValue.Three, mark.Value);
        var key = $"m-{mark.StudentPersonId}-{mark.WorkKindId}";
        var changed = MarkValue.Five;
        var before = await JournalTestData.SnapshotAsync(app, ids.ClassId);

        var refused = await JournalTestData.RefusedAsync(await JournalTestData.SaveLessonAsync(teacher, url, new Dictionary<string, string> { [key] = ((int)changed).ToString(System.Globalization.CultureInfo.InvariantCulture), ["Reason"] = "" }));
        Assert.Contains("Укажите причину исправления", refused.Text("#Reason-error"), StringComparison.Ordinal);
        Assert.Equal(before, await JournalTestData.SnapshotAsync(app, ids.ClassId));

        var version = await JournalTestData.VersionAsync(app, ids.ClassId);
        Assert.Equal(HttpStatusCode.Redirect, (await JournalTestData.SaveLessonAsync(teacher, url, new Dictionary<string, string>
        {
            [key] = ((int)changed).ToString(System.Globalization.CultureInfo.InvariantCulture), ["Reason"] = "ошибка при вводе",
        })).StatusCode);
        Assert.Equal(version + 1, await JournalTestData.VersionAsync(app, ids.ClassId));
        var after = await DiaryTestData.QueryAsync(app, db => db.Marks.SingleAsync(m => m.Id == mark.Id));
        Assert.Equal(changed, after.Value);
        Assert.NotNull(after.ChangedAt);

        Assert.Equal(HttpStatusCode.Redirect, (await JournalTestData.SaveLessonAsync(teacher, url, new Dictionary<string, string> { [key] = "", ["Reason"] = "поставлена не тому ученику" })).StatusCode);
        var deleted = await DiaryTestData.QueryAsync(app, db => db.Marks.SingleAsync(m => m.Id == mark.Id));
        Assert.NotNull(deleted.DeletedAt);
        var history = await DiaryTestData.QueryAsync(app, db => db.MarkChanges.Where(c => c.MarkId == mark.Id).OrderBy(c => c.Id).ToListAsync());
        Assert.Equal(
            [(null, mark.Value, null), (mark.Value, changed, "ошибка при вводе"), (changed, null, "поставлена не тому ученику")],
            history.Select(c => (c.OldValue, c.NewValue, c.Reason)));
        Assert.Contains(await JournalTestData.NotificationsOfAsync(app, "demo.roditel", NotificationKinds.DiaryMark),
            n => n.Contains("Отметка", StringComparison.Ordinal) && n.Contains("поставлена не тому ученику", StringComparison.Ordinal));
        var page = await teacher.GetPageAsync(url);
        Assert.Contains("поставлена не тому ученику", page.Text("#history"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pass_fail_subject_takes_only_pass_or_fail()
    {
        var ids = await JournalTestData.IdsAsync(app);
        int subjectId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Kabinet.Web.Data.KabinetDbContext>();
            var teacher = await db.TimetableSlots.Where(s => s.ClassGroupId == ids.ClassId && s.SubjectId == ids.Russian).Select(s => s.EmployeeId).FirstAsync();
            var subject = Subject.Create(ids.Gymnasium, "Шахматы", null, ResultKind.PassFail);
            db.Subjects.Add(subject);
            await db.SaveChangesAsync();
            subjectId = subject.Id;
            db.TeachingAssignments.Add(new TeachingAssignment { OrganisationId = ids.Gymnasium, AcademicYearId = ids.Year.Id, ClassGroupId = ids.ClassId, SubjectId = subjectId, EmployeeId = teacher });
            db.TimetableSlots.Add(new TimetableSlot
            {
                OrganisationId = ids.Gymnasium, AcademicYearId = ids.Year.Id, ClassGroupId = ids.ClassId, Day = DayOfWeek.Wednesday, LessonNumber = 7, SubjectId = subjectId,
                EmployeeId = teacher, ValidFrom = ids.Year.StartsOn, ValidTo = ids.Year.EndsOn,
            });
            await db.SaveChangesAsync();
        }

        var url = JournalTestData.LessonUrl(ids.ClassId, subjectId, JournalApp.Today, 7);
        var browser = await app.SignedInAsync("demo.uchitel");
        var key = $"m-{ids.StudentId}-new";
        var before = await JournalTestData.SnapshotAsync(app, ids.ClassId);
        var refused = await JournalTestData.RefusedAsync(await JournalTestData.SaveLessonAsync(browser, url, new Dictionary<string, string> { [key] = "5" }));
        Assert.Contains("ставится зачёт или незачёт", refused.Text($"#{key}-error"), StringComparison.Ordinal);
        Assert.Equal(before, await JournalTestData.SnapshotAsync(app, ids.ClassId));

        Assert.Equal(HttpStatusCode.Redirect, (await JournalTestData.SaveLessonAsync(browser, url, new Dictionary<string, string> { [key] = "зч" })).StatusCode);
        Assert.Equal(MarkValue.Pass, await DiaryTestData.QueryAsync(app, db => db.Marks.Where(m => m.SubjectId == subjectId && m.StudentPersonId == ids.StudentId).Select(m => m.Value).SingleAsync()));
        var grid = await browser.GetPageAsync($"/journal/{ids.ClassId}/{subjectId}");
        Assert.Contains(grid.QuerySelectorAll("#journal tbody td"), td => td.TextContent.Trim() == "зч");
    }

    public enum BadInput
    {
        MarkSix,
        PassInAMarksSubject,
        FutureDate,
        NotInTheTimetable,
        OutsideTheYear,
        ClosedPeriod,
    }

    [Theory]
    [InlineData(BadInput.MarkSix)]
    [InlineData(BadInput.PassInAMarksSubject)]
    [InlineData(BadInput.FutureDate)]
    [InlineData(BadInput.NotInTheTimetable)]
    [InlineData(BadInput.OutsideTheYear)]
    [InlineData(BadInput.ClosedPeriod)]
    public async Task Bad_input_is_refused_with_a_russian_message_and_nothing_is_saved(BadInput bad)
    {
        var ids = await JournalTestData.IdsAsync(app);
        var teacher = await app.SignedInAsync("demo.uchitel");
        var kind = await DiaryTestData.QueryAsync(app, db => db.WorkKinds.Where(k => k.OrganisationId == ids.Gymnasium && k.Name == "Проект").Select(k => k.Id).SingleAsync());
        var newMark = $"m-{ids.StudentId}-new";
        var admin = bad == BadInput.ClosedPeriod ? await app.SignedInAsync("demo.admin") : null;
        var term = ids.Year.Terms.First(t => t.StartsOn <= Yesterday && Yesterday <= t.EndsOn);
        if (admin is not null)
            Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync($"/school/{ids.Gymnasium}/periods?number={term.Number}", new Dictionary<string, string>(), "Close", $"/school/{ids.Gymnasium}/periods")).StatusCode);
        try
        {
            var (date, number, field, message) = bad switch
            {
                BadInput.MarkSix => (JournalApp.Today, 0, newMark, "«6» — не отметка: введите число от 1 до 5."),
                BadInput.PassInAMarksSubject => (JournalApp.Today, 0, newMark, "ставятся отметки от 1 до 5, а не зачёт"),
                BadInput.FutureDate => (JournalApp.Today.AddDays(1), 0, newMark, "не раньше 19.11.2026"),
                BadInput.NotInTheTimetable => (new DateOnly(2026, 11, 22), 1, "date", "нет 1-го урока «Русский язык»"),
                BadInput.OutsideTheYear => (new DateOnly(2027, 7, 1), 1, "date", "вне учебных периодов"),
                _ => (Yesterday, 0, $"c-{ids.StudentId}", $"Период «{term.Title}» закрыт"),
            };
            if (number == 0)
                number = await JournalTestData.NumberOfAsync(app, ids.ClassId, ids.Russian, date);
            var url = JournalTestData.LessonUrl(ids.ClassId, ids.Russian, date, number);
            var before = await JournalTestData.SnapshotAsync(app, ids.ClassId);
            var page = await teacher.GetPageAsync(url);
            var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            var fields = page.QuerySelector("#lesson-form") is null ? new Dictionary<string, string>() : JournalTestData.FieldsOf(page, "#lesson-form");
            fields["__RequestVerificationToken"] = token;
            fields["Topic"] = "Тема, которая не должна сохраниться";
            fields[bad == BadInput.ClosedPeriod ? $"c-{ids.StudentId}" : newMark] = bad switch
            {
                BadInput.MarkSix => "6",
                BadInput.PassInAMarksSubject => "зч",
                BadInput.ClosedPeriod => "Новый комментарий",
                _ => "5",
            };
            fields["NewKind"] = kind.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (bad == BadInput.FutureDate)
                fields[$"a-{ids.StudentId}"] = "Н";

            var refused = await JournalTestData.RefusedAsync(await teacher.PostAsync(url, new FormUrlEncodedContent(fields)));

            var shown = field == "date" ? refused.Text("#date-error") : refused.Text($"#{field}-error");
            Assert.Contains(message, shown, StringComparison.Ordinal);
            if (field != "date")
                Assert.Equal($"{field}-error", refused.QuerySelector($"#{field}")!.GetAttribute("aria-describedby"));
            Assert.Equal(before, await JournalTestData.SnapshotAsync(app, ids.ClassId));

            if (bad == BadInput.FutureDate)
            {
                // The topic and homework of a lesson ahead may be written now.
                Assert.Equal(HttpStatusCode.Redirect, (await JournalTestData.SaveLessonAsync(teacher, url, new Dictionary<string, string>
                {
                    ["Topic"] = "Тема на завтра", ["HomeworkText"] = "Повторить словарные слова", ["HomeworkDue"] = "2026-11-20",
                })).StatusCode);
                Assert.True(await DiaryTestData.QueryAsync(app, db => db.Lessons.AnyAsync(l => l.ClassGroupId == ids.ClassId && l.Date == date && l.Topic == "Тема на завтра")));
            }

            if (bad == BadInput.ClosedPeriod)
            {
                var marks = await teacher.GetPageAsync($"/journal/{ids.ClassId}/{ids.Russian}/marks");
                Assert.True(marks.QuerySelector($"#p-{ids.StudentId}-{term.Number}")!.HasAttribute("disabled"));
                Assert.False(marks.QuerySelector($"#p-{ids.StudentId}-0")!.HasAttribute("disabled"));
            }
        }
        finally
        {
            if (admin is not null)
                Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync($"/school/{ids.Gymnasium}/periods?number={term.Number}", new Dictionary<string, string>(), "Reopen", $"/school/{ids.Gymnasium}/periods")).StatusCode);
        }

        Assert.False(await DiaryTestData.QueryAsync(app, db => db.ClosedPeriods.AnyAsync()));
    }
}
