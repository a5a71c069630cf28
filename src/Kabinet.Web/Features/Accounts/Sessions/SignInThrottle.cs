using Kabinet.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Accounts.Sessions;

/// <summary>
/// At most 10 failed password checks per login in 15 minutes, and a ceiling per IP address. Failures are
/// counted per login as typed, whether or not it exists, so the refusal tells nothing about which logins
/// exist. Every attempt is recorded as pending before the password is checked, so parallel attempts count
/// each other. A successful sign-in or a password reset starts the count afresh, so recovery always gets the
/// owner back in; refused attempts are not counted, so the wait never grows by itself.
/// </summary>
public sealed class SignInThrottle(KabinetDbContext db, UserManager<Account> users, IConfiguration configuration, TimeProvider time)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    public const int FailuresPerLogin = 10;

    private const string Pending = "pending";
    private const string Throttled = "throttled";

    private int FailuresPerAddress => configuration.GetValue("Security:FailedSignInsPerIpPer15Minutes", 300);

    public sealed record Refusal(bool ForAddress, TimeSpan Wait)
    {
        public int Minutes => Math.Max(1, (int)Math.Ceiling(Wait.TotalMinutes));
    }

    /// <summary>Records the attempt (pending) and says whether it may go on to the password check.</summary>
    public async Task<(SignInEvent Attempt, Refusal? Refusal)> BeginAsync(HttpContext http, string loginKey, int? accountId, string method)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var userAgent = http.Request.Headers.UserAgent.ToString();
        var attempt = new SignInEvent
        {
            LoginKey = loginKey,
            AccountId = accountId,
            At = now,
            IpAddress = http.Connection.RemoteIpAddress?.ToString(),
            UserAgent = userAgent.Length > 400 ? userAgent[..400] : userAgent,
            Method = method,
            Failure = Pending,
        };
        db.SignInEvents.Add(attempt);
        await db.SaveChangesAsync();

        var refusal = await CheckAsync(attempt, now);
        if (refusal is not null)
            await FinishAsync(attempt, Throttled);
        return (attempt, refusal);
    }

    /// <summary>Records how the attempt ended: null for success, otherwise the reason.</summary>
    public async Task FinishAsync(SignInEvent attempt, string? failure)
    {
        attempt.Succeeded = failure is null;
        attempt.Failure = failure;
        await db.SaveChangesAsync();
    }

    /// <summary>Checks a signed-in person's current password (before changing the password, the e-mail or the login) under the same limits.</summary>
    public async Task<(bool Ok, Refusal? Refusal)> CheckCurrentPasswordAsync(HttpContext http, Account account, string? password)
    {
        var (attempt, refusal) = await BeginAsync(http, account.NormalizedUserName!, account.Id, "pwd-check");
        if (refusal is not null)
            return (false, refusal);
        var ok = !string.IsNullOrEmpty(password) && await users.CheckPasswordAsync(account, password);
        await FinishAsync(attempt, ok ? null : "wrong-password");
        return (ok, null);
    }

    /// <summary>A password reset proves the owner: the count of failures for the login starts again.</summary>
    public async Task RecordResetAsync(HttpContext http, Account account)
    {
        var (attempt, _) = await BeginAsync(http, account.NormalizedUserName!, account.Id, "reset");
        await FinishAsync(attempt, null);
    }

    private async Task<Refusal?> CheckAsync(SignInEvent attempt, DateTime now)
    {
        var lastSuccess = await db.SignInEvents.Where(e => e.LoginKey == attempt.LoginKey && e.Succeeded).MaxAsync(e => (DateTime?)e.At);
        var since = lastSuccess is { } success && success > now - Window ? success : now - Window;
        var byLogin = await RecentFailures(db.SignInEvents.Where(e => e.LoginKey == attempt.LoginKey), attempt.Id, since, FailuresPerLogin);
        if (byLogin.Count >= FailuresPerLogin)
            return new Refusal(false, byLogin[^1] + Window - now);

        if (attempt.IpAddress is { } address)
        {
            var byAddress = await RecentFailures(db.SignInEvents.Where(e => e.IpAddress == address), attempt.Id, now - Window, FailuresPerAddress);
            if (byAddress.Count >= FailuresPerAddress)
                return new Refusal(true, byAddress[^1] + Window - now);
        }

        return null;
    }

    // The times of the most recent failures (and attempts still being checked), newest first; the last one decides when the window frees up.
    private static Task<List<DateTime>> RecentFailures(IQueryable<SignInEvent> events, long except, DateTime since, int limit) =>
        events.Where(e => e.Id != except && e.At > since && !e.Succeeded && e.Failure != Throttled)
            .OrderByDescending(e => e.At)
            .Select(e => e.At)
            .Take(limit)
            .ToListAsync();
}
