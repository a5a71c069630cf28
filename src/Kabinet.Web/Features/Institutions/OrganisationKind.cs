namespace Kabinet.Web.Features.Institutions;

public enum OrganisationKind
{
    /// <summary>Дошкольная образовательная организация (детский сад).</summary>
    Kindergarten,

    /// <summary>Общеобразовательная организация (школа, гимназия, лицей).</summary>
    School,

    /// <summary>Профессиональная образовательная организация (СПО: колледж, техникум).</summary>
    College,

    /// <summary>Организация дополнительного образования.</summary>
    AdditionalEducation,
}
