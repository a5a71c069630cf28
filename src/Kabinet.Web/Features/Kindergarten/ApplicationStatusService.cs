using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.Families;
using Kabinet.Web.Features.Kindergarten.Queue;
using Kabinet.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Kindergarten;

/// <summary>Moves applications between statuses and tells every legal representative of the child who has an account.</summary>
public sealed class ApplicationStatusService(KabinetDbContext db, FamilyDirectory families, AccountDirectory accounts, NotificationCentre notifications, TimeProvider time)
{
    /// <summary>Changes the status in the caller's unit of work (the caller saves); false when that transition does not exist.</summary>
    public async Task<bool> MoveAsync(QueueApplication application, ApplicationStatus to, int? byAccountId, string? comment, CancellationToken ct) =>
        await MoveManyAsync([(application, to, comment)], byAccountId, ct) == 1;

    /// <summary>
    /// Changes many statuses at once (an allocation run) and notifies the families with a few queries for all of
    /// them. Returns how many moved; the ones whose transition does not exist are left as they were.
    /// </summary>
    public async Task<int> MoveManyAsync(IReadOnlyList<(QueueApplication Application, ApplicationStatus To, string? Comment)> moves, int? byAccountId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var notices = new List<(QueueApplication, string, string)>();
        var lostPlace = new List<int>();
        foreach (var (application, to, comment) in moves)
        {
            var from = application.Status;
            if (!application.TryMove(to, byAccountId, comment, now))
                continue;
            notices.Add((application, $"Заявление № {application.Id}: {to.Title().ToLowerInvariant()}", StatusText(application, from, to, comment)));
            if (HoldsPlace(from) && !HoldsPlace(to))
                lostPlace.Add(application.Id);
        }

        await NotifyManyAsync(notices, null, ct);
        await EndExchangesAsync(lostPlace, byAccountId, now, ct);
        return notices.Count;
    }

    private static bool HoldsPlace(ApplicationStatus status) => status is ApplicationStatus.Referred or ApplicationStatus.Enrolled;

    /// <summary>
    /// A place that no longer holds (declined, expired, archived) takes its exchange announcement off the board and
    /// ends the exchanges pending with it; the other families are told. In the caller's unit of work.
    /// </summary>
    private async Task EndExchangesAsync(List<int> applicationIds, int? byAccountId, DateTime now, CancellationToken ct)
    {
        if (applicationIds.Count == 0)
            return;
        var announcements = await db.ExchangeAnnouncements.Where(a => applicationIds.Contains(a.ApplicationId) && a.Status == Exchange.AnnouncementStatus.Active).ToListAsync(ct);
        if (announcements.Count == 0)
            return;
        var ids = announcements.Select(a => a.Id).ToList();
        foreach (var announcement in announcements)
            announcement.TryEnd(Exchange.AnnouncementStatus.Lapsed, now);
        var pending = await Exchange.ExchangeBoard.PendingWithAsync(db, ids, ct);
        var others = new List<(int ApplicationId, int Exchange)>();
        foreach (var exchange in pending)
        {
            exchange.TryEnd(Exchange.ExchangeStatus.Cancelled, byAccountId, null, "Место одного из детей больше не закреплено за ним.", now);
            others.AddRange(exchange.Participants.Where(p => !applicationIds.Contains(p.ApplicationId)).Select(p => (p.ApplicationId, exchange.Id)));
        }

        if (others.Count == 0)
            return;
        var otherIds = others.Select(o => o.ApplicationId).Distinct().ToList();
        var applications = await db.QueueApplications.Where(a => otherIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        await NotifyManyAsync([.. others.Select(o => (applications[o.ApplicationId], $"Обмен местами № {o.Exchange} не состоится",
            "Место другой семьи больше не закреплено за её ребёнком, поэтому обмен отменён. Ваше объявление остаётся опубликованным."))], "/kindergarten/exchange", ct);
    }

    public Task NotifyAsync(QueueApplication application, string title, string text, CancellationToken ct) => NotifyManyAsync([(application, title, text)], null, ct);

    /// <summary>Tells the families of these applications; the notification leads to <paramref name="link"/>, or to each application when null.</summary>
    public async Task NotifyManyAsync(IReadOnlyList<(QueueApplication Application, string Title, string Text)> notices, string? link, CancellationToken ct)
    {
        if (notices.Count == 0)
            return;
        var guardians = (await families.GuardiansOfAsync(notices.Select(n => n.Application.ChildPersonId), ct)).ToLookup(g => g.ChildId, g => g.GuardianId);
        var people = notices.SelectMany(n => guardians[n.Application.ChildPersonId].Append(n.Application.ApplicantPersonId));
        var accountOf = await accounts.AccountsOfPeopleAsync(people, ct);
        var requests = new List<NotificationRequest>();
        foreach (var (application, title, text) in notices)
        {
            foreach (var person in guardians[application.ChildPersonId].Append(application.ApplicantPersonId).Distinct())
            {
                if (accountOf.TryGetValue(person, out var accountId))
                    requests.Add(new NotificationRequest(accountId, NotificationKinds.KindergartenApplication, title, text, link ?? $"/kindergarten/{application.Id}"));
            }
        }

        await notifications.NotifyManyAsync(requests, ct);
    }

    private static string StatusText(QueueApplication application, ApplicationStatus from, ApplicationStatus to, string? comment)
    {
        var what = to switch
        {
            ApplicationStatus.UnderReview => "Заявление принято к рассмотрению.",
            ApplicationStatus.DocumentsCheck => "Нужно подтвердить документы: принесите оригиналы в управление образования или в детский сад.",
            ApplicationStatus.Waiting when from == ApplicationStatus.NoShow => "Ребёнок снова в очереди.",
            ApplicationStatus.Waiting => "Ребёнок поставлен в очередь. Место в очереди видно в заявлении.",
            ApplicationStatus.Refused => "В постановке на учёт отказано.",
            ApplicationStatus.Enrolled => "Ребёнок зачислен в детский сад.",
            ApplicationStatus.Archived => "Заявление перенесено в архив.",
            _ => $"Новый статус: «{to.Title()}».",
        };
        return comment is null ? $"{what} Заявление № {application.Id}." : $"{what} Комментарий: «{comment}». Заявление № {application.Id}.";
    }
}
