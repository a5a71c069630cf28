using System.Diagnostics;
using System.Globalization;
using Kabinet.Web.Common.Hosting;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Institutions;
using Kabinet.Web.Features.Kindergarten.Queue;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Kindergarten.Allocation;

/// <summary>
/// `Kabinet.Web bench allocation`: on the configured database (load it with `seed --scale region`), previews and
/// then confirms the allocation of every municipality for its earliest admission year in the queue, the way an
/// operator would, and prints the time of each and the totals. Confirming changes the data: use a bench database.
/// </summary>
public sealed class AllocationBenchmark : IBenchmarkCommand
{
    public string Name => "allocation";

    public async Task RunAsync(IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        List<NamedItem> municipalities;
        int queued;
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseStartup>().PrepareAsync(ct);
            municipalities = await scope.ServiceProvider.GetRequiredService<InstitutionDirectory>().MunicipalitiesAsync(ct);
            queued = await scope.ServiceProvider.GetRequiredService<KabinetDbContext>().QueueApplications
                .CountAsync(a => a.Status == ApplicationStatus.Waiting || a.Status == ApplicationStatus.WantsChange, ct);
        }

        output.WriteLine(Invariant($"Allocation bench: {municipalities.Count} municipalities, {queued} applications in the queue, {Environment.ProcessorCount} CPUs"));
        output.WriteLine($"{"municipality",-40} {"year",5} {"children",9} {"referrals",9} {"preview ms",11} {"confirm ms",11}");
        var (previewTotal, confirmTotal, children, referrals) = (0L, 0L, 0, 0);
        foreach (var municipality in municipalities)
        {
            await using var scope = services.CreateAsyncScope();
            var allocation = scope.ServiceProvider.GetRequiredService<AllocationService>();
            if ((await allocation.YearsInQueueAsync(municipality.Id, ct)).FirstOrDefault() is not (> 0 and var year))
                continue;
            var watch = Stopwatch.StartNew();
            var preview = await allocation.PreviewAsync(municipality.Id, year, ct);
            var previewMs = watch.ElapsedMilliseconds;
            watch.Restart();
            var result = await allocation.ConfirmAsync(municipality.Id, year, preview.Result.Hash, null, ct);
            var confirmMs = watch.ElapsedMilliseconds;
            var count = preview.Result.Placements.Count + preview.Result.Unplaced.Count;
            output.WriteLine(Invariant($"{Short(municipality.Name),-40} {year,5} {count,9} {result.Referrals,9} {previewMs,11} {confirmMs,11}"));
            (previewTotal, confirmTotal, children, referrals) = (previewTotal + previewMs, confirmTotal + confirmMs, children + count, referrals + result.Referrals);
        }

        output.WriteLine(Invariant($"{"whole region",-40} {"",5} {children,9} {referrals,9} {previewTotal,11} {confirmTotal,11}"));
    }

    private static string Short(string name) => name.Length <= 40 ? name : name[..39] + "…";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
