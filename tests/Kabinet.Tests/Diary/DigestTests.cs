using Kabinet.Tests.Infrastructure;
using Kabinet.Web.Common.Time;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Diary;
using Kabinet.Web.Features.Diary.Digest;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kabinet.Tests.Diary;

/// <summary>
/// The daily digest letter: only for those who asked for it, only when there is something to tell, once a day,
/// with the day's marks, absences and tomorrow's homework of each child.
/// </summary>
public sealed class DigestTests(IsolatedApp app) : IClassFixture<IsolatedApp>
{
    private const string ParentEmail = "demo.roditel@kabinet.example";

    [Fact]
    public async Task A_subscribed_parent_gets_one_letter_with_the_days_marks_absences_and_homework()
    {
        var parent = await app.SignedInAsync("demo.roditel");
        var settings = await parent.GetPageAsync("/notifications/settings");
        Assert.Null(settings.QuerySelector("#inapp-diary-digest"));
        Assert.NotNull(settings.QuerySelector("#email-diary-digest"));
        Assert.False(settings.QuerySelector("#email-diary-digest")!.HasAttribute("checked"));
        var response = await parent.SubmitFormAsync("/notifications/settings", new Dictionary<string, string> { ["email:diary-digest"] = "true" });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);

        // Days ahead inside the academic year: the demo journal holds only past days.
        var day = app.Services.GetRequiredService<TimeProvider>().Today().AddDays(30);
        var digest = app.Services.GetRequiredService<DiaryDigest>();
        var before = (await app.LettersAsync(ParentEmail)).Count;
        Assert.Equal(0, await digest.SendAsync(day, CancellationToken.None)); // nothing happened that day: no letter

        var day2 = day.AddDays(1);
        var student = await JournalAsync(day2);
        Assert.Equal(1, await digest.SendAsync(day2, CancellationToken.None));
        Assert.Equal(0, await digest.SendAsync(day2, CancellationToken.None)); // never twice

        var letters = await app.LettersAsync(ParentEmail);
        Assert.Equal(before + 1, letters.Count);
        var letter = letters[^1];
        Assert.Contains($"дневник за {day2:dd.MM.yyyy}", letter.Subject, StringComparison.Ordinal);
        var text = letter.TextBody;
        Assert.Contains("5А", text, StringComparison.Ordinal);
        Assert.Contains("Русский язык — 4 (контрольная работа)", text, StringComparison.Ordinal);
        Assert.Contains("Математика — Б (болел)", text, StringComparison.Ordinal);
        Assert.Contains($"Задано на {day2.AddDays(1):dd.MM}: Литература — Выучить стихотворение", text, StringComparison.Ordinal);
        Assert.Contains($"/diary/{student}?week=", text, StringComparison.Ordinal);
        Assert.DoesNotContain("**", text, StringComparison.Ordinal);

        // The student never asked for it.
        Assert.Empty(await app.LettersAsync("demo.uchenik@kabinet.example"));
    }

    /// <summary>Records, for the demo 5А pupil, a mark in Russian and an illness at maths on the day and literature homework for the next day.</summary>
    private async Task<int> JournalAsync(DateOnly day)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KabinetDbContext>();
        var student = await db.Users.Where(u => u.UserName == "demo.uchenik").Select(u => u.PersonId).SingleAsync();
        var classId = await db.ClassMemberships.Where(m => m.PersonId == student).Select(m => m.ClassGroupId).SingleAsync();
        var schoolClass = await db.ClassGroups.SingleAsync(c => c.Id == classId);
        var subjects = await db.Subjects.Where(s => s.OrganisationId == schoolClass.OrganisationId).ToDictionaryAsync(s => s.Name, s => s.Id);
        var test = await db.WorkKinds.SingleAsync(k => k.OrganisationId == schoolClass.OrganisationId && k.Name == "Контрольная работа");
        var employee = await db.Employees.Where(e => e.OrganisationId == schoolClass.OrganisationId).Select(e => e.Id).FirstAsync();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

        Lesson NewLesson(int number, string subject) => new()
        {
            OrganisationId = schoolClass.OrganisationId, AcademicYearId = schoolClass.AcademicYearId, ClassGroupId = classId, Date = day, Number = number,
            SubjectId = subjects[subject], EmployeeId = employee, UpdatedAt = now,
        };

        var russian = NewLesson(1, "Русский язык");
        var maths = NewLesson(2, "Математика");
        var literature = NewLesson(3, "Литература");
        db.Lessons.AddRange(russian, maths, literature);
        await db.SaveChangesAsync();
        db.Marks.Add(new Mark
        {
            LessonId = russian.Id, ClassGroupId = classId, SubjectId = russian.SubjectId, Date = day, StudentPersonId = student,
            WorkKindId = test.Id, Weight = test.Weight, Value = MarkValue.Four, CreatedAt = now,
        });
        db.Attendance.Add(new LessonAttendance { LessonId = maths.Id, ClassGroupId = classId, SubjectId = maths.SubjectId, Date = day, StudentPersonId = student, Code = AttendanceCode.Ill, UpdatedAt = now });
        var homework = new Homework { LessonId = literature.Id, ClassGroupId = classId, SubjectId = literature.SubjectId, SetOn = day, CreatedAt = now, UpdatedAt = now };
        homework.Set("**Выучить стихотворение** «Бородино»\n\nстр. 45", day.AddDays(1));
        db.Homework.Add(homework);
        await db.SaveChangesAsync();
        return student;
    }
}
