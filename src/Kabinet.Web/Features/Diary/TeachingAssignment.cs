namespace Kabinet.Web.Features.Diary;

/// <summary>
/// A teacher (an employee of the organisation) teaches a subject in a class for an academic year. A subject may
/// have two teachers in one class (a class split into groups for languages); the journal shows a teacher only the
/// classes and subjects assigned to them.
/// </summary>
public sealed class TeachingAssignment
{
    public int Id { get; set; }

    public int OrganisationId { get; set; }

    public int AcademicYearId { get; set; }

    /// <summary>The class (Institutions), stored by id.</summary>
    public int ClassGroupId { get; set; }

    public int SubjectId { get; set; }

    /// <summary>The teacher's employee record (Institutions), stored by id.</summary>
    public int EmployeeId { get; set; }
}
