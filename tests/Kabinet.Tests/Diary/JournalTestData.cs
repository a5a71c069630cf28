using System.Net;
using AngleSharp.Html.Dom;
using Kabinet.Tests.Infrastructure;
using Kabinet.Web.Common.Time;
using Kabinet.Web.Data;
using Kabinet.Web.Data.Seed;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.Diary;
using Kabinet.Web.Features.Institutions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kabinet.Tests.Diary;

/// <summary>
/// The demo region on a fixed day — Wednesday 18 November 2026, 10:00 in Kemerovo — so that the journal has past,
/// today's and future lessons whatever the day the tests run.
/// </summary>
public sealed class JournalApp() : KabinetApp(services: s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 11, 18, 3, 0, 0, TimeSpan.Zero))))
{
    public static readonly DateOnly Today = new(2026, 11, 18);

    public const string OtherTeacher = "other.teacher";
}

/// <summary>The demo gymnasium's 5А journal as the tests need it: ids, lessons by the timetable, form posting, and another teacher.</summary>
internal static class JournalTestData
{
    public sealed record Ids(int Gymnasium, int ClassId, int Russian, int Maths, int StudentId, int OtherClassId, int OtherTeacherEmployeeId, SchoolYear Year);

    private static readonly SemaphoreSlim Setup = new(1, 1);

    public static async Task<Ids> IdsAsync(KabinetApp app)
    {
        var gymnasium = await DiaryTestData.GymnasiumAsync(app);
        var year = await DiaryTestData.YearAsync(app, gymnasium);
        var classId = await DiaryTestData.ClassAsync(app, gymnasium, "5А");
        var russian = await DiaryTestData.SubjectAsync(app, gymnasium, "Русский язык");
        var maths = await DiaryTestData.SubjectAsync(app, gymnasium, "Математика");
        var student = await DiaryTestData.QueryAsync(app, db => db.Users.Where(u => u.UserName == "demo.uchenik").Select(u => u.PersonId).SingleAsync());
        var (otherClass, otherEmployee) = await OtherTeacherAsync(app, gymnasium, year, classId, maths);
        return new Ids(gymnasium, classId, russian, maths, student, otherClass, otherEmployee, year);
    }

    /// <summary>
    /// A teacher of the gymnasium who teaches maths in another class (with a lesson every Wednesday, first period),
    /// with an account (made once per app).
    /// </summary>
    private static async Task<(int ClassId, int EmployeeId)> OtherTeacherAsync(KabinetApp app, int gymnasium, SchoolYear year, int fifth, int maths)
    {
        await Setup.WaitAsync();
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KabinetDbContext>();
            var otherClass = await db.ClassGroups.Where(c => c.OrganisationId == gymnasium && c.AcademicYearId == year.Id && c.Id != fifth).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
            if (await db.Users.FirstOrDefaultAsync(u => u.UserName == JournalApp.OtherTeacher) is { } existing)
                return (otherClass, await db.Employees.Where(e => e.PersonId == existing.PersonId && e.OrganisationId == gymnasium).Select(e => e.Id).FirstAsync());

            var busy = await db.TimetableSlots.Where(s => s.ClassGroupId == fifth).Select(s => s.EmployeeId).Distinct().ToListAsync();
            var withAccounts = await db.Users.Select(u => u.PersonId).ToListAsync();
            var teacher = await db.Employees.Where(e => e.OrganisationId == gymnasium && !busy.Contains(e.Id) && !withAccounts.Contains(e.PersonId))
                .OrderBy(e => e.Id).FirstAsync();
            db.TeachingAssignments.Add(new TeachingAssignment { OrganisationId = gymnasium, AcademicYearId = year.Id, ClassGroupId = otherClass, SubjectId = maths, EmployeeId = teacher.Id });
            db.TimetableSlots.Add(new TimetableSlot
            {
                OrganisationId = gymnasium, AcademicYearId = year.Id, ClassGroupId = otherClass, Day = DayOfWeek.Wednesday, LessonNumber = 1, SubjectId = maths,
                EmployeeId = teacher.Id, ValidFrom = year.StartsOn, ValidTo = year.EndsOn,
            });
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
            var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            var account = new Account { UserName = JournalApp.OtherTeacher, Email = $"{JournalApp.OtherTeacher}@kabinet.example", EmailConfirmed = true, PersonId = teacher.PersonId, CreatedAt = now };
            Assert.True((await users.CreateAsync(account, Seeder.DemoPassword)).Succeeded);
            db.RoleGrants.Add(RoleGrant.Create(account.Id, PortalRole.Teacher, now, gymnasium));
            await db.SaveChangesAsync();
            return (otherClass, teacher.Id);
        }
        finally
        {
            Setup.Release();
        }
    }

    public static string Iso(DateOnly date) => DiaryTestData.Iso(date);

    public static string LessonUrl(int classId, int subjectId, DateOnly date, int number) => $"/journal/{classId}/{subjectId}/{Iso(date)}/{number}";

    /// <summary>The 5А lesson number of a subject on a date by the demo timetable (the first one that day).</summary>
    public static async Task<int> NumberOfAsync(KabinetApp app, int classId, int subjectId, DateOnly date) =>
        await DiaryTestData.QueryAsync(app, db => db.TimetableSlots.Where(s => s.ClassGroupId == classId && s.SubjectId == subjectId && s.Day == date.DayOfWeek)
            .OrderBy(s => s.LessonNumber).Select(s => s.LessonNumber).FirstAsync());

    /// <summary>All fields of a page's form as a browser would send them (disabled ones left out), with some replaced.</summary>
    public static Dictionary<string, string> FieldsOf(IHtmlDocument page, string formSelector, IDictionary<string, string>? set = null)
    {
        var form = page.QuerySelector(formSelector) as IHtmlFormElement ?? throw new InvalidOperationException($"No form {formSelector}");
        var fields = new Dictionary<string, string>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || element.HasAttribute("disabled") || element.Closest("fieldset[disabled]") is not null)
                continue;
            switch (element)
            {
                case IHtmlInputElement { Type: "file" or "submit" }:
                    break;
                case IHtmlInputElement input:
                    fields[name] = input.Value;
                    break;
                case IHtmlSelectElement select:
                    fields[name] = select.Value ?? "";
                    break;
                case IHtmlTextAreaElement area:
                    fields[name] = area.Value;
                    break;
            }
        }

        foreach (var (key, value) in set ?? new Dictionary<string, string>())
            fields[key] = value;
        return fields;
    }

    /// <summary>Opens the lesson page, fills its form like a teacher and sends it.</summary>
    public static async Task<HttpResponseMessage> SaveLessonAsync(HttpClient browser, string url, IDictionary<string, string> set)
    {
        var page = await browser.GetPageAsync(url);
        var fields = FieldsOf(page, "#lesson-form", set);
        return await browser.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    public static async Task<IHtmlDocument> RefusedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Html.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Everything the journal of the class holds, to show that a refused form changed nothing.</summary>
    public static Task<string> SnapshotAsync(KabinetApp app, int classId) => DiaryTestData.QueryAsync(app, async db =>
        string.Join('|',
            await db.Lessons.CountAsync(l => l.ClassGroupId == classId),
            await db.Marks.CountAsync(m => m.ClassGroupId == classId),
            await db.Marks.Where(m => m.ClassGroupId == classId).SumAsync(m => (int)m.Value),
            await db.Marks.CountAsync(m => m.ClassGroupId == classId && m.DeletedAt != null),
            await db.MarkChanges.CountAsync(),
            await db.Attendance.CountAsync(a => a.ClassGroupId == classId),
            await db.LessonComments.CountAsync(c => c.ClassGroupId == classId),
            await db.Homework.CountAsync(h => h.ClassGroupId == classId),
            await db.LessonFiles.CountAsync(f => f.ClassGroupId == classId),
            await db.PeriodMarks.Where(p => p.ClassGroupId == classId).SumAsync(p => (int)p.Value),
            await VersionAsync(db, classId)));

    public static Task<long> VersionAsync(KabinetApp app, int classId) => DiaryTestData.QueryAsync(app, db => VersionAsync(db, classId));

    private static async Task<long> VersionAsync(KabinetDbContext db, int classId) =>
        await db.ClassJournalVersions.Where(v => v.ClassGroupId == classId).Select(v => (long?)v.Version).FirstOrDefaultAsync() ?? 0;

    /// <summary>The notification titles an account got, newest first.</summary>
    public static Task<List<string>> NotificationsOfAsync(KabinetApp app, string login, string kind) => DiaryTestData.QueryAsync(app, db =>
        db.Notifications.Where(n => n.Kind == kind && db.Users.Any(u => u.UserName == login && u.Id == n.AccountId))
            .OrderByDescending(n => n.Id).Select(n => n.Title + " | " + n.Text + " | " + n.Link).ToListAsync());

    public static DateOnly Monday(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    public static DateOnly TodayInRegion(KabinetApp app) => app.Services.GetRequiredService<TimeProvider>().Today();
}
