using Kabinet.Web.Data;
using Kabinet.Web.Features.Families;
using Kabinet.Web.Features.Institutions;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Diary;

/// <summary>A lesson with the names people read.</summary>
public sealed record LessonView(PlannedLesson Lesson, string Subject, string Teacher, string PlannedSubject, string PlannedTeacher);

/// <summary>The lessons of a class for a date range, from the timetable, its changes, the bells and the study periods.</summary>
public sealed class ClassLessons(KabinetDbContext db, InstitutionDirectory institutions, FamilyDirectory families)
{
    public async Task<IReadOnlyList<LessonView>> ForClassAsync(int organisationId, int classGroupId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var slots = await db.TimetableSlots.AsNoTracking()
            .Where(s => s.OrganisationId == organisationId && s.ClassGroupId == classGroupId && s.ValidFrom <= to && s.ValidTo >= from)
            .ToListAsync(ct);
        if (slots.Count == 0)
            return [];
        var changes = await db.TimetableChanges.AsNoTracking()
            .Where(c => c.OrganisationId == organisationId && c.ClassGroupId == classGroupId && c.Date >= from && c.Date <= to)
            .ToListAsync(ct);
        var bells = await db.Bells.AsNoTracking().Where(b => b.OrganisationId == organisationId).ToListAsync(ct);
        var years = new Dictionary<int, SchoolYear?>();
        foreach (var yearId in slots.Select(s => s.AcademicYearId).Distinct())
            years[yearId] = await institutions.SchoolYearAsync(yearId, ct);
        var lessons = LessonCalendar.Expand(from, to, day => years.Values.Any(y => y?.IsStudyDay(day) == true), slots, changes, bells);

        var subjects = await db.Subjects.AsNoTracking().Where(s => s.OrganisationId == organisationId).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var teachers = await TeacherNamesAsync(organisationId, ct);
        return [.. lessons.Select(l => new LessonView(l, subjects.GetValueOrDefault(l.SubjectId, "—"), teachers.GetValueOrDefault(l.EmployeeId, "—"),
            subjects.GetValueOrDefault(l.PlannedSubjectId, "—"), teachers.GetValueOrDefault(l.PlannedEmployeeId, "—")))];
    }

    /// <summary>The organisation's employees by id with their full names.</summary>
    public async Task<IReadOnlyDictionary<int, string>> TeacherNamesAsync(int organisationId, CancellationToken ct)
    {
        var staff = await institutions.StaffOfAsync(organisationId, ct);
        var names = await families.NamesAsync(staff.Select(s => s.PersonId), ct);
        return staff.ToDictionary(s => s.EmployeeId, s => names.GetValueOrDefault(s.PersonId, s.Position));
    }
}
