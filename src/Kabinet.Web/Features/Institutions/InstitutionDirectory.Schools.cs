using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Institutions;

/// <summary>A school or college academic year with its study periods, as the diary sees it.</summary>
public sealed record SchoolYear(int Id, int OrganisationId, int StartYear, DateOnly StartsOn, DateOnly EndsOn, IReadOnlyList<SchoolTerm> Terms)
{
    public string Title => $"{StartYear}/{StartYear + 1}";

    /// <summary>Whether lessons may happen on this day: it falls inside one of the study periods (holidays lie between them).</summary>
    public bool IsStudyDay(DateOnly day) => Terms.Any(t => t.StartsOn <= day && day <= t.EndsOn);
}

/// <summary>One study period of a <see cref="SchoolYear"/>: «1-я четверть» from … to ….</summary>
public sealed record SchoolTerm(int Number, string Title, DateOnly StartsOn, DateOnly EndsOn);

/// <summary>A class or college group of a school year, with its class teacher (an employee id).</summary>
public sealed record SchoolClass(int Id, int AcademicYearId, int Grade, string Name, int? ClassTeacherId);

/// <summary>A person employed by an organisation.</summary>
public sealed record StaffMember(int EmployeeId, int PersonId, string Position);

public sealed partial class InstitutionDirectory
{
    /// <summary>The organisation's kind, or null when there is no such organisation.</summary>
    public async Task<(string Name, OrganisationKind Kind)?> OrganisationAsync(int organisationId, CancellationToken ct)
    {
        var found = await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId)
            .Select(o => new { o.ShortName, o.Kind }).FirstOrDefaultAsync(ct);
        return found is null ? null : (found.ShortName, found.Kind);
    }

    /// <summary>The municipality the organisation is in, or null when there is no such organisation.</summary>
    public Task<int?> MunicipalityOfAsync(int organisationId, CancellationToken ct) =>
        db.Organisations.AsNoTracking().Where(o => o.Id == organisationId).Select(o => (int?)o.MunicipalityId).FirstOrDefaultAsync(ct);

    /// <summary>The organisation's academic year that contains the day, else the nearest one starting after it, else the latest.</summary>
    public async Task<SchoolYear?> SchoolYearOnAsync(int organisationId, DateOnly day, CancellationToken ct)
    {
        var years = await db.AcademicYears.AsNoTracking().Include(y => y.Periods)
            .Where(y => y.OrganisationId == organisationId).OrderBy(y => y.StartYear).ToListAsync(ct);
        var year = years.FirstOrDefault(y => y.StartsOn <= day && day <= y.EndsOn)
            ?? years.FirstOrDefault(y => y.StartsOn > day)
            ?? years.LastOrDefault();
        return year is null ? null : ToSchoolYear(year);
    }

    public async Task<SchoolYear?> SchoolYearAsync(int academicYearId, CancellationToken ct)
    {
        var year = await db.AcademicYears.AsNoTracking().Include(y => y.Periods).FirstOrDefaultAsync(y => y.Id == academicYearId, ct);
        return year is null ? null : ToSchoolYear(year);
    }

    /// <summary>The classes or groups of an academic year, in grade order.</summary>
    public Task<List<SchoolClass>> SchoolClassesAsync(int organisationId, int academicYearId, CancellationToken ct) =>
        db.ClassGroups.AsNoTracking()
            .Where(c => c.OrganisationId == organisationId && c.AcademicYearId == academicYearId)
            .OrderBy(c => c.Grade).ThenBy(c => c.Name)
            .Select(c => new SchoolClass(c.Id, c.AcademicYearId, c.Grade, c.Name, c.ClassTeacherId))
            .ToListAsync(ct);

    /// <summary>The organisation's employees.</summary>
    public Task<List<StaffMember>> StaffOfAsync(int organisationId, CancellationToken ct) =>
        db.Employees.AsNoTracking()
            .Where(e => e.OrganisationId == organisationId)
            .OrderBy(e => e.Id)
            .Select(e => new StaffMember(e.Id, e.PersonId, e.Position))
            .ToListAsync(ct);

    /// <summary>The employee records a person holds (a teacher may work at several organisations).</summary>
    public Task<List<StaffMember>> EmploymentsOfAsync(int personId, int organisationId, CancellationToken ct) =>
        db.Employees.AsNoTracking()
            .Where(e => e.PersonId == personId && e.OrganisationId == organisationId)
            .Select(e => new StaffMember(e.Id, e.PersonId, e.Position))
            .ToListAsync(ct);

    /// <summary>
    /// Makes an employee of the organisation the class teacher of its class (null: nobody) as part of the caller's
    /// unit of work (the caller saves); false when the class or the employee is not the organisation's.
    /// </summary>
    public async Task<bool> SetClassTeacherAsync(int organisationId, int classGroupId, int? employeeId, CancellationToken ct)
    {
        var group = await db.ClassGroups.FirstOrDefaultAsync(c => c.Id == classGroupId && c.OrganisationId == organisationId, ct);
        if (group is null)
            return false;
        if (employeeId is { } id && !await db.Employees.AnyAsync(e => e.Id == id && e.OrganisationId == organisationId, ct))
            return false;
        group.ClassTeacherId = employeeId;
        return true;
    }

    private static SchoolYear ToSchoolYear(AcademicYear year) => new(year.Id, year.OrganisationId, year.StartYear, year.StartsOn, year.EndsOn,
        [.. year.Periods.OrderBy(p => p.Number).Select(p => new SchoolTerm(p.Number, p.Title, p.StartsOn, p.EndsOn))]);
}

/// <summary>The class (or college group) a student is in on a day, with its organisation.</summary>
public sealed record StudentClass(int PersonId, int OrganisationId, OrganisationKind Kind, SchoolClass Class);

/// <summary>
/// <see cref="StudentClass"/> as a query shape another module may join to its own tables before it runs (one SQL
/// statement for a lookup that needs both).
/// </summary>
public sealed class StudentClassRow
{
    public int PersonId { get; init; }

    public OrganisationKind Kind { get; init; }

    public int OrganisationId { get; init; }

    public int ClassId { get; init; }

    public int AcademicYearId { get; init; }

    public int Grade { get; init; }

    public string Name { get; init; } = "";

    public int? ClassTeacherId { get; init; }

    public StudentClass ToStudentClass() => new(PersonId, OrganisationId, Kind, new SchoolClass(ClassId, AcademicYearId, Grade, Name, ClassTeacherId));
}

public sealed partial class InstitutionDirectory
{
    /// <summary>
    /// The classes the students are in on the day: the membership whose class belongs to the academic year that
    /// contains the day (in summer — none). A student without such a class is left out.
    /// </summary>
    public async Task<IReadOnlyList<StudentClass>> ClassesOfStudentsAsync(IReadOnlyCollection<int> personIds, DateOnly day, CancellationToken ct)
    {
        var ids = personIds.Distinct().ToArray();
        return [.. (await ClassRows(db.ClassMemberships.Where(m => ids.Contains(m.PersonId)), day).ToListAsync(ct)).Select(r => r.ToStudentClass())];
    }

    /// <summary>
    /// The same for people given as a query (another module's subquery, e.g. a guardian's children), not yet run, so the
    /// caller can add its own columns: an ownership check and the class lookup are a single round trip.
    /// </summary>
    public IQueryable<StudentClassRow> ClassesOfStudents(IQueryable<int> personIds, DateOnly day) =>
        ClassRows(db.ClassMemberships.Where(m => personIds.Contains(m.PersonId)), day);

    /// <summary>The class one person is in on the day, as a query (see the overload above).</summary>
    public IQueryable<StudentClassRow> ClassesOfStudents(int personId, DateOnly day) =>
        ClassRows(db.ClassMemberships.Where(m => m.PersonId == personId), day);

    private IQueryable<StudentClassRow> ClassRows(IQueryable<ClassMembership> memberships, DateOnly day) =>
        memberships.AsNoTracking()
            .Join(db.ClassGroups, m => m.ClassGroupId, c => c.Id, (m, c) => new { m.PersonId, Class = c })
            .Join(db.AcademicYears.Where(y => y.StartsOn <= day && day <= y.EndsOn), x => x.Class.AcademicYearId, y => y.Id, (x, y) => x)
            .Join(db.Organisations, x => x.Class.OrganisationId, o => o.Id, (x, o) => new StudentClassRow
            {
                PersonId = x.PersonId, Kind = o.Kind, OrganisationId = x.Class.OrganisationId, ClassId = x.Class.Id, AcademicYearId = x.Class.AcademicYearId,
                Grade = x.Class.Grade, Name = x.Class.Name, ClassTeacherId = x.Class.ClassTeacherId,
            });
}
