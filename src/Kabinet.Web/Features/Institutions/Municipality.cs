namespace Kabinet.Web.Features.Institutions;

/// <summary>A municipality of the region (городской или муниципальный округ, район).</summary>
public sealed class Municipality
{
    public int Id { get; set; }

    /// <summary>Official name, e.g. «Кемеровский городской округ».</summary>
    public required string Name { get; set; }

    /// <summary>The administrative centre, e.g. «Кемерово».</summary>
    public required string Centre { get; set; }

    public MunicipalityKind Kind { get; set; }

    public double Latitude { get; set; }

    public double Longitude { get; set; }

    /// <summary>Position in lists: city districts first, then by name, as regional registries show them.</summary>
    public int SortOrder { get; set; }
}

public enum MunicipalityKind
{
    /// <summary>Городской округ.</summary>
    UrbanDistrict,

    /// <summary>Муниципальный округ.</summary>
    MunicipalDistrict,

    /// <summary>Муниципальный район.</summary>
    MunicipalRaion,
}
