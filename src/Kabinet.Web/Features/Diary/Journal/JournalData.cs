using System.Globalization;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Families;
using Kabinet.Web.Features.Institutions;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Diary.Journal;

public sealed record JournalStudent(int PersonId, string Name);

/// <summary>A column of the journal: a lesson of the subject by the timetable, or a recorded lesson the timetable no longer has.</summary>
public sealed record JournalLesson(DateOnly Date, int Number, long? LessonId, bool Planned, string? Topic)
{
    public string Path(JournalScope scope) => $"{scope.Base}/{Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}/{Number.ToString(CultureInfo.InvariantCulture)}";
}

/// <summary>A period of a class's journal in a subject: students × lessons, with the marks, attendance and period marks.</summary>
public sealed record JournalSheet(
    SchoolTerm Term, IReadOnlyList<JournalStudent> Students, IReadOnlyList<JournalLesson> Lessons, IReadOnlyList<Mark> Marks,
    IReadOnlyList<LessonAttendance> Attendance, IReadOnlyList<PeriodMark> PeriodMarks)
{
    private readonly ILookup<(long, int), Mark> _marks = Marks.ToLookup(m => (m.LessonId, m.StudentPersonId));
    private readonly Dictionary<(long, int), AttendanceCode> _attendance = Attendance.ToDictionary(a => (a.LessonId, a.StudentPersonId), a => a.Code);

    public IEnumerable<Mark> MarksOf(int student, JournalLesson lesson) => lesson.LessonId is { } id ? _marks[(id, student)] : [];

    public AttendanceCode? AttendanceOf(int student, JournalLesson lesson) =>
        lesson.LessonId is { } id && _attendance.TryGetValue((id, student), out var code) ? code : null;

    public MarkSummary Summary(int student) => MarkAverages.Summarise(Marks.Where(m => m.StudentPersonId == student).Select(m => (m.Value, m.Weight)));

    public PeriodMark? PeriodMarkOf(int student) => PeriodMarks.FirstOrDefault(p => p.StudentPersonId == student && p.PeriodNumber == Term.Number);
}

/// <summary>Reads a class's journal in a subject: its students, its lessons, marks and attendance.</summary>
public sealed class JournalData(KabinetDbContext db, ClassLessons classLessons, InstitutionDirectory institutions, FamilyDirectory families)
{
    private static readonly StringComparer ByName = StringComparer.Create(CultureInfo.GetCultureInfo("ru-RU"), ignoreCase: true);

    /// <summary>The class's students by surname.</summary>
    public async Task<IReadOnlyList<JournalStudent>> StudentsAsync(JournalScope scope, CancellationToken ct)
    {
        var ids = await institutions.MembersOfAsync(scope.OrganisationId, scope.Class.Id, ct);
        var names = await families.NamesAsync(ids, ct);
        return [.. ids.Distinct().Select(id => new JournalStudent(id, names.GetValueOrDefault(id, "—"))).OrderBy(s => s.Name, ByName).ThenBy(s => s.PersonId)];
    }

    /// <summary>The subject's lessons (not cancelled) of the class by the timetable in the dates.</summary>
    public async Task<IReadOnlyList<PlannedLesson>> PlannedAsync(JournalScope scope, DateOnly from, DateOnly to, CancellationToken ct) =>
        [.. (await classLessons.ForClassAsync(scope.OrganisationId, scope.Class.Id, from, to, ct))
            .Select(l => l.Lesson).Where(l => l.SubjectId == scope.Subject.Id && !l.Cancelled)];

    /// <summary>The non-deleted marks of the class in the subject in the dates.</summary>
    public Task<List<Mark>> MarksAsync(JournalScope scope, DateOnly from, DateOnly to, CancellationToken ct) =>
        db.Marks.AsNoTracking()
            .Where(m => m.ClassGroupId == scope.Class.Id && m.SubjectId == scope.Subject.Id && m.Date >= from && m.Date <= to && m.DeletedAt == null)
            .ToListAsync(ct);

    public Task<List<PeriodMark>> PeriodMarksAsync(JournalScope scope, CancellationToken ct) =>
        db.PeriodMarks.AsNoTracking()
            .Where(p => p.ClassGroupId == scope.Class.Id && p.SubjectId == scope.Subject.Id && p.AcademicYearId == scope.Year.Id)
            .ToListAsync(ct);

    public async Task<JournalSheet> SheetAsync(JournalScope scope, SchoolTerm term, CancellationToken ct)
    {
        var students = await StudentsAsync(scope, ct);
        var planned = await PlannedAsync(scope, term.StartsOn, term.EndsOn, ct);
        var recorded = await db.Lessons.AsNoTracking()
            .Where(l => l.ClassGroupId == scope.Class.Id && l.SubjectId == scope.Subject.Id && l.Date >= term.StartsOn && l.Date <= term.EndsOn)
            .Select(l => new { l.Id, l.Date, l.Number, l.Topic })
            .ToListAsync(ct);
        var byKey = recorded.ToDictionary(l => (l.Date, l.Number));
        var lessons = planned.Select(p => byKey.TryGetValue((p.Date, p.Number), out var r)
                ? new JournalLesson(p.Date, p.Number, r.Id, Planned: true, r.Topic)
                : new JournalLesson(p.Date, p.Number, null, Planned: true, null))
            .Concat(recorded.Where(r => !planned.Any(p => p.Date == r.Date && p.Number == r.Number))
                .Select(r => new JournalLesson(r.Date, r.Number, r.Id, Planned: false, r.Topic)))
            .OrderBy(l => l.Date).ThenBy(l => l.Number)
            .ToList();
        var marks = await MarksAsync(scope, term.StartsOn, term.EndsOn, ct);
        var attendance = await db.Attendance.AsNoTracking()
            .Where(a => a.ClassGroupId == scope.Class.Id && a.SubjectId == scope.Subject.Id && a.Date >= term.StartsOn && a.Date <= term.EndsOn)
            .ToListAsync(ct);
        return new JournalSheet(term, students, lessons, marks, attendance, await PeriodMarksAsync(scope, ct));
    }

    /// <summary>The period asked for, else the one with today in it, else the last one begun, else the first.</summary>
    public static SchoolTerm? TermOf(JournalScope scope, int? period) =>
        scope.Year.Terms.FirstOrDefault(t => t.Number == period)
        ?? scope.TermOf(scope.Today)
        ?? scope.Year.Terms.LastOrDefault(t => t.StartsOn <= scope.Today)
        ?? (scope.Year.Terms.Count > 0 ? scope.Year.Terms[0] : null);

    /// <summary>Which periods of the year the school has closed (0 — the year marks).</summary>
    public async Task<IReadOnlySet<int>> ClosedPeriodsAsync(JournalScope scope, CancellationToken ct) =>
        (await db.ClosedPeriods.AsNoTracking().Where(p => p.AcademicYearId == scope.Year.Id).Select(p => p.PeriodNumber).ToListAsync(ct)).ToHashSet();

    public static string Average(decimal? average) => average?.ToString("0.00", CultureInfo.GetCultureInfo("ru-RU")) ?? "—";
}
