using Kabinet.Web.Common.Email;
using Kabinet.Web.Common.Hosting;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Kabinet.Web.Features.Notifications;

/// <summary>One notification to post: to whom, of what kind, the title, the text and where it leads.</summary>
public sealed record NotificationRequest(int AccountId, string Kind, string Title, string Text, string? Link);

/// <summary>The accounts' choices per kind (in the app, by e-mail) and their confirmed addresses, read ahead of posting.</summary>
public sealed record NotificationRecipients(IReadOnlyDictionary<(int AccountId, string Kind), (bool InApp, bool Email)> Preferences, IReadOnlyDictionary<int, string> Emails);

/// <summary>
/// What modules call to tell a person something. Honours the person's preferences for the kind: a notification
/// in the centre and/or a letter. Both join the caller's unit of work, so they exist exactly when the change does.
/// </summary>
public sealed class NotificationCentre(KabinetDbContext db, AccountDirectory accounts, Outbox outbox, PublicUrls urls, IMemoryCache cache, TimeProvider time)
{
    /// <summary>
    /// The unread counter on every signed-in page is cached briefly: this node forgets it whenever it posts or reads a
    /// notification for the account, so only a notification posted by another node shows up to this long late.
    /// </summary>
    private static readonly TimeSpan UnreadCacheFor = TimeSpan.FromSeconds(15);

    public Task NotifyAsync(int accountId, string kind, string title, string text, string? link, CancellationToken ct) =>
        NotifyManyAsync([new NotificationRequest(accountId, kind, title, text, link)], ct);

    /// <summary>Many notifications at once (an allocation run tells thousands of families): preferences and addresses are read in two queries.</summary>
    public async Task NotifyManyAsync(IReadOnlyCollection<NotificationRequest> requests, CancellationToken ct)
    {
        if (requests.Count == 0)
            return;
        Post(await RecipientsAsync(requests.Select(r => r.AccountId), requests.Select(r => r.Kind), ct), requests);
    }

    /// <summary>
    /// What posting needs to know about the accounts (their preferences for the kinds, their confirmed addresses), read
    /// ahead: a short write transaction then posts with <see cref="Post"/> without reading anything.
    /// </summary>
    public async Task<NotificationRecipients> RecipientsAsync(IEnumerable<int> accountIds, IEnumerable<string> kinds, CancellationToken ct)
    {
        var ids = accountIds.Distinct().ToList();
        var preferences = await PreferencesOf(ids, kinds).ToDictionaryAsync(p => (p.AccountId, p.Kind), p => (p.InApp, p.Email), ct);
        return new NotificationRecipients(preferences, await accounts.ConfirmedEmailsOfAsync(ids, ct));
    }

    /// <summary><see cref="RecipientsAsync"/> for a caller on its own thread that waits for the database (a writer loop).</summary>
    public NotificationRecipients Recipients(IEnumerable<int> accountIds, IEnumerable<string> kinds)
    {
        var ids = accountIds.Distinct().ToList();
        var preferences = PreferencesOf(ids, kinds).ToDictionary(p => (p.AccountId, p.Kind), p => (p.InApp, p.Email));
        return new NotificationRecipients(preferences, accounts.ConfirmedEmailsOf(ids));
    }

    private IQueryable<NotificationPreference> PreferencesOf(List<int> accountIds, IEnumerable<string> kinds)
    {
        var kindList = kinds.Distinct().ToList();
        return db.NotificationPreferences.AsNoTracking().Where(p => accountIds.Contains(p.AccountId) && kindList.Contains(p.Kind));
    }

    /// <summary>Adds the notifications and letters to the unit of work (saved with the caller's changes), as the recipients chose.</summary>
    public void Post(NotificationRecipients recipients, IEnumerable<NotificationRequest> requests)
    {
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var r in requests)
        {
            var info = NotificationKinds.Of(r.Kind);
            var preference = recipients.Preferences.TryGetValue((r.AccountId, r.Kind), out var chosen) ? chosen : ((bool InApp, bool Email)?)null;
            if (preference?.InApp ?? true)
            {
                db.Notifications.Add(new Notification { AccountId = r.AccountId, Kind = r.Kind, Title = r.Title, Text = r.Text, Link = r.Link, CreatedAt = now });
                ForgetUnread(r.AccountId);
            }
            if ((preference?.Email ?? info.EmailByDefault) && recipients.Emails.TryGetValue(r.AccountId, out var email))
            {
                outbox.Enqueue(new EmailMessage("notification:" + r.Kind, email, null, "Kabinet: " + r.Title,
                    $"""
                    Здравствуйте!

                    {r.Text}
                    {(r.Link is null ? "" : "\nПодробнее: " + urls.To(r.Link) + "\n")}
                    Настроить уведомления: {urls.To("/notifications/settings")}

                    Kabinet — образование Кузбасса
                    """));
            }
        }
    }

    /// <summary>The accounts that asked for letters of a kind (a digest), in id order after <paramref name="afterAccountId"/>.</summary>
    public Task<List<int>> EmailSubscribersAsync(string kind, int afterAccountId, int take, CancellationToken ct) =>
        db.NotificationPreferences.AsNoTracking()
            .Where(p => p.Kind == kind && p.Email && p.AccountId > afterAccountId)
            .OrderBy(p => p.AccountId).Select(p => p.AccountId).Take(take).ToListAsync(ct);

    public async Task<int> UnreadCountAsync(int accountId, CancellationToken ct) =>
        await cache.GetOrCreateAsync(UnreadKey(accountId), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = UnreadCacheFor;
            return db.Notifications.CountAsync(n => n.AccountId == accountId && n.ReadAt == null, ct);
        });

    /// <summary>Drops the cached unread counter after the account's notifications were read or posted.</summary>
    public void ForgetUnread(int accountId) => cache.Remove(UnreadKey(accountId));

    private static (string, int) UnreadKey(int accountId) => ("unread-notifications", accountId);
}
