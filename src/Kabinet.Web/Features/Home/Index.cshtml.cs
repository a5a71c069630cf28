using Kabinet.Web.Features.Institutions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kabinet.Web.Features.Home;

[AllowAnonymous]
public sealed class IndexModel(InstitutionDirectory institutions) : PageModel
{
    public RegionSummary Summary { get; private set; } = new(0, new Dictionary<OrganisationKind, int>());

    public async Task OnGetAsync(CancellationToken ct) => Summary = await institutions.SummaryAsync(ct);

    public static readonly (OrganisationKind Kind, string One, string Few, string Many)[] KindWords =
    [
        (OrganisationKind.Kindergarten, "детский сад", "детских сада", "детских садов"),
        (OrganisationKind.School, "школа", "школы", "школ"),
        (OrganisationKind.College, "колледж или техникум", "колледжа и техникума", "колледжей и техникумов"),
        (OrganisationKind.AdditionalEducation, "организация доп. образования", "организации доп. образования", "организаций доп. образования"),
    ];

    public int Count(OrganisationKind kind) => Summary.OrganisationsByKind.GetValueOrDefault(kind);
}
