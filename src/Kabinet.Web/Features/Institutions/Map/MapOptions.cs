using System.Text.RegularExpressions;
using Kabinet.Web.Common.Hosting;

namespace Kabinet.Web.Features.Institutions.Map;

/// <summary>
/// Map:TileUrl and Map:Attribution — where the map's background comes from. OpenStreetMap by default;
/// a region's own tile server in production. An empty Map:TileUrl shows the markers without a background.
/// </summary>
public sealed partial class MapOptions
{
    public const string Section = "Map";

    public const string DefaultTileUrl = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

    public const string DefaultAttribution = "© <a href=\"https://www.openstreetmap.org/copyright\">участники OpenStreetMap</a>";

    /// <summary>A Leaflet tile template: {z}, {x}, {y}, optionally {s} (a subdomain) and {r} (@2x on dense screens).</summary>
    public string TileUrl { get; set; } = DefaultTileUrl;

    /// <summary>HTML under the map crediting the tiles' source, as their licence requires.</summary>
    public string Attribution { get; set; } = DefaultAttribution;

    /// <summary>The CSP source the tiles come from, e.g. https://tile.openstreetmap.org; null without tiles.</summary>
    public string? TileSource { get; private set; }

    /// <summary>Checks the tile template and works out its CSP source; a bad one stops start-up with one line.</summary>
    internal void Check()
    {
        TileUrl = TileUrl.Trim();
        if (TileUrl.Length == 0)
        {
            TileSource = null;
            return;
        }

        var match = TileTemplate().Match(TileUrl);
        if (!match.Success || !TileUrl.Contains("{z}", StringComparison.Ordinal) || !TileUrl.Contains("{x}", StringComparison.Ordinal)
            || !TileUrl.Contains("{y}", StringComparison.Ordinal))
        {
            throw new ConfigurationProblemException(
                $"«{TileUrl}» в {Section}:TileUrl — не шаблон адреса плиток карты: нужен адрес http(s) с {{z}}, {{x}} и {{y}}, " +
                $"например {DefaultTileUrl}; {{s}} допускается только в начале имени сервера. Пустое значение — карта без подложки.");
        }

        // {s} stands for a, b or c: the CSP allows every subdomain at that place.
        TileSource = $"{match.Groups["scheme"].Value.ToLowerInvariant()}://{match.Groups["host"].Value.Replace("{s}", "*", StringComparison.Ordinal).ToLowerInvariant()}";
    }

    [GeneratedRegex(@"^(?<scheme>https?)://(?<host>(\{s\}\.)?[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:[0-9]{1,5})?)/[^\s""'<>\\;,]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TileTemplate();
}
