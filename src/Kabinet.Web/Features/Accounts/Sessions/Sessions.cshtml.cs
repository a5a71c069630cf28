using System.Security.Claims;
using Kabinet.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Accounts.Sessions;

/// <summary>«Сеансы и история входов»: where the account is signed in now, ending any of those sessions, and the last sign-ins.</summary>
public sealed class SessionsModel(AccountSessions sessions, KabinetDbContext db) : PageModel
{
    public IReadOnlyList<AccountSession> Active { get; private set; } = [];

    public IReadOnlyList<SignInEvent> History { get; private set; } = [];

    public string? CurrentSessionId => User.FindFirstValue(KabinetClaims.Session);

    private int AccountId => int.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!, System.Globalization.CultureInfo.InvariantCulture);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Active = await sessions.ActiveAsync(AccountId);
        History = await db.SignInEvents.AsNoTracking()
            .Where(e => e.AccountId == AccountId)
            .OrderByDescending(e => e.At)
            .Take(30)
            .ToListAsync(ct);
    }

    public async Task<IActionResult> OnPostEndAsync(string sessionId)
    {
        if (sessionId == CurrentSessionId)
        {
            await sessions.SignOutAsync(HttpContext);
            return LocalRedirect("/");
        }

        // Only this account's sessions can be ended: another's id simply matches nothing.
        TempData["Status"] = await sessions.EndAsync(AccountId, sessionId, "ended-by-user")
            ? "Сеанс завершён."
            : "Этот сеанс уже завершён.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostEndOthersAsync()
    {
        var ended = await sessions.EndOthersAsync(AccountId, CurrentSessionId, "ended-by-user");
        TempData["Status"] = ended == 0 ? "Других сеансов нет." : $"Завершено сеансов: {ended}.";
        return RedirectToPage();
    }

    public static string Failure(string? code) => code switch
    {
        null => "вход выполнен",
        "wrong-password" => "неверный пароль",
        "temporary-password-expired" => "временный пароль устарел",
        "throttled" => "отклонено: слишком много попыток",
        _ => "вход не выполнен",
    };
}
