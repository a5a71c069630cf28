using Kabinet.Web.Common.Email;
using Kabinet.Web.Common.Hosting;
using Kabinet.Web.Common.Text;
using Kabinet.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Accounts.Recovery;

/// <summary>
/// «Забыли пароль?»: by login or e-mail. Whatever is typed, the same database work is done and the same
/// screen is shown; a letter with a single-use link goes out only for an existing account with an e-mail, at
/// most three an hour per account so nobody can flood a mailbox.
/// </summary>
public sealed class RequestRecovery(KabinetDbContext db, UserManager<Account> users, Outbox outbox, PublicUrls urls, TimeProvider time, ILogger<RequestRecovery> log)
{
    public const int LettersPerAccountPerHour = 3;

    public async Task HandleAsync(string loginOrEmail, string? ipAddress, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var typed = loginOrEmail.Trim();
        var email = ContactFormats.Email(typed);
        var key = email is null ? users.NormalizeName(typed) : users.NormalizeEmail(email);
        var accounts = await db.Users
            .Where(a => email == null ? a.NormalizedUserName == key : a.NormalizedEmail == key)
            // Only a confirmed address may receive a link that opens the account.
            .Where(a => a.Email != null && a.EmailConfirmed)
            .Take(3)
            .ToListAsync(ct);

        var hourAgo = now.AddHours(-1);
        foreach (var account in accounts)
        {
            var recent = await db.RecoveryRequests.CountAsync(r => r.AccountId == account.Id && r.LetterSent && r.At > hourAgo, ct);
            var send = recent < LettersPerAccountPerHour;
            if (send)
            {
                var (token, record) = PasswordResetToken.Issue(account.Id, now);
                db.PasswordResetTokens.Add(record);
                outbox.Enqueue(Letter(account, token));
            }

            db.RecoveryRequests.Add(new RecoveryRequest { LoginKey = key, AccountId = account.Id, At = now, IpAddress = ipAddress, LetterSent = send });
            log.LogInformation("Recovery requested for account {AccountId}; letter {Sent}", account.Id, send ? "sent" : "withheld (limit)");
        }

        if (accounts.Count == 0)
        {
            db.RecoveryRequests.Add(new RecoveryRequest { LoginKey = key, At = now, IpAddress = ipAddress });
            log.LogInformation("Recovery requested for an unknown login or e-mail");
        }

        await db.SaveChangesAsync(ct);
    }

    private EmailMessage Letter(Account account, string token) => new(
        "password-reset",
        account.Email!,
        null,
        "Kabinet: восстановление доступа",
        $"""
        Здравствуйте!

        Кто-то — возможно, вы — попросил восстановить доступ к учётной записи {account.UserName} в Kabinet.

        Чтобы задать новый пароль, откройте ссылку в течение {PasswordResetToken.Lifetime.TotalMinutes:0} минут:
        {urls.To("/account/reset?token=" + token)}

        Ссылка сработает один раз. Если вы не просили восстановить доступ, ничего не делайте: пароль останется прежним.

        Kabinet — образование Кузбасса
        """);
}
