namespace Kabinet.Web.Features.Enrollment;

/// <summary>The kinds of school application; each is numbered on its own within a campaign.</summary>
public enum SchoolApplicationKind
{
    /// <summary>Зачисление в 1 класс.</summary>
    FirstGrade,

    /// <summary>Перевод в N класс другой школы (Приказ 240).</summary>
    Transfer,

    /// <summary>Зачисление в 10 класс.</summary>
    TenthGrade,
}

/// <summary>
/// The enrollment campaign of one municipality for one school year (StartYear 2027 — the year from 1 September 2027):
/// the application windows in the region's calendar and the counters that number applications gaplessly.
/// A window opens at 00:00 (Asia/Novokuznetsk) of its first day and closes at 24:00 of its last day.
/// </summary>
public sealed class EnrollmentCampaign
{
    public int Id { get; set; }

    public int MunicipalityId { get; init; }

    public int StartYear { get; init; }

    /// <summary>1st grade for children with a right or living on the school's territory (п.17 Приказа 458: 1 April – 30 June).</summary>
    public DateOnly PriorityFrom { get; set; }

    public DateOnly PriorityTo { get; set; }

    /// <summary>1st grade for everyone else (6 July – 5 September, or until the places run out).</summary>
    public DateOnly GeneralFrom { get; set; }

    public DateOnly GeneralTo { get; set; }

    /// <summary>10th grade: from the end of the 9th-grade exams. [D] the default 20 June – 31 August is an assumption, not a cited rule.</summary>
    public DateOnly TenthFrom { get; set; }

    public DateOnly TenthTo { get; set; }

    /// <summary>The last number given to a 1st-grade application; taken with UPDATE … RETURNING in the insert's transaction.</summary>
    public int FirstGradeLastNumber { get; set; }

    public int TransferLastNumber { get; set; }

    public int TenthGradeLastNumber { get; set; }

    public int Version { get; set; }

    /// <summary>A campaign with the windows of Приказ 458 (and the assumed 10th-grade one) for the school year.</summary>
    public static EnrollmentCampaign WithDefaults(int municipalityId, int startYear) => new()
    {
        MunicipalityId = municipalityId,
        StartYear = startYear,
        PriorityFrom = new DateOnly(startYear, 4, 1),
        PriorityTo = new DateOnly(startYear, 6, 30),
        GeneralFrom = new DateOnly(startYear, 7, 6),
        GeneralTo = new DateOnly(startYear, 9, 5),
        TenthFrom = new DateOnly(startYear, 6, 20),
        TenthTo = new DateOnly(startYear, 8, 31),
    };

    /// <summary>Null when the windows make sense; otherwise the Russian reason.</summary>
    public string? CheckWindows()
    {
        if (PriorityFrom > PriorityTo || GeneralFrom > GeneralTo || TenthFrom > TenthTo)
            return "Дата начала приёма не может быть позже даты окончания.";
        if (GeneralFrom <= PriorityFrom)
            return "Приём для всех начинается после начала приёма для детей с правами и с закреплённой территории.";
        if (GeneralTo > new DateOnly(StartYear, 12, 31) || PriorityFrom < new DateOnly(StartYear - 1, 9, 1))
            return "Окна приёма должны относиться к этому учебному году.";
        return null;
    }

    public static string Dates(DateOnly from, DateOnly to) =>
        $"с {from.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture)} по {to.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>
    /// Why a 1st-grade or 10th-grade application is not accepted on the region's date (null — it is). A 1st-grade
    /// child with a right or from the territory may use either window; others only the general one.
    /// Transfers are accepted all year.
    /// </summary>
    public string? WindowProblem(SchoolApplicationKind kind, bool priority, DateOnly today)
    {
        switch (kind)
        {
            case SchoolApplicationKind.FirstGrade:
                var inPriority = PriorityFrom <= today && today <= PriorityTo;
                var inGeneral = GeneralFrom <= today && today <= GeneralTo;
                if (inGeneral || (priority && inPriority))
                    return null;
                return priority
                    ? $"Заявления в 1 класс на {StartYear}/{StartYear + 1} учебный год принимаются {Dates(PriorityFrom, PriorityTo)} (дети с правом на внеочередное, первоочередное или преимущественное зачисление и дети с закреплённой территории) и {Dates(GeneralFrom, GeneralTo)}."
                    : $"Для детей, не проживающих на закреплённой территории и без права на льготное зачисление, заявления в 1 класс на {StartYear}/{StartYear + 1} учебный год принимаются {Dates(GeneralFrom, GeneralTo)} (пока есть свободные места). {Dates(PriorityFrom, PriorityTo).Replace("с ", "С ", StringComparison.Ordinal)} — только для детей с закреплённой территории и с правами.";
            case SchoolApplicationKind.TenthGrade:
                return TenthFrom <= today && today <= TenthTo ? null
                    : $"Заявления в 10 класс на {StartYear}/{StartYear + 1} учебный год принимаются {Dates(TenthFrom, TenthTo)}.";
            default:
                return null;
        }
    }

    /// <summary>The counter column of a kind (a fixed name, never user input).</summary>
    public static string CounterColumn(SchoolApplicationKind kind) => kind switch
    {
        SchoolApplicationKind.FirstGrade => "first_grade_last_number",
        SchoolApplicationKind.Transfer => "transfer_last_number",
        _ => "tenth_grade_last_number",
    };
}

/// <summary>The first-grade places a school offers in a school year: the general window closes for it when they are taken.</summary>
public sealed class SchoolIntake
{
    public int OrganisationId { get; init; }

    public int StartYear { get; init; }

    public int FirstGradePlaces { get; set; }
}
