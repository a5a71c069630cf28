using System.Security.Claims;
using Kabinet.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Kabinet.Web.Features.Accounts.Sessions;

/// <summary>Starts, checks and ends sessions. Every sign-in goes through here, so every session is listed and can be ended.</summary>
public sealed class AccountSessions(KabinetDbContext db, SignInManager<Account> signIn, IMemoryCache cache, TimeProvider time)
{
    /// <summary>
    /// How often a session's seen-time is written: each write is a committed transaction, for a signed-in person about
    /// every fifth request at a minute. Against the 30-minute idle limit, five minutes is precise enough: an idle
    /// session ends between 25 and 30 minutes after its last request.
    /// </summary>
    private static readonly TimeSpan TouchEvery = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a node trusts the session row it read: every signed-in request checked it in the database, the
    /// costliest query of a light page. A session ended on this node is forgotten at once; on another node it
    /// stops working within this time (a changed password takes up to a minute — the security-stamp interval).
    /// </summary>
    public static readonly TimeSpan RecheckAfter = TimeSpan.FromSeconds(5);

    public async Task SignInAsync(HttpContext http, Account account, bool remember, string method)
    {
        var session = AccountSession.Start(account.Id, time.GetUtcNow().UtcDateTime, http.Connection.RemoteIpAddress?.ToString(),
            http.Request.Headers.UserAgent.ToString(), method, remember);
        db.AccountSessions.Add(session);
        await db.SaveChangesAsync();
        await IssueCookieAsync(http, account, session);
    }

    /// <summary>After the account changed (a new password), the same session gets a fresh cookie.</summary>
    public async Task RefreshAsync(HttpContext http, Account account)
    {
        var id = http.User.FindFirstValue(KabinetClaims.Session);
        var session = id is null ? null : await db.AccountSessions.FirstOrDefaultAsync(s => s.Id == id && s.AccountId == account.Id);
        if (session is null)
        {
            await SignInAsync(http, account, remember: false, method: "pwd");
            return;
        }

        await IssueCookieAsync(http, account, session);
    }

    public async Task SignOutAsync(HttpContext http)
    {
        if (http.User.FindFirstValue(KabinetClaims.Session) is { } id
            && int.TryParse(http.User.FindFirstValue(ClaimTypes.NameIdentifier), out var accountId))
            await EndAsync(accountId, id, reason: "sign-out");
        await signIn.SignOutAsync();
    }

    /// <summary>Ends one session of the account; false when there is no such active session.</summary>
    public async Task<bool> EndAsync(int accountId, string sessionId, string reason)
    {
        var now = time.GetUtcNow().UtcDateTime;
        Forget(cache, sessionId);
        return await db.AccountSessions
            .Where(s => s.Id == sessionId && s.AccountId == accountId && s.EndedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, now).SetProperty(s => s.EndReason, reason)) > 0;
    }

    /// <summary>
    /// Ends every session of the account except one (or all when <paramref name="keep"/> is null). Returns how
    /// many of them were still active; sessions that had already expired are closed too but not counted.
    /// </summary>
    public async Task<int> EndOthersAsync(int accountId, string? keep, string reason)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var others = db.AccountSessions.Where(s => s.AccountId == accountId && s.EndedAt == null && s.Id != keep);
        var open = await others.AsNoTracking().ToListAsync();
        foreach (var session in open)
            Forget(cache, session.Id);
        var active = open.Count(s => s.IsActive(now));
        await others.ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, now).SetProperty(s => s.EndReason, reason));
        return active;
    }

    public async Task<List<AccountSession>> ActiveAsync(int accountId)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var open = await db.AccountSessions.AsNoTracking()
            .Where(s => s.AccountId == accountId && s.EndedAt == null)
            .OrderByDescending(s => s.LastSeenAt)
            .ToListAsync();
        return [.. open.Where(s => s.IsActive(now))];
    }

    /// <summary>
    /// Runs on every request with a sign-in cookie (after the security-stamp check): the cookie is honoured only
    /// while its session is active. Seen-times are written at most every <see cref="TouchEvery"/>.
    /// </summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        await SecurityStampValidator.ValidatePrincipalAsync(context);
        if (context.Principal?.Identity?.IsAuthenticated != true)
            return;

        var services = context.HttpContext.RequestServices;
        var db = services.GetRequiredService<KabinetDbContext>();
        var cache = services.GetRequiredService<IMemoryCache>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var id = context.Principal.FindFirstValue(KabinetClaims.Session);
        var session = id is null ? null : await cache.GetOrCreateAsync(CacheKey(id), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = RecheckAfter;
            return SessionQuery(db, id);
        });
        if (session is null || !session.IsActive(now) || session.AccountId.ToString(System.Globalization.CultureInfo.InvariantCulture) != context.Principal.FindFirstValue(ClaimTypes.NameIdentifier))
        {
            if (id is not null)
                Forget(cache, id);
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        if (now - session.LastSeenAt > TouchEvery)
        {
            await db.AccountSessions.Where(s => s.Id == id).ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, now));
            Forget(cache, id!);
        }
    }

    /// <summary>Read on most signed-in requests (whenever this node's copy is older than <see cref="RecheckAfter"/>): compiled once.</summary>
    private static readonly Func<KabinetDbContext, string, Task<AccountSession?>> SessionQuery = EF.CompileAsyncQuery(
        (KabinetDbContext db, string id) => db.AccountSessions.AsNoTracking().FirstOrDefault(s => s.Id == id));

    private static (string, string) CacheKey(string sessionId) => ("account-session", sessionId);

    private static void Forget(IMemoryCache cache, string sessionId) => cache.Remove(CacheKey(sessionId));

    /// <summary>Keeps the session id and the sign-in method when the security-stamp check rebuilds the principal.</summary>
    public static Task KeepSessionClaims(SecurityStampRefreshingPrincipalContext context)
    {
        var identity = (ClaimsIdentity)context.NewPrincipal!.Identity!;
        foreach (var type in new[] { KabinetClaims.Session, ClaimTypes.AuthenticationMethod })
        {
            if (context.CurrentPrincipal?.FindFirst(type) is { } claim && !identity.HasClaim(c => c.Type == type))
                identity.AddClaim(new Claim(type, claim.Value));
        }

        return Task.CompletedTask;
    }

    private async Task IssueCookieAsync(HttpContext http, Account account, AccountSession session)
    {
        var principal = await signIn.CreateUserPrincipalAsync(account);
        var identity = (ClaimsIdentity)principal.Identity!;
        identity.AddClaim(new Claim(KabinetClaims.Session, session.Id));
        identity.AddClaim(new Claim(ClaimTypes.AuthenticationMethod, session.Method));
        var properties = new AuthenticationProperties
        {
            IsPersistent = session.Remembered,
            ExpiresUtc = session.Remembered ? session.CreatedAt + AccountSession.RememberedLifetime : null,
        };
        await http.SignInAsync(IdentityConstants.ApplicationScheme, principal, properties);
    }
}
