namespace Kabinet.Web.Features.Enrollment.Territories;

/// <summary>
/// The streets and houses assigned to a school by the municipal act (закреплённая территория), one street a line:
/// «ул. Ленина: 1–45, 2–60, 71а» or «пр. Советский: все». Kept by the municipal operator.
/// </summary>
public sealed class SchoolTerritory
{
    public int OrganisationId { get; init; }

    public int MunicipalityId { get; init; }

    public string Lines { get; set; } = "";

    public DateTime UpdatedAt { get; set; }

    public int Version { get; set; }
}
