using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kabinet.Web.Features.Kindergarten.Statistics;

/// <summary>
/// «Очередь в детские сады: статистика» — public, no sign-in: the region's figures by municipality and age group,
/// or one municipality's figures by age group and by kindergarten. Bad filter values are dropped with a note.
/// </summary>
[AllowAnonymous]
public sealed class StatisticsModel(QueueStatistics statistics) : PageModel
{
    public const string Path = "/kindergarten/statistics";

    /// <summary>Read as text: «municipality=abc» or an unknown number is explained on the page, never an error.</summary>
    [BindProperty(SupportsGet = true, Name = "municipality")]
    public string? MunicipalityText { get; set; }

    public RegionFigures Region { get; private set; } = null!;

    /// <summary>The chosen municipality, or null for the whole region.</summary>
    public MunicipalityFigures? Municipality { get; private set; }

    public IReadOnlyList<KindergartenFigures> Kindergartens { get; private set; } = [];

    public string? MunicipalityError { get; private set; }

    public StatisticsPeriod Period => Region.Period;

    /// <summary>The age groups shown: the chosen municipality's or the region's.</summary>
    public IReadOnlyList<AgeGroupFigures> ByAge => Municipality?.ByAge ?? Region.ByAge;

    public string CsvUrl => StatisticsCsvModel.Path + (Municipality is null ? "" : $"?municipality={Municipality.MunicipalityId.ToString(CultureInfo.InvariantCulture)}");

    public async Task OnGetAsync(CancellationToken ct)
    {
        Region = await statistics.RegionAsync(ct);
        (Municipality, MunicipalityError) = Choose(Region, MunicipalityText);
        if (Municipality is not null)
            Kindergartens = await statistics.KindergartensAsync(Municipality.MunicipalityId, ct);
    }

    /// <summary>The municipality named by the query value, or null with the reason why it was ignored.</summary>
    internal static (MunicipalityFigures? Municipality, string? Error) Choose(RegionFigures region, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return (null, null);
        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && region.Municipalities.FirstOrDefault(m => m.MunicipalityId == id) is { } found)
            return (found, null);
        return (null, "Такого муниципалитета нет — показаны данные по всему региону.");
    }

    /// <summary>«0 лет (до 1 года)», «1 год», «3 года», «7 лет и старше».</summary>
    public static string AgeTitle(int age) => age switch
    {
        0 => "до 1 года",
        QueueStatistics.OldestAgeGroup => "7 лет и старше",
        _ => $"{age} {Mine.CardModel.Plural(age, "год", "года", "лет")}",
    };

    public static string Date(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    /// <summary>The registration date of the earliest child waiting, in the region's time, or a dash.</summary>
    public static string Earliest(DateTime? utc) =>
        utc is { } at ? Common.Time.RegionTime.ToLocal(at).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture) : "—";

    public static string Number(int n) => n.ToString("N0", CultureInfo.GetCultureInfo("ru-RU"));

    public const string DemandColour = "#1f5fa8";

    public const string FreeColour = "#2e7d32";

    /// <summary>Bars of the chart, two per age group (актуальный спрос, free places), scaled to the largest value.</summary>
    public IEnumerable<ChartBar> Bars(double width, double height)
    {
        var ages = ByAge;
        var max = Math.Max(1, ages.Max(a => Math.Max(a.CurrentDemand, a.FreePlaces)));
        var slot = width / ages.Count;
        var bar = slot * 0.35;
        foreach (var a in ages)
        {
            var x = (a.AgeGroup * slot) + (slot * 0.12);
            yield return new ChartBar(x, height - (a.CurrentDemand * height / max), bar, a.CurrentDemand * height / max, DemandColour, a.CurrentDemand);
            yield return new ChartBar(x + bar, height - (a.FreePlaces * height / max), bar, a.FreePlaces * height / max, FreeColour, a.FreePlaces);
        }
    }

    /// <summary>An SVG &lt;text&gt; label (Razor reserves the text tag, so it is written here), centred on x.</summary>
    public static IHtmlContent SvgText(double x, double y, int fontSize, string content) => new HtmlString(
        $"<text x=\"{Svg(x)}\" y=\"{Svg(y)}\" text-anchor=\"middle\" font-size=\"{fontSize.ToString(CultureInfo.InvariantCulture)}\">{HtmlEncoder.Default.Encode(content)}</text>");

    public static string Svg(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}

/// <summary>One bar of the SVG chart in its coordinates.</summary>
public sealed record ChartBar(double X, double Y, double Width, double Height, string Fill, int Value);
