using Kabinet.Web.Data;
using Kabinet.Web.Features.Diary.Admin;
using Kabinet.Web.Features.Institutions;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Diary.Import;

public enum ImportKind
{
    /// <summary>Класс; Предмет; Учитель; Классный руководитель (да — пусто).</summary>
    Assignments,

    /// <summary>Класс; День; Урок; Предмет; Учитель; Кабинет.</summary>
    Timetable,
}

/// <summary>A row the import refused: its number in the file and why, in Russian.</summary>
public sealed record ImportError(int Row, string Message);

/// <summary>What an import found: the rows it understood (for the preview), the refused rows, and whether it saved.</summary>
public sealed record ImportOutcome(IReadOnlyList<IReadOnlyList<string>> Preview, IReadOnlyList<ImportError> Errors, bool Saved);

/// <summary>
/// Imports teaching assignments or a weekly timetable from an uploaded table, all or nothing: every bad row is
/// reported with its number and nothing is saved unless every row is good.
/// </summary>
public sealed class TimetableImport(KabinetDbContext db, SchoolStructure structure, InstitutionDirectory institutions)
{
    public static readonly IReadOnlyDictionary<ImportKind, string[]> Columns = new Dictionary<ImportKind, string[]>
    {
        [ImportKind.Assignments] = ["Класс", "Предмет", "Учитель", "Классный руководитель"],
        [ImportKind.Timetable] = ["Класс", "День", "Урок", "Предмет", "Учитель", "Кабинет"],
    };

    public async Task<ImportOutcome> RunAsync(SchoolYear year, ImportKind kind, IReadOnlyList<TableRow> rows, DateOnly validFrom, bool save, CancellationToken ct)
    {
        var data = rows.Count > 0 && Key(rows[0][0]).StartsWith("класс", StringComparison.Ordinal) ? rows.Skip(1).ToList() : [.. rows];
        if (data.Count == 0)
            return new ImportOutcome([], [new ImportError(rows.Count > 0 ? rows[0].Number : 1, "В файле нет строк с данными.")], false);
        if (data.Count > TableFile.MaxRows)
            return new ImportOutcome([], [new ImportError(data[TableFile.MaxRows].Number, $"В файле больше {TableFile.MaxRows} строк. Разделите его на несколько файлов.")], false);

        var context = await ContextAsync(year, ct);
        await using var transaction = save ? await db.Database.BeginTransactionAsync(ct) : null;
        if (transaction is not null)
            await db.SerializeAsync($"timetable:{year.OrganisationId}", ct);
        var outcome = kind == ImportKind.Assignments
            ? await AssignmentsAsync(year, context, data, save, ct)
            : await TimetableAsync(year, context, data, validFrom, save, ct);
        if (outcome.Saved && transaction is not null)
            await transaction.CommitAsync(ct);
        return outcome;
    }

    private sealed record Context(
        Dictionary<string, SchoolClass> Classes, Dictionary<string, Subject> Subjects, ILookup<string, TeacherItem> Teachers,
        IReadOnlyList<AssignmentItem> Assignments, IReadOnlyList<SchoolClass> ClassList);

    private async Task<Context> ContextAsync(SchoolYear year, CancellationToken ct)
    {
        var classes = await structure.ClassesAsync(year, ct);
        var subjects = await structure.SubjectsAsync(year.OrganisationId, ct);
        var teachers = await structure.TeachersAsync(year.OrganisationId, ct);
        var assignments = await structure.AssignmentsAsync(year, classes, teachers, ct);
        var subjectKeys = new Dictionary<string, Subject>();
        foreach (var s in subjects)
        {
            subjectKeys.TryAdd(Key(s.ShortName), s);
        }

        foreach (var s in subjects)
            subjectKeys[Key(s.Name)] = s; // the full name wins over another subject's short name
        return new Context(
            classes.GroupBy(c => ClassKey(c.Name)).ToDictionary(g => g.Key, g => g.First()),
            subjectKeys,
            teachers.ToLookup(t => Key(t.FullName)),
            assignments, classes);
    }

    private async Task<ImportOutcome> AssignmentsAsync(SchoolYear year, Context context, List<TableRow> data, bool save, CancellationToken ct)
    {
        var errors = new List<ImportError>();
        var preview = new List<IReadOnlyList<string>>();
        var wanted = new Dictionary<(int Class, int Subject, int Teacher), int>();
        var classTeachers = new Dictionary<int, (int Teacher, int Row)>();
        foreach (var row in data)
        {
            var problems = new List<string>();
            var schoolClass = FindClass(context, row[0], problems);
            var subject = FindSubject(context, row[1], problems);
            var teacher = FindTeacher(context, row[2], problems);
            var isClassTeacher = row[3].Length > 0 && Key(row[3]) is "да" or "+" or "1" or "x" or "х" or "кр";
            if (row[3].Length > 0 && !isClassTeacher && Key(row[3]) is not ("нет" or "-" or "0"))
                problems.Add("в столбце «Классный руководитель» пишите «да» или оставьте его пустым");
            if (schoolClass is not null && subject is not null && teacher is not null)
            {
                if (wanted.TryGetValue((schoolClass.Id, subject.Id, teacher.EmployeeId), out var first))
                    problems.Add($"та же строка уже есть в строке {first}");
                else
                    wanted[(schoolClass.Id, subject.Id, teacher.EmployeeId)] = row.Number;
                if (isClassTeacher)
                {
                    if (classTeachers.TryGetValue(schoolClass.Id, out var other) && other.Teacher != teacher.EmployeeId)
                        problems.Add($"у класса {schoolClass.Name} другой классный руководитель в строке {other.Row}");
                    else
                        classTeachers[schoolClass.Id] = (teacher.EmployeeId, row.Number);
                }
            }

            if (problems.Count > 0)
                errors.Add(new ImportError(row.Number, Sentence(problems)));
            else
                preview.Add([schoolClass!.Name, subject!.Name, teacher!.FullName, isClassTeacher ? "классный руководитель" : ""]);
        }

        if (errors.Count > 0 || !save)
            return new ImportOutcome(preview, errors, false);

        var existing = context.Assignments.Select(a => (a.ClassGroupId, a.SubjectId, a.EmployeeId)).ToHashSet();
        foreach (var (classId, subjectId, employeeId) in wanted.Keys.Where(k => !existing.Contains(k)))
        {
            db.TeachingAssignments.Add(new TeachingAssignment
            {
                OrganisationId = year.OrganisationId, AcademicYearId = year.Id, ClassGroupId = classId, SubjectId = subjectId, EmployeeId = employeeId,
            });
        }

        foreach (var (classId, (teacherId, _)) in classTeachers)
            await institutions.SetClassTeacherAsync(year.OrganisationId, classId, teacherId, ct);
        await db.SaveChangesAsync(ct);
        return new ImportOutcome(preview, errors, true);
    }

    private async Task<ImportOutcome> TimetableAsync(SchoolYear year, Context context, List<TableRow> data, DateOnly validFrom, bool save, CancellationToken ct)
    {
        var errors = new List<ImportError>();
        var preview = new List<IReadOnlyList<string>>();
        var bells = await structure.BellsAsync(year.OrganisationId, ct);
        var assigned = context.Assignments.Select(a => (a.ClassGroupId, a.SubjectId, a.EmployeeId)).ToHashSet();
        var lessons = new List<(SlotPlacement Lesson, int Row)>();
        var cells = new Dictionary<(int Class, DayOfWeek Day, int Number), int>();
        var teacherTimes = new Dictionary<(int Teacher, DayOfWeek Day, int Number), (int Class, int Row)>();
        var to = year.EndsOn;
        if (validFrom < year.StartsOn || validFrom > year.EndsOn)
            return new ImportOutcome([], [new ImportError(0, $"Дата начала действия — внутри учебного года: с {year.StartsOn:dd.MM.yyyy} по {year.EndsOn:dd.MM.yyyy}.")], false);

        foreach (var row in data)
        {
            var problems = new List<string>();
            var schoolClass = FindClass(context, row[0], problems);
            var day = Timetable.ParseDay(row[1]);
            if (day is null)
                problems.Add($"день недели «{row[1]}» не распознан (пишите Пн, Вт, Ср, Чт, Пт, Сб)");
            var number = int.TryParse(row[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : (int?)null;
            if (number is null || bells.All(b => b.Number != number))
                problems.Add(bells.Count == 0 ? "сначала заполните расписание звонков" : $"номер урока «{row[2]}» — от 1 до {bells.Count} по расписанию звонков");
            var subject = FindSubject(context, row[3], problems);
            var teacher = FindTeacher(context, row[4], problems);
            var room = row[5].Length == 0 ? null : row[5];
            if (room?.Length > TimetableSlot.MaxRoomLength)
                problems.Add($"кабинет — не длиннее {TimetableSlot.MaxRoomLength} знаков");
            if (schoolClass is not null && subject is not null && teacher is not null && !assigned.Contains((schoolClass.Id, subject.Id, teacher.EmployeeId)))
                problems.Add($"{teacher.FullName} не ведёт «{subject.Name}» в {schoolClass.Name} — сначала добавьте это в нагрузку учителей");
            if (schoolClass is not null && day is { } d && number is { } num)
            {
                if (cells.TryGetValue((schoolClass.Id, d, num), out var first))
                    problems.Add($"у класса {schoolClass.Name} {Timetable.DayTitle(d)}, {num}-й урок уже есть в строке {first}");
                else
                    cells[(schoolClass.Id, d, num)] = row.Number;
                if (teacher is not null)
                {
                    if (teacherTimes.TryGetValue((teacher.EmployeeId, d, num), out var busy) && busy.Class != schoolClass.Id)
                        problems.Add($"{teacher.FullName} в это время ведёт урок в {ClassName(context, busy.Class)} (строка {busy.Row})");
                    else
                        teacherTimes.TryAdd((teacher.EmployeeId, d, num), (schoolClass.Id, row.Number));
                }
            }

            if (problems.Count > 0)
            {
                errors.Add(new ImportError(row.Number, Sentence(problems)));
                continue;
            }

            lessons.Add((new SlotPlacement(schoolClass!.Id, day!.Value, number!.Value, subject!.Id, teacher!.EmployeeId, room, validFrom, to), row.Number));
            preview.Add([schoolClass.Name, Timetable.DayShortTitle(day.Value), number.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), subject.Name, teacher.FullName, room ?? ""]);
        }

        // Teachers busy in classes the file does not cover (those keep their timetable).
        var classesInFile = lessons.Select(l => l.Lesson.ClassGroupId).ToHashSet();
        var others = await db.TimetableSlots.AsNoTracking()
            .Where(s => s.OrganisationId == year.OrganisationId && s.AcademicYearId == year.Id && s.ValidTo >= validFrom)
            .Select(s => new { s.ClassGroupId, s.EmployeeId, s.Day, s.LessonNumber })
            .ToListAsync(ct);
        var busyElsewhere = others.Where(s => !classesInFile.Contains(s.ClassGroupId)).ToLookup(s => (s.EmployeeId, s.Day, s.LessonNumber), s => s.ClassGroupId);
        foreach (var (lesson, row) in lessons)
        {
            if (busyElsewhere[(lesson.EmployeeId, lesson.Day, lesson.LessonNumber)].FirstOrDefault() is var busyIn and > 0)
                errors.Add(new ImportError(row, $"Учитель в это время ({Timetable.DayTitle(lesson.Day)}, {lesson.LessonNumber}-й урок) ведёт урок в {ClassName(context, busyIn)}, которого нет в файле."));
        }

        errors.Sort((a, b) => a.Row.CompareTo(b.Row));
        if (errors.Count > 0 || !save)
            return new ImportOutcome(preview, errors, false);

        // The file is the timetable of its classes from the date on: what they had from then is replaced.
        var current = await db.TimetableSlots
            .Where(s => s.OrganisationId == year.OrganisationId && s.AcademicYearId == year.Id && s.ValidTo >= validFrom)
            .ToListAsync(ct);
        var (removed, added) = Timetable.Clear(validFrom, to, current.Where(s => classesInFile.Contains(s.ClassGroupId)));
        db.TimetableSlots.RemoveRange(removed);
        db.TimetableSlots.AddRange(added);
        foreach (var (lesson, _) in lessons)
            db.TimetableSlots.AddRange(Timetable.Place(lesson, year.OrganisationId, year.Id, []).Added);
        await db.SaveChangesAsync(ct);
        return new ImportOutcome(preview, errors, true);
    }

    private static string Sentence(List<string> problems)
    {
        var text = string.Join("; ", problems);
        return char.ToUpperInvariant(text[0]) + text[1..] + ".";
    }

    private static SchoolClass? FindClass(Context context, string name, List<string> problems)
    {
        if (name.Length == 0)
            problems.Add("не указан класс");
        else if (context.Classes.TryGetValue(ClassKey(name), out var found))
            return found;
        else
            problems.Add($"класса «{name}» в школе нет");
        return null;
    }

    private static Subject? FindSubject(Context context, string name, List<string> problems)
    {
        if (name.Length == 0)
            problems.Add("не указан предмет");
        else if (context.Subjects.TryGetValue(Key(name), out var found))
            return found;
        else
            problems.Add($"предмета «{name}» нет в списке предметов школы");
        return null;
    }

    private static TeacherItem? FindTeacher(Context context, string name, List<string> problems)
    {
        var found = context.Teachers[Key(name)].ToList();
        if (name.Length == 0)
            problems.Add("не указан учитель");
        else if (found.Count == 0)
            problems.Add($"сотрудника «{name}» в школе нет (нужны фамилия, имя и отчество, как в карточке сотрудника)");
        else if (found.Count > 1)
            problems.Add($"в школе несколько сотрудников «{name}» — назначьте этого учителя на странице нагрузки");
        else
            return found[0];
        return null;
    }

    private static string ClassName(Context context, int id) => context.ClassList.FirstOrDefault(c => c.Id == id)?.Name ?? "другом классе";

    private static string Key(string text) => Subject.Key(text);

    /// <summary>«5 а», «5А», «5-А» are one class.</summary>
    private static string ClassKey(string name) => new([.. Key(name).Where(c => c != ' ' && c != '-').Select(char.ToUpperInvariant)]);
}
