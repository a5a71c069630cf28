using Kabinet.Web.Common.Time;
using Kabinet.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Kindergarten.Queue;

/// <summary>
/// Takes applications of children who have turned seven off the register (domain-rules §1.1: the ЕПГУ
/// integration cancels them «в связи с достижением возраста ребенка 7 лет»), with a history entry and a
/// notification. A child already referred or enrolled keeps the application until that ends.
/// Runs every hour on each node; archiving twice is impossible (a status change is checked by the version).
/// </summary>
public sealed class AgeLimitArchiver(IServiceScopeFactory scopes, TimeProvider time, ILogger<AgeLimitArchiver> log) : BackgroundService
{
    public const int AgeLimit = 7;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogWarning(e, "Archiving applications of seven-year-olds failed; next hour again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Archives every due application; returns how many.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KabinetDbContext>();
        var statuses = scope.ServiceProvider.GetRequiredService<ApplicationStatusService>();
        var bornBefore = time.Today().AddYears(-AgeLimit);
        var due = await db.QueueApplications
            .Where(a => a.ChildBirthDate <= bornBefore && (a.Status == ApplicationStatus.New || a.Status == ApplicationStatus.UnderReview
                || a.Status == ApplicationStatus.DocumentsCheck || a.Status == ApplicationStatus.Waiting || a.Status == ApplicationStatus.WantsChange || a.Status == ApplicationStatus.NoShow))
            .OrderBy(a => a.Id).Take(500).ToListAsync(ct);
        var archived = 0;
        foreach (var application in due)
        {
            if (!await statuses.MoveAsync(application, ApplicationStatus.Archived, byAccountId: null, "Ребёнку исполнилось 7 лет: заявление снято с учёта", ct))
                continue;
            try
            {
                await db.SaveChangesAsync(ct);
                archived++;
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear(); // changed meanwhile: the next run looks again
            }
        }

        if (archived > 0)
            log.LogInformation("Archived {Count} applications of children who turned {Age}", archived, AgeLimit);
        return archived;
    }
}
