namespace Kabinet.Web.Features.Institutions;

/// <summary>An organisation's academic year (учебный год) split into study periods.</summary>
public sealed class AcademicYear
{
    public int Id { get; set; }

    public int OrganisationId { get; set; }

    /// <summary>The calendar year the academic year starts in: 2026 for «2026/2027».</summary>
    public int StartYear { get; set; }

    public DateOnly StartsOn { get; set; }

    public DateOnly EndsOn { get; set; }

    public StudyPeriodKind PeriodKind { get; set; }

    public List<StudyPeriod> Periods { get; set; } = [];

    public string Title => $"{StartYear}/{StartYear + 1}";
}

/// <summary>A study period: четверть, триместр, полугодие or семестр.</summary>
public sealed class StudyPeriod
{
    public int Id { get; set; }

    public int AcademicYearId { get; set; }

    public int Number { get; set; }

    public DateOnly StartsOn { get; set; }

    public DateOnly EndsOn { get; set; }

    public StudyPeriodKind Kind { get; set; }

    /// <summary>«1-я четверть», «2-й семестр».</summary>
    public string Title => Kind switch
    {
        StudyPeriodKind.Quarters => $"{Number}-я четверть",
        StudyPeriodKind.Trimesters => $"{Number}-й триместр",
        StudyPeriodKind.Halves => $"{Number}-е полугодие",
        StudyPeriodKind.Semesters => $"{Number}-й семестр",
        _ => Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

public enum StudyPeriodKind
{
    Quarters,
    Trimesters,
    Halves,
    Semesters,
}
