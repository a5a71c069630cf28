using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.Families;
using Kabinet.Web.Features.Kindergarten.Queue;
using Kabinet.Web.Features.Notifications;

namespace Kabinet.Web.Features.Kindergarten;

/// <summary>Moves applications between statuses and tells every legal representative of the child who has an account.</summary>
public sealed class ApplicationStatusService(FamilyDirectory families, AccountDirectory accounts, NotificationCentre notifications, TimeProvider time)
{
    /// <summary>Changes the status in the caller's unit of work (the caller saves); false when that transition does not exist.</summary>
    public async Task<bool> MoveAsync(QueueApplication application, ApplicationStatus to, int? byAccountId, string? comment, CancellationToken ct)
    {
        var from = application.Status;
        if (!application.TryMove(to, byAccountId, comment, time.GetUtcNow().UtcDateTime))
            return false;
        await NotifyAsync(application, $"Заявление № {application.Id}: {to.Title().ToLowerInvariant()}", StatusText(application, from, to, comment), ct);
        return true;
    }

    public async Task NotifyAsync(QueueApplication application, string title, string text, CancellationToken ct)
    {
        var guardians = (await families.GuardiansOfAsync([application.ChildPersonId], ct)).Select(g => g.GuardianId).Append(application.ApplicantPersonId);
        foreach (var accountId in await accounts.AccountIdsOfPeopleAsync(guardians, ct))
            await notifications.NotifyAsync(accountId, NotificationKinds.KindergartenApplication, title, text, $"/kindergarten/{application.Id}", ct);
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
