using Kabinet.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Accounts.Sessions;

/// <summary>
/// At most 10 failed sign-ins per login in 15 minutes, and a ceiling per IP address. Failures are counted per
/// login as typed, whether or not it exists, so the refusal tells nothing about which logins exist; refused
/// attempts are not counted, so the wait never grows by itself. Passwords are never checked while refused.
/// </summary>
public sealed class SignInThrottle(KabinetDbContext db, IConfiguration configuration)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    public const int FailuresPerLogin = 10;

    private int FailuresPerAddress => configuration.GetValue("Security:FailedSignInsPerIpPer15Minutes", 100);

    public sealed record Refusal(bool ForAddress, TimeSpan Wait)
    {
        public int Minutes => Math.Max(1, (int)Math.Ceiling(Wait.TotalMinutes));
    }

    public async Task<Refusal?> CheckAsync(string loginKey, string? ipAddress, DateTime now)
    {
        var since = now - Window;
        var byLogin = await RecentFailures(db.SignInEvents.Where(e => e.LoginKey == loginKey), since, FailuresPerLogin);
        if (byLogin.Count >= FailuresPerLogin)
            return new Refusal(false, byLogin[^1] + Window - now);

        if (ipAddress is not null)
        {
            var byAddress = await RecentFailures(db.SignInEvents.Where(e => e.IpAddress == ipAddress), since, FailuresPerAddress);
            if (byAddress.Count >= FailuresPerAddress)
                return new Refusal(true, byAddress[^1] + Window - now);
        }

        return null;
    }

    public void Record(SignInEvent attempt) => db.SignInEvents.Add(attempt);

    // The times of the most recent failures, newest first; the last one decides when the window frees up.
    private static Task<List<DateTime>> RecentFailures(IQueryable<SignInEvent> events, DateTime since, int limit) =>
        events.Where(e => e.At > since && !e.Succeeded && e.Failure != "throttled")
            .OrderByDescending(e => e.At)
            .Select(e => e.At)
            .Take(limit)
            .ToListAsync();
}
