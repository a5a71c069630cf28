using Kabinet.Web.Data;
using Kabinet.Web.Features.Families;
using Kabinet.Web.Features.Institutions;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Diary.Admin;

/// <summary>A teacher as the forms list them: «Иванова Мария Петровна (учитель математики)».</summary>
public sealed record TeacherItem(int EmployeeId, string FullName, string Position)
{
    public string Title => $"{FullName} ({Position.ToLowerInvariant()})";
}

/// <summary>A teaching assignment with the names people read.</summary>
public sealed record AssignmentItem(int Id, int ClassGroupId, string ClassName, int SubjectId, string Subject, int EmployeeId, string Teacher)
{
    public string Title => $"{Subject} — {Teacher}";
}

/// <summary>What the school structure pages and the import read and write together.</summary>
public sealed class SchoolStructure(KabinetDbContext db, InstitutionDirectory institutions, FamilyDirectory families)
{
    public Task<List<Subject>> SubjectsAsync(int organisationId, CancellationToken ct) =>
        db.Subjects.AsNoTracking().Where(s => s.OrganisationId == organisationId).OrderBy(s => s.Name).ToListAsync(ct);

    public async Task<IReadOnlyList<TeacherItem>> TeachersAsync(int organisationId, CancellationToken ct)
    {
        var staff = await institutions.StaffOfAsync(organisationId, ct);
        var names = await families.NamesAsync(staff.Select(s => s.PersonId), ct);
        return [.. staff.Select(s => new TeacherItem(s.EmployeeId, names.GetValueOrDefault(s.PersonId, "—"), s.Position))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)];
    }

    public Task<List<SchoolClass>> ClassesAsync(SchoolYear year, CancellationToken ct) => institutions.SchoolClassesAsync(year.OrganisationId, year.Id, ct);

    public async Task<IReadOnlyList<AssignmentItem>> AssignmentsAsync(SchoolYear year, IReadOnlyList<SchoolClass> classes, IReadOnlyList<TeacherItem> teachers, CancellationToken ct)
    {
        var rows = await db.TeachingAssignments.AsNoTracking()
            .Where(a => a.OrganisationId == year.OrganisationId && a.AcademicYearId == year.Id)
            .Join(db.Subjects, a => a.SubjectId, s => s.Id, (a, s) => new { a.Id, a.ClassGroupId, a.SubjectId, Subject = s.Name, a.EmployeeId })
            .ToListAsync(ct);
        var classNames = classes.ToDictionary(c => c.Id, c => c.Name);
        var teacherNames = teachers.ToDictionary(t => t.EmployeeId, t => t.FullName);
        var order = classes.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i);
        return [.. rows
            .Select(r => new AssignmentItem(r.Id, r.ClassGroupId, classNames.GetValueOrDefault(r.ClassGroupId, "—"), r.SubjectId, r.Subject, r.EmployeeId, teacherNames.GetValueOrDefault(r.EmployeeId, "—")))
            .OrderBy(a => order.GetValueOrDefault(a.ClassGroupId, int.MaxValue)).ThenBy(a => a.Subject, StringComparer.Ordinal).ThenBy(a => a.Teacher, StringComparer.Ordinal)];
    }

    /// <summary>The school's kinds of work; a school that has none gets the defaults on first use.</summary>
    public async Task<List<WorkKind>> WorkKindsAsync(int organisationId, CancellationToken ct)
    {
        var kinds = await db.WorkKinds.Where(k => k.OrganisationId == organisationId).OrderBy(k => k.SortOrder).ThenBy(k => k.Id).ToListAsync(ct);
        if (kinds.Count > 0)
            return kinds;
        db.WorkKinds.AddRange(WorkKind.Defaults(organisationId));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request created them at the same moment (the unique name index): read theirs.
            db.ChangeTracker.Clear();
        }

        return await db.WorkKinds.Where(k => k.OrganisationId == organisationId).OrderBy(k => k.SortOrder).ThenBy(k => k.Id).ToListAsync(ct);
    }

    public Task<List<Bell>> BellsAsync(int organisationId, CancellationToken ct) =>
        db.Bells.AsNoTracking().Where(b => b.OrganisationId == organisationId).OrderBy(b => b.Number).ToListAsync(ct);

    /// <summary>The organisation's timetable slots on a weekday and lesson number that overlap the dates (any class).</summary>
    public Task<List<TimetableSlot>> SameTimeAsync(int organisationId, DayOfWeek day, int number, DateOnly from, DateOnly to, CancellationToken ct) =>
        db.TimetableSlots.Where(s => s.OrganisationId == organisationId && s.Day == day && s.LessonNumber == number && s.ValidFrom <= to && s.ValidTo >= from)
            .ToListAsync(ct);

    /// <summary>
    /// Whether a teacher is busy with another class at that lesson of that date: by the timetable (unless that lesson is
    /// cancelled or given to someone else) or by a replacement.
    /// </summary>
    public async Task<string?> BusyElsewhereAsync(int organisationId, int employeeId, int classGroupId, DateOnly date, int number, CancellationToken ct)
    {
        var planned = await db.TimetableSlots.AsNoTracking()
            .Where(s => s.OrganisationId == organisationId && s.EmployeeId == employeeId && s.ClassGroupId != classGroupId
                && s.Day == date.DayOfWeek && s.LessonNumber == number && s.ValidFrom <= date && s.ValidTo >= date
                && !db.TimetableChanges.Any(c => c.ClassGroupId == s.ClassGroupId && c.Date == date && c.LessonNumber == number
                    && (c.Kind == ChangeKind.Cancellation || (c.EmployeeId != null && c.EmployeeId != employeeId))))
            .Select(s => (int?)s.ClassGroupId).FirstOrDefaultAsync(ct);
        var replacing = planned ?? await db.TimetableChanges.AsNoTracking()
            .Where(c => c.OrganisationId == organisationId && c.EmployeeId == employeeId && c.ClassGroupId != classGroupId && c.Date == date && c.LessonNumber == number
                && c.Kind == ChangeKind.Replacement)
            .Select(c => (int?)c.ClassGroupId).FirstOrDefaultAsync(ct);
        if (replacing is not { } busyIn)
            return null;
        var year = await institutions.SchoolYearOnAsync(organisationId, date, ct);
        var classes = year is null ? [] : await institutions.SchoolClassesAsync(organisationId, year.Id, ct);
        return classes.FirstOrDefault(c => c.Id == busyIn)?.Name ?? "другом классе";
    }
}
