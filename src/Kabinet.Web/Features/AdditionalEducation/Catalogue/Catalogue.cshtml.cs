using System.Globalization;
using Kabinet.Web.Common.Paging;
using Kabinet.Web.Common.Text;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Institutions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.AdditionalEducation.Catalogue;

/// <summary>The public catalogue of programmes open for enrolment: filters by municipality, direction, the child's age, funding, organisation and text; paged.</summary>
[AllowAnonymous]
public sealed class CatalogueModel(KabinetDbContext db, InstitutionDirectory institutions) : PageModel
{
    public const int PageSize = 20;

    public sealed record Row(Programme Programme, string Organisation);

    [BindProperty(SupportsGet = true, Name = "municipality")]
    public int? MunicipalityId { get; set; }

    [BindProperty(SupportsGet = true, Name = "direction")]
    public Direction? Direction { get; set; }

    [BindProperty(SupportsGet = true, Name = "age")]
    public int? Age { get; set; }

    [BindProperty(SupportsGet = true, Name = "funding")]
    public Funding? Funding { get; set; }

    [BindProperty(SupportsGet = true, Name = "organisation")]
    public int? OrganisationId { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Text { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<NamedItem> Municipalities { get; private set; } = [];

    public IReadOnlyList<NamedItem> Organisations { get; private set; } = [];

    public Page<Row> Results { get; private set; } = new([], 1, PageSize, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Municipalities = await institutions.MunicipalitiesAsync(ct);
        if (Age is < 0 or > 30)
            ModelState.AddModelError("age", "Укажите возраст ребёнка числом лет, например 9.");
        var query = db.Programmes.AsNoTracking().Where(p => p.IsActive);
        if (MunicipalityId is { } municipality)
        {
            query = query.Where(p => p.MunicipalityId == municipality);
            var ids = await db.Programmes.AsNoTracking().Where(p => p.MunicipalityId == municipality && p.IsActive).Select(p => p.OrganisationId).Distinct().ToListAsync(ct);
            var (names, _) = await institutions.NamesAsync(ids, [], ct);
            Organisations = [.. names.Select(n => new NamedItem(n.Key, n.Value)).OrderBy(n => n.Name, StringComparer.Create(CultureInfo.GetCultureInfo("ru-RU"), false))];
        }

        if (Direction is { } direction)
            query = query.Where(p => p.Direction == direction);
        if (Age is { } age && ModelState.IsValid)
            query = query.Where(p => p.AgeFrom <= age && age <= p.AgeTo);
        if (Funding is { } funding)
            query = query.Where(p => p.Funding == funding);
        if (OrganisationId is { } organisation)
            query = query.Where(p => p.OrganisationId == organisation);
        foreach (var term in SearchTextFolding.Terms(Text))
            query = query.Where(p => p.SearchText.Contains(term));

        var total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var programmes = await query.OrderBy(p => p.Name).ThenBy(p => p.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var (organisations, _) = await institutions.NamesAsync(programmes.Select(p => p.OrganisationId), [], ct);
        Results = new Page<Row>([.. programmes.Select(p => new Row(p, organisations.GetValueOrDefault(p.OrganisationId, "")))], PageNumber, PageSize, total);
    }

    public string PageUrl(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["municipality"] = MunicipalityId?.ToString(CultureInfo.InvariantCulture),
        ["direction"] = Direction?.ToString(),
        ["age"] = Age?.ToString(CultureInfo.InvariantCulture),
        ["funding"] = Funding?.ToString(),
        ["organisation"] = OrganisationId?.ToString(CultureInfo.InvariantCulture),
        ["q"] = string.IsNullOrWhiteSpace(Text) ? null : Text,
        ["p"] = page.ToString(CultureInfo.InvariantCulture),
    }.Where(p => p.Value is not null)).ToUriComponent();
}
