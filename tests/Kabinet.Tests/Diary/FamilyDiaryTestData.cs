using Kabinet.Tests.Infrastructure;
using Kabinet.Web.Common.Files;
using Kabinet.Web.Common.Time;
using Kabinet.Web.Data;
using Kabinet.Web.Data.Seed;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.Diary;
using Kabinet.Web.Features.Families;
using Kabinet.Web.Features.Institutions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kabinet.Tests.Diary;

/// <summary>The demo 5А as the family diary tests see it: the student, the parent, a study week, the teacher's account.</summary>
internal sealed record DemoClass(int Gymnasium, int ClassId, int AcademicYearId, int StudentId, int ParentId, int TeacherAccountId, DateOnly Monday);

/// <summary>
/// Writes journal rows straight into the database, as the teacher's journal would (each change raising the class's
/// journal version in the same save), so the diary can be tested without the journal pages.
/// </summary>
internal static class FamilyDiaryTestData
{
    public const string OtherParent = "other.roditel";
    public const string OtherStudent = "other.uchenik";

    private static readonly SemaphoreSlim Setup = new(1, 1);

    public static async Task<DemoClass> DemoClassAsync(KabinetApp app)
    {
        var gymnasium = await DiaryTestData.GymnasiumAsync(app);
        var classId = await DiaryTestData.ClassAsync(app, gymnasium, "5А");
        var year = await DiaryTestData.YearAsync(app, gymnasium);
        return await DiaryTestData.QueryAsync(app, async db =>
        {
            var student = await db.Users.Where(u => u.UserName == "demo.uchenik").Select(u => u.PersonId).SingleAsync();
            var parent = await db.Users.Where(u => u.UserName == "demo.roditel").Select(u => u.PersonId).SingleAsync();
            var teacher = await db.Users.Where(u => u.UserName == "demo.uchitel").Select(u => u.Id).SingleAsync();
            return new DemoClass(gymnasium, classId, year.Id, student, parent, teacher, StudyMonday(app, year));
        });
    }

    /// <summary>
    /// Takes the demo journal's marks (and their history and period marks) of a student in a subject out, so a test's
    /// hand-computed figures cover exactly the marks it wrote.
    /// </summary>
    public static async Task ForgetDemoMarksAsync(KabinetApp app, int studentId, int subjectId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KabinetDbContext>();
        var marks = db.Marks.Where(m => m.StudentPersonId == studentId && m.SubjectId == subjectId);
        await db.MarkChanges.Where(h => h.StudentPersonId == studentId && h.SubjectId == subjectId).ExecuteDeleteAsync();
        await marks.ExecuteDeleteAsync();
        await db.PeriodMarks.Where(m => m.StudentPersonId == studentId && m.SubjectId == subjectId).ExecuteDeleteAsync();
    }

    /// <summary>A Monday from today on (or the year's first) whose Monday to Friday are all study days.</summary>
    public static DateOnly StudyMonday(KabinetApp app, SchoolYear year)
    {
        var today = app.Services.GetRequiredService<TimeProvider>().Today();
        var monday = Kabinet.Web.Features.Diary.Family.FamilyDiary.MondayOf(today < year.StartsOn ? year.StartsOn : today);
        while (!Enumerable.Range(0, 5).All(d => year.IsStudyDay(monday.AddDays(d))))
            monday = monday.AddDays(7);
        return monday;
    }

    /// <summary>The lesson the class has on the date by the timetable, recorded in the journal with a topic; returns its id.</summary>
    public static async Task<long> LessonAsync(KabinetApp app, DemoClass c, DateOnly date, int number, string? topic = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KabinetDbContext>();
        var slot = await db.TimetableSlots.SingleAsync(s => s.ClassGroupId == c.ClassId && s.Day == date.DayOfWeek && s.LessonNumber == number && s.ValidFrom <= date && s.ValidTo >= date);
        var lesson = new Lesson
        {
            OrganisationId = c.Gymnasium, AcademicYearId = c.AcademicYearId, ClassGroupId = c.ClassId, Date = date, Number = number,
            SubjectId = slot.SubjectId, EmployeeId = slot.EmployeeId, UpdatedAt = Now(app), UpdatedByAccountId = c.TeacherAccountId,
        };
        lesson.SetTopic(topic);
        db.Lessons.Add(lesson);
        await BumpAsync(db, c.ClassId);
        await db.SaveChangesAsync();
        return lesson.Id;
    }

    /// <summary>A lesson of a class without a timetable (another class of the school), with any subject and teacher of the school.</summary>
    public static async Task<long> BareLessonAsync(KabinetApp app, DemoClass c, int classId, DateOnly date)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KabinetDbContext>();
        var subject = await db.Subjects.Where(s => s.OrganisationId == c.Gymnasium).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
        var employee = await db.Employees.Where(e => e.OrganisationId == c.Gymnasium).OrderByDescending(e => e.Id).Select(e => e.Id).FirstAsync();
        var lesson = new Lesson
        {
            OrganisationId = c.Gymnasium, AcademicYearId = c.AcademicYearId, ClassGroupId = classId, Date = date, Number = 1,
            SubjectId = subject, EmployeeId = employee, UpdatedAt = Now(app), UpdatedByAccountId = c.TeacherAccountId,
        };
        db.Lessons.Add(lesson);
        await BumpAsync(db, classId);
        await db.SaveChangesAsync();
        return lesson.Id;
    }

    public static async Task HomeworkAsync(KabinetApp app, DemoClass c, long lessonId, string text, DateOnly due)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KabinetDbContext>();
        var lesson = await db.Lessons.SingleAsync(l => l.Id == lessonId);
        var homework = new Homework
        {
            LessonId = lessonId, ClassGroupId = lesson.ClassGroupId, SubjectId = lesson.SubjectId, SetOn = lesson.Date,
            CreatedAt = Now(app), UpdatedAt = Now(app), UpdatedByAccountId = c.TeacherAccountId,
        };
        homework.Set(text, due);
        db.Homework.Add(homework);
        await BumpAsync(db, lesson.ClassGroupId);
        await db.SaveChangesAsync();
    }

    /// <summary>A file of the lesson, stored in the file store; returns its id.</summary>
    public static async Task<long> FileAsync(KabinetApp app, DemoClass c, long lessonId, LessonFilePurpose purpose, string name, byte[] content)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KabinetDbContext>();
        var lesson = await db.Lessons.SingleAsync(l => l.Id == lessonId);
        using var stream = new MemoryStream(content);
        var stored = (await scope.ServiceProvider.GetRequiredService<FileStore>().SaveAsync(stream, 1 << 20, CancellationToken.None))!;
        var file = new LessonFile
        {
            LessonId = lessonId, ClassGroupId = lesson.ClassGroupId, Purpose = purpose, FileName = name, ContentType = "application/pdf",
            Size = stored.Size, StorageKey = stored.Key, Sha256 = stored.Sha256, UploadedAt = Now(app), UploadedByAccountId = c.TeacherAccountId,
        };
        db.LessonFiles.Add(file);
        await BumpAsync(db, lesson.ClassGroupId);
        await db.SaveChangesAsync();
        return file.Id;
    }

    /// <summary>A mark for a kind of work (by name) with that kind's weight, and its «given» history row; returns its id.</summary>
    public static async Task<long> MarkAsync(KabinetApp app, DemoClass c, long lessonId, int studentId, MarkValue value, string workKind = "Ответ на уроке")
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KabinetDbContext>();
        var lesson = await db.Lessons.SingleAsync(l => l.Id == lessonId);
        var kind = await db.WorkKinds.SingleAsync(k => k.OrganisationId == lesson.OrganisationId && k.Name == workKind);
        var mark = new Mark
        {
            LessonId = lessonId, ClassGroupId = lesson.ClassGroupId, SubjectId = lesson.SubjectId, Date = lesson.Date, StudentPersonId = studentId,
            WorkKindId = kind.Id, Weight = kind.Weight, Value = value, CreatedAt = Now(app), CreatedByAccountId = c.TeacherAccountId,
        };
        db.Marks.Add(mark);
        await db.SaveChangesAsync();
        db.MarkChanges.Add(new MarkChange
        {
            MarkId = mark.Id, StudentPersonId = studentId, SubjectId = lesson.SubjectId, NewValue = value, ChangedAt = Now(app), ChangedByAccountId = c.TeacherAccountId,
        });
        await BumpAsync(db, lesson.ClassGroupId);
        await db.SaveChangesAsync();
        return mark.Id;
    }

    /// <summary>Changes a mark's value (null — deletes it) with a reason, keeping the history.</summary>
    public static async Task ChangeMarkAsync(KabinetApp app, DemoClass c, long markId, MarkValue? value, string reason)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KabinetDbContext>();
        var mark = await db.Marks.SingleAsync(m => m.Id == markId);
        db.MarkChanges.Add(new MarkChange
        {
            MarkId = markId, StudentPersonId = mark.StudentPersonId, SubjectId = mark.SubjectId, OldValue = mark.Value, NewValue = value, Reason = reason,
            ChangedAt = Now(app).AddSeconds(1), ChangedByAccountId = c.TeacherAccountId,
        });
        if (value is { } v)
        {
            mark.Value = v;
            mark.ChangedAt = Now(app);
        }
        else
        {
            mark.DeletedAt = Now(app);
        }

        await BumpAsync(db, mark.ClassGroupId);
        await db.SaveChangesAsync();
    }

    public static async Task PeriodMarkAsync(KabinetApp app, DemoClass c, int subjectId, int studentId, int period, MarkValue value)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KabinetDbContext>();
        db.PeriodMarks.Add(new PeriodMark
        {
            OrganisationId = c.Gymnasium, AcademicYearId = c.AcademicYearId, ClassGroupId = c.ClassId, SubjectId = subjectId, StudentPersonId = studentId,
            PeriodNumber = period, Value = value, SetAt = Now(app), SetByAccountId = c.TeacherAccountId,
        });
        await BumpAsync(db, c.ClassId);
        await db.SaveChangesAsync();
    }

    public static async Task AttendanceAsync(KabinetApp app, DemoClass c, long lessonId, int studentId, AttendanceCode code)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KabinetDbContext>();
        var lesson = await db.Lessons.SingleAsync(l => l.Id == lessonId);
        db.Attendance.Add(new LessonAttendance
        {
            LessonId = lessonId, ClassGroupId = lesson.ClassGroupId, SubjectId = lesson.SubjectId, Date = lesson.Date, StudentPersonId = studentId, Code = code,
            UpdatedAt = Now(app), UpdatedByAccountId = c.TeacherAccountId,
        });
        await BumpAsync(db, lesson.ClassGroupId);
        await db.SaveChangesAsync();
    }

    public static async Task CommentAsync(KabinetApp app, DemoClass c, long lessonId, int studentId, string text)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KabinetDbContext>();
        var lesson = await db.Lessons.SingleAsync(l => l.Id == lessonId);
        db.LessonComments.Add(new LessonComment
        {
            LessonId = lessonId, ClassGroupId = lesson.ClassGroupId, SubjectId = lesson.SubjectId, Date = lesson.Date, StudentPersonId = studentId, Text = text,
            UpdatedAt = Now(app), UpdatedByAccountId = c.TeacherAccountId,
        });
        await BumpAsync(db, lesson.ClassGroupId);
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Another family, once per app: a student of another class of the gymnasium (<see cref="OtherStudent"/>) and their
    /// parent (<see cref="OtherParent"/>); returns the other class's id and the student's person id.
    /// </summary>
    public static async Task<(int ClassId, int StudentId)> OtherFamilyAsync(KabinetApp app, DemoClass c)
    {
        await Setup.WaitAsync();
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KabinetDbContext>();
            var otherClass = await db.ClassGroups.Where(g => g.OrganisationId == c.Gymnasium && g.AcademicYearId == c.AcademicYearId && g.Id != c.ClassId)
                .OrderBy(g => g.Id).Select(g => g.Id).FirstAsync();
            if (await db.Users.SingleOrDefaultAsync(u => u.UserName == OtherStudent) is { } existing)
                return (otherClass, existing.PersonId);

            var student = new Person { LastName = "Чужаков", FirstName = "Пётр", BirthDate = new DateOnly(2015, 3, 1) };
            var parent = new Person { LastName = "Чужакова", FirstName = "Анна" };
            db.People.AddRange(student, parent);
            await db.SaveChangesAsync();
            db.FamilyLinks.Add(new FamilyLink { GuardianId = parent.Id, ChildId = student.Id, Relation = FamilyRelation.Mother });
            db.ClassMemberships.Add(new ClassMembership { ClassGroupId = otherClass, PersonId = student.Id, Since = new DateOnly(2020, 9, 1) });
            await db.SaveChangesAsync();
            await AccountAsync(scope.ServiceProvider, OtherStudent, student.Id, PortalRole.Student, c.Gymnasium);
            await AccountAsync(scope.ServiceProvider, OtherParent, parent.Id, PortalRole.Parent, null);
            return (otherClass, student.Id);
        }
        finally
        {
            Setup.Release();
        }
    }

    /// <summary>
    /// A college student with an account (<paramref name="login"/>), a subject and a kind of work of the college, and one
    /// lesson of their group on the date with a mark; returns the group as a <see cref="DemoClass"/>.
    /// </summary>
    public static async Task<DemoClass> CollegeStudentAsync(KabinetApp app, string login, DateOnly date, MarkValue value)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KabinetDbContext>();
        var today = scope.ServiceProvider.GetRequiredService<TimeProvider>().Today();
        var group = await db.ClassGroups
            .Join(db.Organisations.Where(o => o.Kind == OrganisationKind.College), g => g.OrganisationId, o => o.Id, (g, o) => g)
            .Join(db.AcademicYears.Where(y => y.StartsOn <= today && today <= y.EndsOn), g => g.AcademicYearId, y => y.Id, (g, y) => g)
            .Where(g => db.ClassMemberships.Any(m => m.ClassGroupId == g.Id))
            .OrderBy(g => g.Id).FirstAsync();
        var student = await db.ClassMemberships.Where(m => m.ClassGroupId == group.Id).OrderBy(m => m.PersonId).Select(m => m.PersonId).FirstAsync();
        await AccountAsync(scope.ServiceProvider, login, student, PortalRole.Student, group.OrganisationId);
        var subject = Subject.Create(group.OrganisationId, "Техническая механика", null, ResultKind.Marks);
        var kind = WorkKind.Create(group.OrganisationId, "Практическая работа", 2, 1);
        db.Subjects.Add(subject);
        db.WorkKinds.Add(kind);
        var employee = await db.Employees.Where(e => e.OrganisationId == group.OrganisationId).OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
        var teacher = await db.Users.Where(u => u.UserName == "demo.uchitel").Select(u => u.Id).SingleAsync();
        await db.SaveChangesAsync();
        var lesson = new Lesson
        {
            OrganisationId = group.OrganisationId, AcademicYearId = group.AcademicYearId, ClassGroupId = group.Id, Date = date, Number = 2,
            SubjectId = subject.Id, EmployeeId = employee, UpdatedAt = Now(app), UpdatedByAccountId = teacher,
        };
        db.Lessons.Add(lesson);
        await db.SaveChangesAsync();
        db.Marks.Add(new Mark
        {
            LessonId = lesson.Id, ClassGroupId = group.Id, SubjectId = subject.Id, Date = date, StudentPersonId = student, WorkKindId = kind.Id,
            Weight = kind.Weight, Value = value, CreatedAt = Now(app), CreatedByAccountId = teacher,
        });
        await BumpAsync(db, group.Id);
        await db.SaveChangesAsync();
        var monday = Kabinet.Web.Features.Diary.Family.FamilyDiary.MondayOf(date);
        return new DemoClass(group.OrganisationId, group.Id, group.AcademicYearId, student, 0, teacher, monday);
    }

    /// <summary>A second child of demo.roditel in another class; returns the child's id.</summary>
    public static async Task<int> SecondChildAsync(KabinetApp app, DemoClass c, int classId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KabinetDbContext>();
        var child = new Person { LastName = "Демидова", FirstName = "Вера", BirthDate = new DateOnly(2012, 5, 5) };
        db.People.Add(child);
        await db.SaveChangesAsync();
        db.FamilyLinks.Add(new FamilyLink { GuardianId = c.ParentId, ChildId = child.Id, Relation = FamilyRelation.Mother });
        db.ClassMemberships.Add(new ClassMembership { ClassGroupId = classId, PersonId = child.Id, Since = new DateOnly(2020, 9, 1) });
        await db.SaveChangesAsync();
        return child.Id;
    }

    private static async Task AccountAsync(IServiceProvider services, string login, int personId, PortalRole role, int? organisationId)
    {
        var db = services.GetRequiredService<KabinetDbContext>();
        var users = services.GetRequiredService<UserManager<Account>>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var account = new Account { UserName = login, Email = $"{login}@kabinet.example", EmailConfirmed = true, PersonId = personId, CreatedAt = now };
        Assert.True((await users.CreateAsync(account, Seeder.DemoPassword)).Succeeded);
        db.RoleGrants.Add(RoleGrant.Create(account.Id, role, now, organisationId));
        await db.SaveChangesAsync();
    }

    /// <summary>Raises the class's journal version in the caller's unit of work, as every journal change must.</summary>
    private static async Task BumpAsync(KabinetDbContext db, int classId)
    {
        var version = await db.ClassJournalVersions.SingleOrDefaultAsync(v => v.ClassGroupId == classId);
        if (version is null)
            db.ClassJournalVersions.Add(new ClassJournalVersion { ClassGroupId = classId, Version = 1 });
        else
            version.Version++;
    }

    private static DateTime Now(KabinetApp app) => app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
}
