namespace Kabinet.Web.Features.Institutions;

/// <summary>A school class («5А») or a college study group («ТМ-21») of one academic year.</summary>
public sealed class ClassGroup
{
    public int Id { get; set; }

    public int OrganisationId { get; set; }

    public int AcademicYearId { get; set; }

    /// <summary>The grade (1–11) at school, the course (1–4) at college.</summary>
    public int Grade { get; set; }

    /// <summary>«5А» at school, «ТМ-21» at college.</summary>
    public required string Name { get; set; }

    /// <summary>College groups: the speciality they study, e.g. «15.02.16 Технология машиностроения».</summary>
    public string? Speciality { get; set; }

    /// <summary>The class teacher (классный руководитель) or the group's curator.</summary>
    public int? ClassTeacherId { get; set; }

    public Employee? ClassTeacher { get; set; }
}
