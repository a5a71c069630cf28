using System.Security.Claims;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.Families;
using Kabinet.Web.Features.Faq;
using Kabinet.Web.Features.Institutions;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Diary.Family;

/// <summary>
/// A student whose diary the viewer may open, with the class or college group they are in and that class's journal
/// version, read in the same query (ADR 10).
/// </summary>
public sealed record DiaryStudent(int PersonId, string Name, int OrganisationId, string School, bool College, SchoolClass Class, long JournalVersion)
{
    public string ClassTitle => College ? $"группа {Class.Name}" : $"{Class.Name} класс";
}

/// <summary>The student asked for (null — the viewer's own, but in no class now) and every student the viewer sees.</summary>
public sealed record DiaryAccess(DiaryStudent? Student, IReadOnlyList<DiaryStudent> Family);

public sealed record WeekFile(long Id, string Name, string Size);

public sealed record WeekHomework(long LessonId, string Subject, string Html, string Plain, DateOnly SetOn, DateOnly DueOn, IReadOnlyList<WeekFile> Files);

public sealed record WeekLesson(
    int Number, TimeOnly? StartsAt, TimeOnly? EndsAt, string Subject, string Teacher, string? Room, bool Replaced, bool Cancelled,
    string? ChangeReason, string? PlannedSubject, long? LessonId, string? Topic, WeekHomework? Homework, IReadOnlyList<WeekFile> Materials)
{
    public string Time => StartsAt is { } s && EndsAt is { } e ? $"{s:HH\\:mm}–{e:HH\\:mm}" : "";
}

public sealed record WeekDay(DateOnly Date, IReadOnlyList<WeekLesson> Lessons, IReadOnlyList<WeekHomework> Due);

/// <summary>What a class's week holds for every student of it (ADR 10: cached by the class's journal version).</summary>
public sealed record ClassWeek(DateOnly Monday, IReadOnlyList<WeekDay> Days);

public sealed record WeekMark(long LessonId, MarkValue Value, string WorkKind, int Weight, bool Changed);

/// <summary>One student's marks, attendance and comments in a week, by lesson.</summary>
public sealed record StudentWeek(ILookup<long, WeekMark> Marks, IReadOnlyDictionary<long, AttendanceCode> Attendance, IReadOnlyDictionary<long, string> Comments);

public sealed record PeriodMarkItem(DateOnly Date, MarkValue Value, string WorkKind, int Weight, bool Changed);

public sealed record SubjectMarks(string Subject, IReadOnlyList<PeriodMarkItem> Marks, MarkSummary Summary, MarkValue? PeriodMark, MarkValue? YearMark);

public sealed record PeriodMarks(SchoolYear Year, SchoolTerm Term, IReadOnlyList<SubjectMarks> Subjects);

public sealed record MarkHistoryItem(DateTime ChangedAt, string Subject, DateOnly? LessonDate, int? PeriodNumber, MarkValue? Old, MarkValue? New, string? Reason, string ChangedBy);

public sealed record MaterialItem(long FileId, string Name, string Size, LessonFilePurpose Purpose, DateOnly Date, string? Topic);

public sealed record SubjectMaterials(string Subject, IReadOnlyList<MaterialItem> Files);

/// <summary>
/// The diary of parents and students, read side: who may open whose diary (checked in the query), the week of a class
/// and of a student (cached by the class's journal version — ADR 10), marks for a period, the history of marks,
/// materials and lesson files.
/// </summary>
public sealed class FamilyDiary(
    KabinetDbContext db, InstitutionDirectory institutions, FamilyDirectory families, AccountDirectory accounts, ClassLessons lessons,
    FaqMarkdown markdown, DiaryCache cache)
{
    private static readonly TimeSpan NamesFor = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan ClassWeekFor = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan SlidingFor = TimeSpan.FromMinutes(10);

    private sealed record ClassWeekKey(int ClassId, DateOnly Monday, long Version);

    private sealed record StudentWeekKey(int PersonId, DateOnly Monday, long Version);

    private sealed record NameKey(int PersonId);

    /// <summary>The Monday of the week a date is in.</summary>
    public static DateOnly MondayOf(DateOnly day) => LessonCalendar.MondayOf(day);

    /// <summary>The week the diary opens on: this one, and on Sunday the coming one.</summary>
    public static DateOnly DefaultMonday(DateOnly today) => MondayOf(today.DayOfWeek == DayOfWeek.Sunday ? today.AddDays(1) : today);

    /// <summary>
    /// The students the viewer sees who are in a class or group on the day: a parent their children, a student themself.
    /// One query per role (the children's ids are a subquery of it).
    /// </summary>
    public async Task<IReadOnlyList<DiaryStudent>> StudentsOfAsync(ClaimsPrincipal user, DateOnly day, CancellationToken ct)
    {
        var me = KabinetClaims.PersonIdOf(user);
        var rows = new List<(StudentClass Class, long Version)>();
        if (user.IsInRole(nameof(PortalRole.Student)))
            rows.AddRange(await WithVersionsAsync(institutions.ClassesOfStudents(me, day), ct));
        if (user.IsInRole(nameof(PortalRole.Parent)))
            rows.AddRange(await WithVersionsAsync(institutions.ClassesOfStudents(families.ChildIdsOf(me), day), ct));
        if (rows.Count == 0)
            return [];
        rows = [.. rows.DistinctBy(r => r.Class.PersonId)];
        var names = await NamesAsync(rows.Select(r => r.Class.PersonId), ct);
        var (schools, _) = await institutions.NamesAsync(rows.Select(r => r.Class.OrganisationId), [], ct);
        return [.. rows
            .Select(r => new DiaryStudent(r.Class.PersonId, names.GetValueOrDefault(r.Class.PersonId, ""), r.Class.OrganisationId,
                schools.GetValueOrDefault(r.Class.OrganisationId, ""), r.Class.Kind == OrganisationKind.College, r.Class.Class, r.Version))
            .OrderBy(s => s.PersonId == me ? 0 : 1).ThenByDescending(s => s.Class.Grade).ThenBy(s => s.Name, StringComparer.Ordinal)];
    }

    /// <summary>The classes with their journal versions (no row yet — 0), in the class lookup's own statement.</summary>
    private async Task<IEnumerable<(StudentClass, long)>> WithVersionsAsync(IQueryable<StudentClassRow> classes, CancellationToken ct)
    {
        var rows = await classes
            .Select(c => new { Row = c, Version = db.ClassJournalVersions.Where(v => v.ClassGroupId == c.ClassId).Select(v => v.Version).FirstOrDefault() })
            .ToListAsync(ct);
        return rows.Select(r => (r.Row.ToStudentClass(), r.Version));
    }

    /// <summary>The student's diary if the viewer may open it (null — «not found»): their own child, or themself as a student.</summary>
    public async Task<DiaryAccess?> OpenAsync(ClaimsPrincipal user, int personId, DateOnly day, CancellationToken ct)
    {
        var family = await StudentsOfAsync(user, day, ct);
        if (family.FirstOrDefault(s => s.PersonId == personId) is { } student)
            return new DiaryAccess(student, family);
        // Rare: one's own child or oneself, but in no class today (summer, not enrolled).
        var me = KabinetClaims.PersonIdOf(user);
        var own = (personId == me && user.IsInRole(nameof(PortalRole.Student)))
            || (user.IsInRole(nameof(PortalRole.Parent)) && await families.ChildIdsOf(me).AnyAsync(id => id == personId, ct));
        return own ? new DiaryAccess(null, family) : null;
    }


    public async Task<ClassWeek> ClassWeekAsync(DiaryStudent student, DateOnly monday, long version, CancellationToken ct)
    {
        var key = new ClassWeekKey(student.Class.Id, monday, version);
        if (cache.TryGet(key, out ClassWeek week))
            return week;
        week = await LoadClassWeekAsync(student.OrganisationId, student.Class.Id, monday, ct);
        cache.Set(key, week, DiaryCache.ClassWeekSize, ClassWeekFor, SlidingFor);
        return week;
    }

    public async Task<StudentWeek> StudentWeekAsync(int personId, DateOnly monday, long version, CancellationToken ct)
    {
        var key = new StudentWeekKey(personId, monday, version);
        if (cache.TryGet(key, out StudentWeek week))
            return week;
        var saturday = monday.AddDays(5);
        var marks = await db.Marks.AsNoTracking()
            .Where(m => m.StudentPersonId == personId && m.Date >= monday && m.Date <= saturday && m.DeletedAt == null)
            .Join(db.WorkKinds, m => m.WorkKindId, k => k.Id, (m, k) => new WeekMark(m.LessonId, m.Value, k.Name, m.Weight, m.ChangedAt != null))
            .ToListAsync(ct);
        var attendance = await db.Attendance.AsNoTracking()
            .Where(a => a.StudentPersonId == personId && a.Date >= monday && a.Date <= saturday)
            .Select(a => new { a.LessonId, a.Code }).ToListAsync(ct);
        var comments = await db.LessonComments.AsNoTracking()
            .Where(c => c.StudentPersonId == personId && c.Date >= monday && c.Date <= saturday)
            .Select(c => new { c.LessonId, c.Text }).ToListAsync(ct);
        week = new StudentWeek(marks.ToLookup(m => m.LessonId), attendance.ToDictionary(a => a.LessonId, a => a.Code), comments.ToDictionary(c => c.LessonId, c => c.Text));
        cache.Set(key, week, 1, SlidingFor, SlidingFor);
        return week;
    }

    private async Task<ClassWeek> LoadClassWeekAsync(int organisationId, int classId, DateOnly monday, CancellationToken ct)
    {
        var saturday = monday.AddDays(5);
        var planned = await lessons.ForClassAsync(organisationId, classId, monday, saturday, ct);
        var held = await db.Lessons.AsNoTracking()
            .Where(l => l.ClassGroupId == classId && l.Date >= monday && l.Date <= saturday)
            .Select(l => new { l.Id, l.Date, l.Number, l.SubjectId, l.EmployeeId, l.Topic })
            .ToListAsync(ct);
        var homework = await db.Homework.AsNoTracking()
            .Where(h => h.ClassGroupId == classId && ((h.SetOn >= monday && h.SetOn <= saturday) || (h.DueOn >= monday && h.DueOn <= saturday)))
            .ToListAsync(ct);
        var lessonIds = held.Select(l => l.Id).Concat(homework.Select(h => h.LessonId)).Distinct().ToList();
        var files = lessonIds.Count == 0
            ? []
            : await db.LessonFiles.AsNoTracking()
                .Where(f => f.ClassGroupId == classId && lessonIds.Contains(f.LessonId))
                .OrderBy(f => f.Id)
                .Select(f => new { f.Id, f.LessonId, f.Purpose, f.FileName, f.Size })
                .ToListAsync(ct);
        var subjects = held.Count + homework.Count == 0
            ? new Dictionary<int, string>()
            : await db.Subjects.AsNoTracking().Where(s => s.OrganisationId == organisationId).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var teachers = held.Count == 0 ? new Dictionary<int, string>() : await lessons.TeacherNamesAsync(organisationId, ct);

        IReadOnlyList<WeekFile> FilesOf(long lessonId, LessonFilePurpose purpose) =>
            [.. files.Where(f => f.LessonId == lessonId && f.Purpose == purpose).Select(f => new WeekFile(f.Id, f.FileName, Common.Files.FileNames.DisplaySize(f.Size)))];
        var homeworkByLesson = homework.ToDictionary(h => h.LessonId, h => new WeekHomework(
            h.LessonId, subjects.GetValueOrDefault(h.SubjectId, "—"), markdown.ToHtml(h.Text), Shorten(markdown.ToPlainText(h.Text)), h.SetOn, h.DueOn,
            FilesOf(h.LessonId, LessonFilePurpose.Homework)));
        var heldAt = held.ToDictionary(l => (l.Date, l.Number));

        var days = new List<WeekDay>();
        for (var date = monday; date <= saturday; date = date.AddDays(1))
        {
            var day = new List<WeekLesson>();
            foreach (var view in planned.Where(p => p.Lesson.Date == date))
            {
                var p = view.Lesson;
                if (heldAt.Remove((date, p.Number), out var row))
                {
                    day.Add(new WeekLesson(p.Number, p.StartsAt, p.EndsAt, subjects.GetValueOrDefault(row.SubjectId, view.Subject), teachers.GetValueOrDefault(row.EmployeeId, view.Teacher),
                        p.Room, p.Replaced || row.SubjectId != p.PlannedSubjectId, p.Cancelled, p.ChangeReason, view.PlannedSubject, row.Id, row.Topic,
                        homeworkByLesson.GetValueOrDefault(row.Id), FilesOf(row.Id, LessonFilePurpose.Material)));
                }
                else
                {
                    day.Add(new WeekLesson(p.Number, p.StartsAt, p.EndsAt, view.Subject, view.Teacher, p.Room, p.Replaced, p.Cancelled, p.ChangeReason,
                        view.PlannedSubject, null, null, null, []));
                }
            }

            // A lesson the journal has that the timetable does not (an extra lesson).
            foreach (var row in heldAt.Values.Where(l => l.Date == date).ToList())
            {
                var time = planned.FirstOrDefault(p => p.Lesson.Number == row.Number)?.Lesson;
                day.Add(new WeekLesson(row.Number, time?.StartsAt, time?.EndsAt, subjects.GetValueOrDefault(row.SubjectId, "—"), teachers.GetValueOrDefault(row.EmployeeId, "—"),
                    null, false, false, null, null, row.Id, row.Topic, homeworkByLesson.GetValueOrDefault(row.Id), FilesOf(row.Id, LessonFilePurpose.Material)));
            }

            days.Add(new WeekDay(date, [.. day.OrderBy(l => l.Number)],
                [.. homeworkByLesson.Values.Where(h => h.DueOn == date).OrderBy(h => h.Subject, StringComparer.Ordinal)]));
        }

        return new ClassWeek(monday, days);
    }

    /// <summary>The first words of a homework for short lists.</summary>
    private static string Shorten(string text)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= 160 ? flat : flat[..157].TrimEnd() + "…";
    }

    /// <summary>People's names, cached for a few minutes (a renamed person shows the new name soon).</summary>
    public async Task<IReadOnlyDictionary<int, string>> NamesAsync(IEnumerable<int> personIds, CancellationToken ct)
    {
        var names = new Dictionary<int, string>();
        var missing = new List<int>();
        foreach (var id in personIds.Distinct())
        {
            if (cache.TryGet(new NameKey(id), out string name))
                names[id] = name;
            else
                missing.Add(id);
        }

        if (missing.Count == 0)
            return names;
        foreach (var (id, name) in await families.NamesAsync(missing, ct))
        {
            names[id] = name;
            cache.Set(new NameKey(id), name, 1, NamesFor, NamesFor);
        }

        return names;
    }

    /// <summary>The study period asked for (else the one today is in, else the last begun, else the first) of the student's year.</summary>
    public async Task<(SchoolYear Year, SchoolTerm Term)?> TermAsync(DiaryStudent student, int? number, DateOnly today, CancellationToken ct)
    {
        var year = await institutions.SchoolYearAsync(student.Class.AcademicYearId, ct);
        if (year is null || year.Terms.Count == 0)
            return null;
        var term = year.Terms.FirstOrDefault(t => t.Number == number)
            ?? year.Terms.FirstOrDefault(t => t.StartsOn <= today && today <= t.EndsOn)
            ?? year.Terms.LastOrDefault(t => t.StartsOn <= today)
            ?? year.Terms[0];
        return (year, term);
    }

    /// <summary>The student's marks in a study period by subject (every subject of the class, even without marks), with the summary and period and year marks.</summary>
    public async Task<PeriodMarks?> PeriodMarksAsync(DiaryStudent student, int? number, DateOnly today, CancellationToken ct)
    {
        if (await TermAsync(student, number, today, ct) is not var (year, term))
            return null;
        var personId = student.PersonId;
        var marks = await db.Marks.AsNoTracking()
            .Where(m => m.StudentPersonId == personId && m.Date >= term.StartsOn && m.Date <= term.EndsOn && m.DeletedAt == null)
            .Join(db.WorkKinds, m => m.WorkKindId, k => k.Id, (m, k) => new { m.SubjectId, m.Date, m.CreatedAt, m.Value, Kind = k.Name, m.Weight, Changed = m.ChangedAt != null })
            .ToListAsync(ct);
        var classId = student.Class.Id;
        var taught = await db.TeachingAssignments.AsNoTracking().Where(a => a.ClassGroupId == classId).Select(a => a.SubjectId).Distinct().ToListAsync(ct);
        var final = await db.PeriodMarks.AsNoTracking()
            .Where(p => p.StudentPersonId == personId && p.AcademicYearId == year.Id && (p.PeriodNumber == term.Number || p.PeriodNumber == PeriodMark.Year))
            .Select(p => new { p.SubjectId, p.PeriodNumber, p.Value })
            .ToListAsync(ct);
        var organisationId = student.OrganisationId;
        var subjects = await db.Subjects.AsNoTracking().Where(s => s.OrganisationId == organisationId).ToDictionaryAsync(s => s.Id, s => s.Name, ct);

        var ids = taught.Concat(marks.Select(m => m.SubjectId)).Concat(final.Select(f => f.SubjectId)).Distinct();
        var rows = ids.Select(id =>
        {
            var items = marks.Where(m => m.SubjectId == id).OrderBy(m => m.Date).ThenBy(m => m.CreatedAt)
                .Select(m => new PeriodMarkItem(m.Date, m.Value, m.Kind, m.Weight, m.Changed)).ToList();
            return new SubjectMarks(subjects.GetValueOrDefault(id, "—"), items, MarkAverages.Summarise(items.Select(m => (m.Value, m.Weight))),
                final.FirstOrDefault(f => f.SubjectId == id && f.PeriodNumber == term.Number)?.Value,
                final.FirstOrDefault(f => f.SubjectId == id && f.PeriodNumber == PeriodMark.Year)?.Value);
        });
        return new PeriodMarks(year, term, [.. rows.OrderBy(r => r.Subject, StringComparer.Ordinal)]);
    }

    /// <summary>Every change of the student's marks, newest first, one page.</summary>
    public async Task<Common.Paging.Page<MarkHistoryItem>> HistoryAsync(int personId, int page, int pageSize, CancellationToken ct)
    {
        var changes = db.MarkChanges.AsNoTracking().Where(c => c.StudentPersonId == personId);
        var total = await changes.CountAsync(ct);
        var rows = await changes
            .OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(c => new
            {
                c.ChangedAt, c.OldValue, c.NewValue, c.Reason, c.ChangedByAccountId,
                Subject = db.Subjects.Where(s => s.Id == c.SubjectId).Select(s => s.Name).FirstOrDefault(),
                LessonDate = db.Marks.Where(m => m.Id == c.MarkId).Select(m => (DateOnly?)m.Date).FirstOrDefault(),
                PeriodNumber = db.PeriodMarks.Where(p => p.Id == c.PeriodMarkId).Select(p => (int?)p.PeriodNumber).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var people = await accounts.PersonIdsAsync(rows.Select(r => r.ChangedByAccountId), ct);
        var names = await NamesAsync(people.Values, ct);
        return new Common.Paging.Page<MarkHistoryItem>(
            [.. rows.Select(r => new MarkHistoryItem(r.ChangedAt, r.Subject ?? "—", r.LessonDate, r.PeriodNumber, r.OldValue, r.NewValue, r.Reason,
                people.TryGetValue(r.ChangedByAccountId, out var person) ? names.GetValueOrDefault(person, "—") : "—"))],
            page, pageSize, total);
    }

    /// <summary>The student's latest marks (by lesson date), with the subject.</summary>
    public async Task<IReadOnlyList<(DateOnly Date, string Subject, MarkValue Value)>> LatestMarksAsync(int personId, int count, CancellationToken ct)
    {
        var rows = await db.Marks.AsNoTracking()
            .Where(m => m.StudentPersonId == personId && m.DeletedAt == null)
            .OrderByDescending(m => m.Date).ThenByDescending(m => m.Id)
            .Take(count)
            .Join(db.Subjects, m => m.SubjectId, s => s.Id, (m, s) => new { m.Date, m.Id, s.Name, m.Value })
            .ToListAsync(ct);
        return [.. rows.OrderByDescending(r => r.Date).ThenByDescending(r => r.Id).Select(r => (r.Date, r.Name, r.Value))];
    }

    /// <summary>The files of the class's lessons (this year's class), by subject, newest first.</summary>
    public async Task<IReadOnlyList<SubjectMaterials>> MaterialsAsync(DiaryStudent student, CancellationToken ct)
    {
        var classId = student.Class.Id;
        var rows = await db.LessonFiles.AsNoTracking()
            .Where(f => f.ClassGroupId == classId)
            .Join(db.Lessons, f => f.LessonId, l => l.Id, (f, l) => new { f.Id, f.FileName, f.Size, f.Purpose, l.Date, l.Topic, l.SubjectId })
            .Join(db.Subjects, x => x.SubjectId, s => s.Id, (x, s) => new { x.Id, x.FileName, x.Size, x.Purpose, x.Date, x.Topic, Subject = s.Name })
            .ToListAsync(ct);
        return [.. rows.GroupBy(r => r.Subject).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new SubjectMaterials(g.Key, [.. g.OrderByDescending(r => r.Date).ThenByDescending(r => r.Id)
                .Select(r => new MaterialItem(r.Id, r.FileName, Common.Files.FileNames.DisplaySize(r.Size), r.Purpose, r.Date, r.Topic))]))];
    }

    /// <summary>
    /// A lesson file the caller may download, else null: the students of the file's class and their guardians, the
    /// teachers assigned to the class and its class teacher, and the school's administrators.
    /// </summary>
    public async Task<LessonFile?> FileForAsync(ClaimsPrincipal user, long fileId, CancellationToken ct)
    {
        var found = await db.LessonFiles.AsNoTracking().Where(f => f.Id == fileId)
            .Join(db.Lessons, f => f.LessonId, l => l.Id, (f, l) => new { File = f, l.OrganisationId, l.AcademicYearId })
            .FirstOrDefaultAsync(ct);
        if (found is null)
            return null;
        var (file, organisationId) = (found.File, found.OrganisationId);
        if (KabinetClaims.OrganisationsOf(user, PortalRole.OrganisationAdmin).Contains(organisationId))
            return file;
        var me = KabinetClaims.PersonIdOf(user);
        if (user.IsInRole(nameof(PortalRole.Student)) || user.IsInRole(nameof(PortalRole.Parent)))
        {
            var members = await institutions.MembersOfAsync(organisationId, file.ClassGroupId, ct);
            if (user.IsInRole(nameof(PortalRole.Student)) && members.Contains(me))
                return file;
            if (user.IsInRole(nameof(PortalRole.Parent)) && (await families.ChildIdsOf(me).ToListAsync(ct)).Any(members.Contains))
                return file;
        }

        if (KabinetClaims.OrganisationsOf(user, PortalRole.Teacher).Contains(organisationId))
        {
            var employeeIds = (await institutions.EmploymentsOfAsync(me, organisationId, ct)).Select(e => e.EmployeeId).ToList();
            if (employeeIds.Count == 0)
                return null;
            var classId = file.ClassGroupId;
            if (await db.TeachingAssignments.AnyAsync(a => a.ClassGroupId == classId && employeeIds.Contains(a.EmployeeId), ct))
                return file;
            var schoolClass = (await institutions.SchoolClassesAsync(organisationId, found.AcademicYearId, ct)).FirstOrDefault(c => c.Id == classId);
            if (schoolClass?.ClassTeacherId is { } teacher && employeeIds.Contains(teacher))
                return file;
        }

        return null;
    }
}
