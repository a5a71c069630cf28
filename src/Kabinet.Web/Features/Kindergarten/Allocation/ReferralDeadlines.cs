using Kabinet.Web.Common.Time;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Kindergarten.Queue;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Kindergarten.Allocation;

/// <summary>
/// Watches referral deadlines: three days before the deadline the family gets a reminder (once); a referral
/// left unanswered past its deadline expires, its place goes back to the pool and the application moves as the
/// municipality's settings say («Не явился» by default). Every node runs it; a round takes a lock, so rounds
/// never overlap, and a round that finds nothing due changes nothing.
/// </summary>
public sealed class ReferralDeadlines(IServiceScopeFactory scopes, TimeProvider time, IConfiguration configuration, ILogger<ReferralDeadlines> log) : BackgroundService
{
    public const int RemindDaysBefore = 3;
    private const int BatchSize = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Kindergarten:ReferralDeadlinesInBackground", true))
            return;
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunDueAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogWarning(e, "Referral deadline round failed");
            }

            try
            {
                await Task.Delay(TimeSpan.FromMinutes(5), time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Sends due reminders and expires overdue referrals; returns how many of each.</summary>
    public async Task<(int Reminded, int Expired)> RunDueAsync(CancellationToken ct)
    {
        var total = (Reminded: 0, Expired: 0);
        while (true)
        {
            var round = await RoundAsync(ct);
            total = (total.Reminded + round.Reminded, total.Expired + round.Expired);
            if (round.Reminded + round.Expired < BatchSize)
                return total;
        }
    }

    private async Task<(int Reminded, int Expired)> RoundAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KabinetDbContext>();
        var statuses = scope.ServiceProvider.GetRequiredService<ApplicationStatusService>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SerializeAsync("referral-deadlines", ct);
        var now = time.GetUtcNow().UtcDateTime;

        var expired = await db.Referrals.Where(r => r.Status == ReferralStatus.Issued && r.ValidUntil < now).OrderBy(r => r.Id).Take(BatchSize).ToListAsync(ct);
        var remindBy = now.AddDays(RemindDaysBefore);
        var remind = await db.Referrals
            .Where(r => r.Status == ReferralStatus.Issued && r.ReminderSentAt == null && r.ValidUntil >= now && r.ValidUntil <= remindBy)
            .OrderBy(r => r.Id).Take(BatchSize - expired.Count).ToListAsync(ct);
        var ids = expired.Concat(remind).Select(r => r.ApplicationId).Distinct().ToList();
        var applications = await db.QueueApplications.Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var municipalities = expired.Select(r => r.MunicipalityId).Distinct().ToList();
        var settings = await db.MunicipalQueueSettings.AsNoTracking().Where(s => municipalities.Contains(s.MunicipalityId)).ToDictionaryAsync(s => s.MunicipalityId, ct);

        foreach (var referral in expired)
        {
            referral.TryDecide(ReferralStatus.Expired, now);
            var application = applications[referral.ApplicationId];
            if (application.Status != ApplicationStatus.Referred)
                continue; // archived meanwhile: only the place is released
            var outcome = settings.GetValueOrDefault(referral.MunicipalityId)?.ExpiredReferral ?? ExpiredReferralOutcome.NoShow;
            await statuses.MoveAsync(application, outcome == ExpiredReferralOutcome.NoShow ? ApplicationStatus.NoShow : ApplicationStatus.WantsChange, null,
                $"Срок направления истёк {RegionTime.ToLocal(referral.ValidUntil):dd.MM.yyyy}: ответа не было, место передано следующему в очереди.", ct);
        }

        foreach (var referral in remind)
        {
            referral.ReminderSentAt = now;
            referral.Version++;
            var application = applications[referral.ApplicationId];
            await statuses.NotifyAsync(application, $"Заявление № {application.Id}: ответьте на направление",
                $"Ребёнку выдано направление в детский сад. Ответьте до {RegionTime.ToLocal(referral.ValidUntil):dd.MM.yyyy} включительно — согласие или отказ — "
                + $"в заявлении № {application.Id}. Без ответа направление будет аннулировано.", ct);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (remind.Count, expired.Count);
    }
}
