using System.Globalization;
using System.Text;
using Kabinet.Web.Common.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kabinet.Web.Features.Kindergarten.Statistics;

/// <summary>
/// The statistics page's figures as open data: one row per municipality and age group (of one municipality when
/// asked), UTF-8 with a BOM and «;» between fields so that a Russian Excel opens it as it is.
/// </summary>
[AllowAnonymous]
public sealed class StatisticsCsvModel(QueueStatistics statistics, TimeProvider time) : PageModel
{
    public const string Path = "/kindergarten/statistics.csv";

    public static readonly string[] Header =
    [
        "Муниципалитет", "Возраст на 1 сентября, полных лет (7 — 7 лет и старше)", "Первый в очереди на учёте с", "Актуальный спрос", "Отложенный спрос",
        "На следующие годы", "Свободные места", "Направлено с 1 сентября", "Зачислено с 1 сентября",
    ];

    [BindProperty(SupportsGet = true, Name = "municipality")]
    public string? MunicipalityText { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var region = await statistics.RegionAsync(ct);
        var (chosen, error) = StatisticsModel.Choose(region, MunicipalityText);
        if (error is not null)
        {
            return new ContentResult
            {
                StatusCode = StatusCodes.Status400BadRequest,
                Content = $"Такого муниципалитета нет. Укажите номер муниципалитета из списка на странице {StatisticsModel.Path} или не указывайте его, чтобы получить данные по всему региону.",
                ContentType = "text/plain; charset=utf-8",
            };
        }

        var csv = new StringBuilder();
        csv.AppendJoin(';', Header).Append("\r\n");
        foreach (var municipality in chosen is null ? region.Municipalities : [chosen])
        {
            foreach (var a in municipality.ByAge)
            {
                csv.AppendJoin(';',
                    Field(municipality.Name), Number(a.AgeGroup), a.EarliestRegisteredAt is null ? "" : StatisticsModel.Earliest(a.EarliestRegisteredAt),
                    Number(a.CurrentDemand), Number(a.DeferredDemand), Number(a.LaterDemand), Number(a.FreePlaces), Number(a.Referred), Number(a.Enrolled))
                    .Append("\r\n");
            }
        }

        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
        var name = $"kindergarten-queue-statistics{(chosen is null ? "" : "-" + Number(chosen.MunicipalityId))}-{time.Today():yyyy-MM-dd}.csv";
        return File(bytes, "text/csv; charset=utf-8", name);
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>A text field, quoted when it holds the separator, a quote or a line break (RFC 4180).</summary>
    private static string Field(string text) =>
        text.AsSpan().IndexOfAny(";\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
