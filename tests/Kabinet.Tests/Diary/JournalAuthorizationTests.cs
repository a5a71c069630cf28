using System.Net;
using Kabinet.Tests.Infrastructure;
using Kabinet.Web.Features.Diary;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kabinet.Tests.Diary;

/// <summary>
/// Every journal page as every kind of caller: a teacher opens only the classes and subjects assigned to them (another
/// class, or another subject of their own class, is «not found»), other roles are forbidden, anonymous people are sent
/// to sign in; nobody changes a class that is not theirs; a replacement teacher edits the lesson they give, the
/// subject's teacher only looks at it.
/// </summary>
public sealed class JournalAuthorizationTests(JournalApp app) : IClassFixture<JournalApp>
{
    private static readonly string[] Pages = ["grid", "lesson", "marks", "export"];

    private static readonly string?[] Callers =
        [null, "demo.roditel", "demo.uchenik", "demo.uchitel", "demo.admin", "demo.operator", "demo.region", JournalApp.OtherTeacher];

    private enum Target
    {
        /// <summary>5А, Russian: the demo teacher's.</summary>
        DemoClass,

        /// <summary>5А, maths: the demo teacher's class, another teacher's subject.</summary>
        DemoClassOtherSubject,

        /// <summary>Another class of the gymnasium, maths: the other teacher's.</summary>
        OtherClass,
    }

    public static TheoryData<string, string?> Cases()
    {
        var data = new TheoryData<string, string?>();
        foreach (var page in Pages)
        {
            foreach (var caller in Callers)
                data.Add(page, caller);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_caller_opens_only_their_own_classes_and_subjects(string page, string? caller)
    {
        var ids = await JournalTestData.IdsAsync(app);
        var browser = caller is null ? app.CreateBrowser() : await app.SignedInAsync(caller);
        foreach (var target in Enum.GetValues<Target>())
        {
            var (classId, subjectId) = target switch
            {
                Target.DemoClass => (ids.ClassId, ids.Russian),
                Target.DemoClassOtherSubject => (ids.ClassId, ids.Maths),
                _ => (ids.OtherClassId, ids.Maths),
            };
            var number = target == Target.OtherClass ? 1 : await JournalTestData.NumberOfAsync(app, classId, subjectId, JournalApp.Today);
            var url = page switch
            {
                "grid" => $"/journal/{classId}/{subjectId}",
                "lesson" => JournalTestData.LessonUrl(classId, subjectId, JournalApp.Today, number),
                "marks" => $"/journal/{classId}/{subjectId}/marks",
                _ => $"/journal/{classId}/{subjectId}/export.csv",
            };
            var response = await browser.GetAsync(url);

            var expected = (caller, target) switch
            {
                (null, _) => HttpStatusCode.Redirect,
                ("demo.uchitel", Target.DemoClass) or (JournalApp.OtherTeacher, Target.OtherClass) => HttpStatusCode.OK,
                ("demo.uchitel" or JournalApp.OtherTeacher, _) => HttpStatusCode.NotFound,
                _ => HttpStatusCode.Forbidden,
            };
            if (expected == HttpStatusCode.Redirect)
            {
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.Contains("/account/login", response.Headers.Location?.ToString(), StringComparison.Ordinal);
            }
            else if (expected == HttpStatusCode.Forbidden)
            {
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden || response.Headers.Location?.ToString().Contains("/error/403", StringComparison.Ordinal) == true,
                    $"{caller} reached {url}: {(int)response.StatusCode}");
            }
            else
            {
                Assert.True(expected == response.StatusCode, $"{caller} at {url} ({target}): expected {(int)expected}, got {(int)response.StatusCode}");
            }
        }
    }

    [Fact]
    public async Task The_journal_list_shows_a_teacher_only_their_classes()
    {
        var ids = await JournalTestData.IdsAsync(app);
        var mine = await (await app.SignedInAsync("demo.uchitel")).GetPageAsync("/journal");
        var links = mine.QuerySelectorAll("#journals a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/journal/{ids.ClassId}/{ids.Russian}", links);
        Assert.DoesNotContain($"/journal/{ids.ClassId}/{ids.Maths}", links);
        Assert.DoesNotContain(links, l => l!.StartsWith($"/journal/{ids.OtherClassId}/", StringComparison.Ordinal));

        var other = await (await app.SignedInAsync(JournalApp.OtherTeacher)).GetPageAsync("/journal");
        Assert.Equal([$"/journal/{ids.OtherClassId}/{ids.Maths}"], other.QuerySelectorAll("#journals a").Select(a => a.GetAttribute("href")).Distinct().Take(1));
        Assert.DoesNotContain(other.QuerySelectorAll("#journals a"), a => a.GetAttribute("href")!.StartsWith($"/journal/{ids.ClassId}/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_teacher_cannot_change_another_teachers_class()
    {
        var ids = await JournalTestData.IdsAsync(app);
        var before = await JournalTestData.SnapshotAsync(app, ids.ClassId);
        var otherBefore = await JournalTestData.SnapshotAsync(app, ids.OtherClassId);
        var other = await app.SignedInAsync(JournalApp.OtherTeacher);
        var token = (await other.GetPageAsync("/journal")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var number = await JournalTestData.NumberOfAsync(app, ids.ClassId, ids.Russian, JournalApp.Today);
        var into5A = await other.PostAsync(JournalTestData.LessonUrl(ids.ClassId, ids.Russian, JournalApp.Today, number), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Topic"] = "Чужая тема", [$"m-{ids.StudentId}-new"] = "2", ["NewKind"] = "1",
        }));
        Assert.Equal(HttpStatusCode.NotFound, into5A.StatusCode);
        var marks = await other.PostAsync($"/journal/{ids.ClassId}/{ids.Russian}/marks", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, [$"p-{ids.StudentId}-0"] = "2",
        }));
        Assert.Equal(HttpStatusCode.NotFound, marks.StatusCode);

        var demo = await app.SignedInAsync("demo.uchitel");
        var demoToken = (await demo.GetPageAsync("/journal")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var intoOther = await demo.PostAsync(JournalTestData.LessonUrl(ids.OtherClassId, ids.Maths, JournalApp.Today, 1), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = demoToken, ["Topic"] = "Чужая тема",
        }));
        Assert.Equal(HttpStatusCode.NotFound, intoOther.StatusCode);

        Assert.Equal(before, await JournalTestData.SnapshotAsync(app, ids.ClassId));
        Assert.Equal(otherBefore, await JournalTestData.SnapshotAsync(app, ids.OtherClassId));
    }

    [Fact]
    public async Task A_replacement_teacher_edits_the_lesson_they_give_and_the_subjects_teacher_only_sees_it()
    {
        var ids = await JournalTestData.IdsAsync(app);
        var friday = new DateOnly(2026, 11, 20);
        var number = await JournalTestData.NumberOfAsync(app, ids.ClassId, ids.Russian, friday);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Kabinet.Web.Data.KabinetDbContext>();
            if (!await db.TimetableChanges.AnyAsync(c => c.ClassGroupId == ids.ClassId && c.Date == friday && c.LessonNumber == number))
            {
                db.TimetableChanges.Add(TimetableChange.Replace(ids.Gymnasium, ids.ClassId, friday, number, null, ids.OtherTeacherEmployeeId, null, "болезнь учителя"));
                await db.SaveChangesAsync();
            }
        }

        var url = JournalTestData.LessonUrl(ids.ClassId, ids.Russian, friday, number);
        var other = await app.SignedInAsync(JournalApp.OtherTeacher);
        Assert.Contains(JournalTestData.LessonUrl(ids.ClassId, ids.Russian, friday, number), (await other.GetPageAsync("/journal")).QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        var saved = await JournalTestData.SaveLessonAsync(other, url, new Dictionary<string, string> { ["Topic"] = "Тема на замене" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/journal/{ids.ClassId}/{ids.Russian}")).StatusCode);

        var demo = await app.SignedInAsync("demo.uchitel");
        var view = await demo.GetPageAsync(url);
        Assert.Equal("Тема на замене", view.QuerySelector("#Topic")!.GetAttribute("value"));
        Assert.NotNull(view.QuerySelector("#lesson-form fieldset[disabled]"));
        var before = await JournalTestData.SnapshotAsync(app, ids.ClassId);
        var token = view.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var refused = await demo.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Topic"] = "Моя тема" }));
        Assert.Contains("другой учитель", (await JournalTestData.RefusedAsync(refused)).Text(".error-summary"), StringComparison.Ordinal);
        Assert.Equal(before, await JournalTestData.SnapshotAsync(app, ids.ClassId));
    }
}
