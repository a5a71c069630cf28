using Kabinet.Web.Common.Text;

namespace Kabinet.Web.Features.AdditionalEducation.Catalogue;

/// <summary>The six directions of additional general-development programmes.</summary>
public enum Direction
{
    Technical,
    NaturalScience,
    Sports,
    Arts,
    Tourism,
    Social,
}

/// <summary>Who pays: the budget (free), the family (paid, to the organisation directly) or the certificate.</summary>
public enum Funding
{
    Free,
    Paid,
    Certificate,
}

public static class ProgrammeTitles
{
    public static string Title(this Direction direction) => direction switch
    {
        Direction.Technical => "техническая",
        Direction.NaturalScience => "естественнонаучная",
        Direction.Sports => "физкультурно-спортивная",
        Direction.Arts => "художественная",
        Direction.Tourism => "туристско-краеведческая",
        Direction.Social => "социально-гуманитарная",
        _ => direction.ToString(),
    };

    public static string Title(this Funding funding) => funding switch
    {
        Funding.Free => "бесплатно (бюджет)",
        Funding.Paid => "платно",
        Funding.Certificate => "по сертификату",
        _ => funding.ToString(),
    };
}

/// <summary>A programme an organisation offers: who it is for, who pays, how many places.</summary>
public sealed class Programme
{
    public const int MaxNameLength = 200;
    public const int MaxTextLength = 2000;

    public int Id { get; set; }

    public int OrganisationId { get; init; }

    /// <summary>The organisation's municipality, kept here so the catalogue filters without another module's tables.</summary>
    public int MunicipalityId { get; init; }

    public string Name { get; private set; } = "";

    /// <summary>Name and description folded for case- and ё-insensitive search on any database.</summary>
    public string SearchText { get; private set; } = "";

    public Direction Direction { get; set; }

    public int AgeFrom { get; set; }

    public int AgeTo { get; set; }

    public Funding Funding { get; set; }

    /// <summary>The price for the calendar year (paid and certificate programmes), in kopecks.</summary>
    public long PriceKopecks { get; set; }

    public int Places { get; set; }

    /// <summary>Places held by submitted and confirmed enrolments: changed only by conditional updates, never above <see cref="Places"/>.</summary>
    public int Taken { get; set; }

    public string Schedule { get; set; } = "";

    public string Description { get; private set; } = "";

    public bool IsActive { get; set; } = true;

    public int Version { get; set; }

    public void Describe(string name, string description)
    {
        Name = name.Trim();
        Description = description.Trim();
        SearchText = SearchTextFolding.Fold(Name + " " + Description);
    }

    public bool TakesAge(int age) => AgeFrom <= age && age <= AgeTo;
}
