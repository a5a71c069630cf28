using Kabinet.Web.Common.Security;
using System.ComponentModel.DataAnnotations;
using Kabinet.Web.Common.Email;
using Kabinet.Web.Common.Hosting;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts.Sessions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Accounts.Recovery;

/// <summary>
/// The page the recovery link opens. The token leaves the address bar at once (kept in the form), is checked,
/// and used exactly once: the new password replaces the old one, every session of the account ends, the
/// owner gets a letter, and the person signs in anew.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(KabinetRateLimits.Recovery)]
public sealed class ResetModel(
    KabinetDbContext db, UserManager<Account> users, AccountSessions sessions, SignInThrottle throttle, Outbox outbox, PublicUrls urls, TimeProvider time,
    ILogger<ResetModel> log) : PageModel
{
    private const string TokenKey = "RecoveryToken";

    [BindProperty]
    public string? Token { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Придумайте новый пароль.")]
    [StringLength(256, ErrorMessage = "Пароль не длиннее 256 символов.")]
    public string NewPassword { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Повторите новый пароль.")]
    [StringLength(256, ErrorMessage = "Пароль не длиннее 256 символов.")]
    public string ConfirmPassword { get; set; } = "";

    public bool LinkIsValid { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? token)
    {
        Response.Headers["Referrer-Policy"] = "no-referrer";
        if (!string.IsNullOrEmpty(token))
        {
            TempData[TokenKey] = token;
            return RedirectToPage(); // the same page without the token in the address
        }

        Token = TempData.Peek(TokenKey) as string; // kept for a reload of the page
        LinkIsValid = Token is not null && await FindUsableAsync(Token) is not null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Response.Headers["Referrer-Policy"] = "no-referrer";
        var record = Token is null ? null : await FindUsableAsync(Token);
        LinkIsValid = record is not null;
        if (record is null)
            return Page();
        if (ModelState.IsValid && NewPassword != ConfirmPassword)
            ModelState.AddModelError(nameof(ConfirmPassword), "Пароли не совпадают.");
        if (!ModelState.IsValid)
            return Page();

        var account = await users.FindByIdAsync(record.AccountId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (account is null)
        {
            LinkIsValid = false;
            return Page();
        }

        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // Claim the token first: of two simultaneous submissions only one gets past this line.
        var claimed = await db.PasswordResetTokens
            .Where(t => t.Id == record.Id && t.UsedAt == null && t.ExpiresAt >= now)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.UsedAt, now), ct);
        if (claimed == 0)
        {
            LinkIsValid = false;
            return Page();
        }

        var result = await users.ResetPasswordAsync(account, await users.GeneratePasswordResetTokenAsync(account), NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(nameof(NewPassword), error.Description);
            return Page(); // rolled back: the link still works for another try
        }

        // The link came by e-mail, so using it proves the address and ends any generated password.
        account.MustChangePassword = false;
        account.TemporaryPasswordExpiresAt = null;
        account.EmailConfirmed = true;
        await db.PasswordResetTokens.Where(t => t.AccountId == account.Id && t.UsedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.UsedAt, now), ct);
        await sessions.EndOthersAsync(account.Id, keep: null, "password-reset");
        outbox.Enqueue(new EmailMessage("password-changed", account.Email!, null, "Kabinet: пароль изменён",
            $"""
            Здравствуйте!

            Пароль учётной записи {account.UserName} в Kabinet изменён по ссылке восстановления. Все сеансы входа завершены.

            Если это сделали не вы, сразу восстановите доступ ещё раз: {urls.To("/account/recover")}
            и напишите в поддержку: {urls.To("/support/new")}

            Kabinet — образование Кузбасса
            """));
        await users.UpdateAsync(account);
        await transaction.CommitAsync(ct);
        await throttle.RecordResetAsync(HttpContext, account); // the owner is back: failed attempts no longer hold the login
        log.LogInformation("Account {AccountId} set a new password with a recovery link", account.Id);
        TempData.Remove(TokenKey);
        TempData["Status"] = "Пароль изменён. Войдите с новым паролем.";
        return Redirect("/account/login");
    }

    private async Task<PasswordResetToken?> FindUsableAsync(string token)
    {
        var hash = PasswordResetToken.Hash(token);
        var record = await db.PasswordResetTokens.AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash);
        return record is not null && record.IsUsable(time.GetUtcNow().UtcDateTime) ? record : null;
    }
}
