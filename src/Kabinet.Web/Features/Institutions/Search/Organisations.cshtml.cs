using Kabinet.Web.Common.Paging;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kabinet.Web.Features.Institutions.Search;

[AllowAnonymous]
public sealed class OrganisationsModel(SearchOrganisations search) : PageModel
{
    private const int PageSize = 30;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Text { get; set; }

    [BindProperty(SupportsGet = true, Name = "municipality")]
    public int? MunicipalityId { get; set; }

    [BindProperty(SupportsGet = true, Name = "kind")]
    public string? KindText { get; set; }

    // Not "page": Razor Pages reserves that route value for the page's own name.
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public OrganisationKind? Kind { get; private set; }

    public IReadOnlyList<MunicipalityItem> Municipalities { get; private set; } = [];

    public Page<OrganisationListItem> Results { get; private set; } = new([], 1, PageSize, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Municipalities = await search.MunicipalitiesAsync(ct);

        // Bad values in the address are dropped with a note rather than failing the page.
        if (!string.IsNullOrEmpty(KindText))
        {
            if (OrganisationKindNames.TryParse(KindText, out var kind))
                Kind = kind;
            else
                ModelState.AddModelError("kind", "Такого типа организации нет — показаны все типы.");
        }

        // "municipality=abc" fails binding (with a Russian message); it is dropped like an unknown number.
        if (MunicipalityId is { } id && Municipalities.All(m => m.Id != id))
        {
            ModelState.AddModelError("municipality", "Такого муниципалитета нет — показаны все муниципалитеты.");
            MunicipalityId = null;
        }

        if (Text is { Length: > 200 })
        {
            ModelState.AddModelError("q", "Слишком длинная строка поиска — сократите её до 200 символов.");
            Text = Text[..200];
        }

        PageNumber = Math.Max(1, PageNumber);
        Results = await search.HandleAsync(new OrganisationFilter(Text, MunicipalityId, Kind), PageNumber, PageSize, ct);
        if (Results.Items.Count == 0 && PageNumber > 1 && Results.TotalCount > 0)
        {
            // An address past the last page (an old link, a typed number) shows the last page.
            PageNumber = Results.PageCount;
            Results = await search.HandleAsync(new OrganisationFilter(Text, MunicipalityId, Kind), PageNumber, PageSize, ct);
        }
    }

    /// <summary>The first error recorded for a query parameter, in Russian, or null.</summary>
    public string? ErrorFor(string key) => ModelState[key]?.Errors.FirstOrDefault()?.ErrorMessage;

    /// <summary>Results under a heading per municipality when the list spans several of them.</summary>
    public IEnumerable<(string? Heading, IEnumerable<OrganisationListItem> Items)> Groups =>
        MunicipalityId is not null
            ? [(null, Results.Items)]
            : Results.Items.ChunkBy(o => o.MunicipalityId).Select(g => ((string?)g[0].MunicipalityName, (IEnumerable<OrganisationListItem>)g));

    public string PageUrl(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = string.IsNullOrWhiteSpace(Text) ? null : Text,
        ["municipality"] = MunicipalityId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["kind"] = Kind?.ToString(),
        ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => p.Value is not null)).ToUriComponent();
}
