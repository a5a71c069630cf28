using Kabinet.Web.Common.Time;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Families;
using Kabinet.Web.Features.Institutions;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Diary;

/// <summary>A teacher of a class: the subjects they teach in it, and whether they are its class teacher.</summary>
public sealed record ClassTeacher(int EmployeeId, int PersonId, string Name, IReadOnlyList<string> Subjects, bool IsClassTeacher);

/// <summary>
/// The diary's face to other modules (the «Услуги» page, messages): records only, never entities. Each concern
/// may live in its own part file.
/// </summary>
public sealed partial class DiaryDirectory(
    KabinetDbContext db, InstitutionDirectory institutions, FamilyDirectory families, TimeProvider time, Family.FamilyDiary diary)
{
    /// <summary>The classes the people study in today (a person outside school or college is left out).</summary>
    public Task<IReadOnlyList<StudentClass>> ClassesTodayAsync(IReadOnlyCollection<int> personIds, CancellationToken ct) =>
        institutions.ClassesOfStudentsAsync(personIds, time.Today(), ct);

    /// <summary>The teachers of a class this year — everyone assigned a subject in it, and its class teacher — by name.</summary>
    public async Task<IReadOnlyList<ClassTeacher>> TeachersOfClassAsync(int organisationId, SchoolClass schoolClass, CancellationToken ct)
    {
        var assignments = await db.TeachingAssignments.AsNoTracking()
            .Where(a => a.OrganisationId == organisationId && a.ClassGroupId == schoolClass.Id)
            .Join(db.Subjects, a => a.SubjectId, s => s.Id, (a, s) => new { a.EmployeeId, s.Name })
            .ToListAsync(ct);
        var staff = (await institutions.StaffOfAsync(organisationId, ct)).ToDictionary(s => s.EmployeeId);
        var employeeIds = assignments.Select(a => a.EmployeeId).Append(schoolClass.ClassTeacherId ?? 0).Where(staff.ContainsKey).Distinct().ToList();
        var names = await families.NamesAsync(employeeIds.Select(id => staff[id].PersonId), ct);
        return [.. employeeIds
            .Select(id => new ClassTeacher(id, staff[id].PersonId, names.GetValueOrDefault(staff[id].PersonId, staff[id].Position),
                [.. assignments.Where(a => a.EmployeeId == id).Select(a => a.Name).Order(StringComparer.Ordinal)], id == schoolClass.ClassTeacherId))
            .OrderByDescending(t => t.IsClassTeacher).ThenBy(t => t.Name, StringComparer.Ordinal)];
    }
}
