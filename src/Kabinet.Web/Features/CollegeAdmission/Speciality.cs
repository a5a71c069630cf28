namespace Kabinet.Web.Features.CollegeAdmission;

/// <summary>Форма обучения.</summary>
public enum StudyForm
{
    FullTime,
    PartTime,
    Extramural,
}

/// <summary>What the entrant has finished: the speciality's basis and the education document's level alike.</summary>
public enum EducationBasis
{
    Grade9,
    Grade11,
}

/// <summary>
/// A speciality a college admits to in one admission year (a line of its admission plan): places, the form and
/// basis of study, and the college's acceptance window in region days, inclusive.
/// </summary>
public sealed class Speciality
{
    public int Id { get; set; }

    public int OrganisationId { get; set; }

    /// <summary>The college's municipality, kept here for the public filter.</summary>
    public int MunicipalityId { get; set; }

    public int AdmissionYear { get; set; }

    /// <summary>«09.02.07».</summary>
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public string Qualification { get; set; } = "";

    public StudyForm Form { get; set; }

    public EducationBasis Basis { get; set; }

    public int BudgetPlaces { get; set; }

    public int PaidPlaces { get; set; }

    /// <summary>Needs a preliminary medical examination (ПП РФ №697): the certificate is required with the application.</summary>
    public bool MedicalExamination { get; set; }

    /// <summary>Has creative, physical or psychological entrance tests (the window then ends earlier).</summary>
    public bool EntranceTests { get; set; }

    public DateOnly AcceptFrom { get; set; }

    public DateOnly AcceptUntil { get; set; }

    /// <summary>The extension when places remain after <see cref="AcceptUntil"/>; null — none.</summary>
    public DateOnly? ExtendedUntil { get; set; }

    public int Version { get; set; }

    /// <summary>Приказ 457 п.18 [D]: from 20 June; until 15 August (10 August with entrance tests); to 25 November if places remain.</summary>
    public void UseDefaultWindow()
    {
        AcceptFrom = new DateOnly(AdmissionYear, 6, 20);
        AcceptUntil = new DateOnly(AdmissionYear, 8, EntranceTests ? 10 : 15);
        ExtendedUntil = new DateOnly(AdmissionYear, 11, 25);
    }

    /// <summary>Whether applications are taken on this region day; the extension counts only while places remain.</summary>
    public bool IsOpenOn(DateOnly day, bool placesRemain) =>
        day >= AcceptFrom && (day <= AcceptUntil || (placesRemain && ExtendedUntil is { } extended && day <= extended));

    public string WindowTitle => $"с {AcceptFrom:dd.MM.yyyy} по {AcceptUntil:dd.MM.yyyy}"
        + (ExtendedUntil is { } e ? $" (при наличии свободных мест — до {e:dd.MM.yyyy})" : "");

    public string Title => $"{Code} {Name}";

    public int TotalPlaces => BudgetPlaces + PaidPlaces;

    /// <summary>The admission year whose campaign a region day belongs to: the calendar year (a campaign runs June to November).</summary>
    public static int AdmissionYearOn(DateOnly day) => day.Year;
}

public static class SpecialityTitles
{
    public static string Title(this StudyForm form) => form switch
    {
        StudyForm.FullTime => "очная",
        StudyForm.PartTime => "очно-заочная",
        StudyForm.Extramural => "заочная",
        _ => form.ToString(),
    };

    public static string Title(this EducationBasis basis) => basis switch
    {
        EducationBasis.Grade9 => "на базе 9 классов",
        EducationBasis.Grade11 => "на базе 11 классов",
        _ => basis.ToString(),
    };

    /// <summary>The education document of this level.</summary>
    public static string DocumentTitle(this EducationBasis basis) => basis switch
    {
        EducationBasis.Grade9 => "аттестат об основном общем образовании (9 классов)",
        EducationBasis.Grade11 => "аттестат о среднем общем образовании (11 классов)",
        _ => basis.ToString(),
    };
}
