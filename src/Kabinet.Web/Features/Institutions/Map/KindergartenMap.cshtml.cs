using System.Globalization;
using Kabinet.Web.Common.Security;
using Kabinet.Web.Features.Institutions.Profile;
using Kabinet.Web.Features.Institutions.Search;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Kabinet.Web.Features.Institutions.Map;

/// <summary>A kindergarten's card beside the map: its contacts and groups, those matching the filter marked.</summary>
public sealed record KindergartenCard(OrganisationDetails Details, KindergartenMapFilter Filter)
{
    public IEnumerable<KindergartenGroupInfo> MatchingGroups => Details.KindergartenGroups.Where(g => Filter.Matches(g.Focus, g.Mode));
}

/// <summary>
/// The map of kindergartens: the list is rendered on the server and works alone; the script puts the same
/// items on a Leaflet map and loads a card without reloading the page.
/// </summary>
[AllowAnonymous]
public sealed class KindergartenMapModel(FindKindergartens find, SearchOrganisations search, OrganisationProfile profile, IOptions<MapOptions> options)
    : PageModel
{
    public const string Path = "/kindergartens/map";

    [BindProperty(SupportsGet = true, Name = "municipality")]
    public int? MunicipalityId { get; set; }

    [BindProperty(SupportsGet = true, Name = "focus")]
    public string? FocusText { get; set; }

    [BindProperty(SupportsGet = true, Name = "mode")]
    public string? ModeText { get; set; }

    [BindProperty(SupportsGet = true, Name = "free")]
    public bool OnlyWithFreePlaces { get; set; }

    [BindProperty(SupportsGet = true, Name = "kindergarten")]
    public int? KindergartenId { get; set; }

    public KindergartenMapFilter Filter { get; private set; } = new(null, null, null, false);

    public IReadOnlyList<MunicipalityItem> Municipalities { get; private set; } = [];

    public IReadOnlyList<KindergartenOnMap> Kindergartens { get; private set; } = [];

    public KindergartenCard? Card { get; private set; }

    public MapOptions Map => options.Value;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Municipalities = await search.MunicipalitiesAsync(ct);
        Filter = ReadFilter(explain: true);
        Kindergartens = await find.HandleAsync(Filter, ct);
        if (KindergartenId is { } id)
        {
            Card = await CardAsync(id, ct);
            if (Card is null)
                ModelState.AddModelError("kindergarten", "Такого детского сада нет — выберите сад в списке.");
        }

        if (Map.TileSource is { } tiles)
            HttpContext.AllowImagesFrom(tiles);
    }

    /// <summary>The card alone, for the script to show without reloading the page.</summary>
    public async Task<IActionResult> OnGetCardAsync(CancellationToken ct)
    {
        Municipalities = await search.MunicipalitiesAsync(ct);
        Filter = ReadFilter(explain: false);
        if (KindergartenId is not { } id || await CardAsync(id, ct) is not { } card)
            return NotFound();
        return Partial("_KindergartenCard", card);
    }

    /// <summary>The first error recorded for a query parameter, in Russian, or null.</summary>
    public string? ErrorFor(string key) => ModelState[key]?.Errors.FirstOrDefault()?.ErrorMessage;

    /// <summary>This page's address (relative: the query alone) with the current filters and, if given, a kindergarten whose card to show.</summary>
    public string UrlWith(int? kindergartenId) => QueryString.Create(new Dictionary<string, string?>
    {
        ["municipality"] = Filter.MunicipalityId?.ToString(CultureInfo.InvariantCulture),
        ["focus"] = Filter.Focus?.ToString(),
        ["mode"] = Filter.Mode?.ToString(),
        ["free"] = Filter.OnlyWithFreePlaces ? "true" : null,
        ["kindergarten"] = kindergartenId?.ToString(CultureInfo.InvariantCulture),
    }.Where(p => p.Value is not null)).ToUriComponent();

    /// <summary>Bad values in the address are dropped (with a note next to the field on the page) rather than failing it.</summary>
    private KindergartenMapFilter ReadFilter(bool explain)
    {
        // "municipality=abc" fails binding (with a Russian message); it is dropped like an unknown number.
        if (MunicipalityId is { } id && Municipalities.All(m => m.Id != id))
        {
            if (explain)
                ModelState.AddModelError("municipality", "Такого муниципалитета нет — показаны все муниципалитеты.");
            MunicipalityId = null;
        }

        GroupFocus? focus = null;
        if (!string.IsNullOrEmpty(FocusText))
        {
            if (TryParseName<GroupFocus>(FocusText, out var f))
                focus = f;
            else if (explain)
                ModelState.AddModelError("focus", "Такой направленности групп нет — показаны группы любой направленности.");
        }

        DailyMode? mode = null;
        if (!string.IsNullOrEmpty(ModeText))
        {
            if (TryParseName<DailyMode>(ModeText, out var m))
                mode = m;
            else if (explain)
                ModelState.AddModelError("mode", "Такого режима пребывания нет — показаны группы с любым режимом.");
        }

        return new KindergartenMapFilter(MunicipalityId, focus, mode, OnlyWithFreePlaces);
    }

    private async Task<KindergartenCard?> CardAsync(int id, CancellationToken ct) =>
        await profile.HandleAsync(id, ct) is { Kind: OrganisationKind.Kindergarten } details ? new KindergartenCard(details, Filter) : null;

    /// <summary>Exactly one value name («Full») in any letter case; no numbers, no lists.</summary>
    private static bool TryParseName<TEnum>(string text, out TEnum value) where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(candidate.ToString(), text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
