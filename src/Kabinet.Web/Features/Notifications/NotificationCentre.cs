using Kabinet.Web.Common.Email;
using Kabinet.Web.Common.Hosting;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Notifications;

/// <summary>
/// What modules call to tell a person something. Honours the person's preferences for the kind: a notification
/// in the centre and/or a letter. Both join the caller's unit of work, so they exist exactly when the change does.
/// </summary>
public sealed class NotificationCentre(KabinetDbContext db, AccountDirectory accounts, Outbox outbox, PublicUrls urls, TimeProvider time)
{
    public async Task NotifyAsync(int accountId, string kind, string title, string text, string? link, CancellationToken ct)
    {
        var info = NotificationKinds.Of(kind);
        var preference = await db.NotificationPreferences.AsNoTracking().FirstOrDefaultAsync(p => p.AccountId == accountId && p.Kind == kind, ct);
        var inApp = preference?.InApp ?? true;
        var byEmail = preference?.Email ?? info.EmailByDefault;

        if (inApp)
        {
            db.Notifications.Add(new Notification
            {
                AccountId = accountId, Kind = kind, Title = title, Text = text, Link = link, CreatedAt = time.GetUtcNow().UtcDateTime,
            });
        }

        if (byEmail && await accounts.ConfirmedEmailOfAsync(accountId, ct) is { } email)
        {
            outbox.Enqueue(new EmailMessage("notification:" + kind, email, null, "Kabinet: " + title,
                $"""
                Здравствуйте!

                {text}
                {(link is null ? "" : "\nПодробнее: " + urls.To(link) + "\n")}
                Настроить уведомления: {urls.To("/notifications/settings")}

                Kabinet — образование Кузбасса
                """));
        }
    }

    public Task<int> UnreadCountAsync(int accountId, CancellationToken ct) =>
        db.Notifications.CountAsync(n => n.AccountId == accountId && n.ReadAt == null, ct);
}
