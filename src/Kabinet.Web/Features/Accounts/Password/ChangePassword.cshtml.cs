using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Kabinet.Web.Common.Email;
using Kabinet.Web.Common.Hosting;
using Kabinet.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Accounts.Password;

/// <summary>
/// Changing the password: the current one and the new one twice (ASVS 6.2.3). The first sign-in with a
/// generated password lands here and cannot go elsewhere until it is done. Every other session of the
/// account ends; the owner gets a letter.
/// </summary>
public sealed class ChangePasswordModel(
    UserManager<Account> users, Sessions.AccountSessions sessions, Sessions.SignInThrottle throttle, KabinetDbContext db, Outbox outbox, PublicUrls urls,
    TimeProvider time, ILogger<ChangePasswordModel> log) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Введите текущий пароль.")]
    [StringLength(256, ErrorMessage = "Пароль не длиннее 256 символов.")]
    public string CurrentPassword { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Придумайте новый пароль.")]
    [StringLength(256, ErrorMessage = "Пароль не длиннее 256 символов.")]
    public string NewPassword { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Повторите новый пароль.")]
    [StringLength(256, ErrorMessage = "Пароль не длиннее 256 символов.")]
    public string ConfirmPassword { get; set; } = "";

    public bool IsFirstSignIn { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var account = await users.GetUserAsync(User);
        if (account is null)
            return Challenge();
        IsFirstSignIn = account.MustChangePassword;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var account = await users.GetUserAsync(User);
        if (account is null)
            return Challenge();
        IsFirstSignIn = account.MustChangePassword;
        if (ModelState.IsValid && NewPassword != ConfirmPassword)
            ModelState.AddModelError(nameof(ConfirmPassword), "Пароли не совпадают.");
        if (ModelState.IsValid && NewPassword == CurrentPassword)
            ModelState.AddModelError(nameof(NewPassword), "Новый пароль должен отличаться от текущего.");
        if (!ModelState.IsValid)
            return Page();

        // Guessing the current password from an open session is limited like sign-in.
        var (ok, refusal) = await throttle.CheckCurrentPasswordAsync(HttpContext, account, CurrentPassword);
        if (!ok)
        {
            ModelState.AddModelError(nameof(CurrentPassword), refusal is null
                ? "Текущий пароль введён неверно."
                : $"Слишком много неверных попыток. Повторите через {refusal.Minutes} мин.");
            return Page();
        }

        // The new password and the letter about it are saved together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var result = await users.ChangePasswordAsync(account, CurrentPassword, NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? nameof(CurrentPassword) : nameof(NewPassword), error.Description);
            return Page();
        }

        // A generated password that arrived by e-mail proves the address; one printed on a sheet does not.
        account.EmailConfirmed = account.EmailConfirmed || (account.MustChangePassword && account.TemporaryPasswordByEmail);
        account.MustChangePassword = false;
        account.TemporaryPasswordExpiresAt = null;
        if (account.Email is not null)
        {
            outbox.Enqueue(new EmailMessage("password-changed", account.Email, null, "Kabinet: пароль изменён",
                $"""
                Здравствуйте!

                Пароль вашей учётной записи {account.UserName} в Kabinet только что изменён. Все другие сеансы входа завершены.

                Если это сделали не вы, восстановите доступ: {urls.To("/account/recover")}

                Kabinet — образование Кузбасса
                """));
        }

        await users.UpdateAsync(account); // saves the outbox letter with it
        await sessions.EndOthersAsync(account.Id, User.FindFirstValue(KabinetClaims.Session), "password-changed");
        await db.PasswordResetTokens.Where(t => t.AccountId == account.Id && t.UsedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.UsedAt, time.GetUtcNow().UtcDateTime), ct);
        await transaction.CommitAsync(ct);
        await sessions.RefreshAsync(HttpContext, account);
        log.LogInformation("Account {AccountId} changed its password", account.Id);
        TempData["Status"] = "Пароль изменён.";
        return LocalRedirect("/services");
    }
}
