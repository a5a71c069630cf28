using Kabinet.Web.Common.Time;
using Kabinet.Web.Features.Institutions;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Diary;

public sealed partial class DiaryDirectory
{
    /// <summary>
    /// The classes of this school year a person teaches at the organisation: a subject assigned to them in it, or
    /// they are its class teacher. In grade order.
    /// </summary>
    public async Task<IReadOnlyList<SchoolClass>> ClassesTaughtAsync(int personId, int organisationId, CancellationToken ct)
    {
        var employeeIds = (await institutions.EmploymentsOfAsync(personId, organisationId, ct)).Select(e => e.EmployeeId).ToHashSet();
        if (employeeIds.Count == 0 || await institutions.SchoolYearOnAsync(organisationId, time.Today(), ct) is not { } year)
            return [];
        var classes = await institutions.SchoolClassesAsync(organisationId, year.Id, ct);
        var ids = employeeIds.ToArray();
        var taught = (await db.TeachingAssignments.AsNoTracking()
            .Where(a => a.OrganisationId == organisationId && a.AcademicYearId == year.Id && ids.Contains(a.EmployeeId))
            .Select(a => a.ClassGroupId).Distinct().ToListAsync(ct)).ToHashSet();
        return [.. classes.Where(c => taught.Contains(c.Id) || (c.ClassTeacherId is { } teacher && employeeIds.Contains(teacher)))];
    }
}
