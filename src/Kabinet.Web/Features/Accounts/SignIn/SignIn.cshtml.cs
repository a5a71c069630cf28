using System.ComponentModel.DataAnnotations;
using Kabinet.Web.Features.Accounts.Sessions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kabinet.Web.Features.Accounts.SignIn;

[AllowAnonymous]
public sealed class SignInModel(
    SignInManager<Account> signIn, UserManager<Account> users, AccountSessions sessions, SignInThrottle throttle,
    TimeProvider time, ILogger<SignInModel> log) : PageModel
{
    private static readonly Lazy<string> UnknownAccountHash = new(() => new PasswordHasher<Account>().HashPassword(new Account(), Credentials.TemporaryPassword()));

    [BindProperty]
    [Required(ErrorMessage = "Введите логин.")]
    [StringLength(256, ErrorMessage = "Логин не длиннее 256 символов.")]
    [Display(Name = "Логин")]
    public string Login { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Введите пароль.")]
    [StringLength(256, ErrorMessage = "Пароль не длиннее 256 символов.")]
    [DataType(DataType.Password)]
    [Display(Name = "Пароль")]
    public string Password { get; set; } = "";

    [BindProperty]
    [Display(Name = "Не выходить из кабинета на этом устройстве")]
    public bool Remember { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    private static string Minutes(int n) => Kabinet.Web.Common.Text.RussianPlural.Choose(n, "минуту", "минуты", "минут");

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
            return Page();

        var login = Login.Trim();
        var account = await users.FindByNameAsync(login);
        var (attempt, refusal) = await throttle.BeginAsync(HttpContext, users.NormalizeName(login), account?.Id, "pwd");
        string failure;
        if (refusal is not null)
        {
            failure = "throttled";
            ModelState.AddModelError(string.Empty, refusal.ForAddress
                ? $"Слишком много неудачных попыток входа с вашего адреса. Повторите через {refusal.Minutes} {Minutes(refusal.Minutes)}."
                : $"Слишком много неудачных попыток входа с этим логином. Повторите через {refusal.Minutes} {Minutes(refusal.Minutes)} или восстановите пароль.");
        }
        else if (account is null)
        {
            // The same password-hash work as for a real account, so the timing does not tell which logins exist.
            users.PasswordHasher.VerifyHashedPassword(new Account(), UnknownAccountHash.Value, Password);
            failure = "unknown-login";
            await throttle.FinishAsync(attempt, failure);
            ModelState.AddModelError(string.Empty, "Неверный логин или пароль.");
        }
        else
        {
            var result = await signIn.CheckPasswordSignInAsync(account, Password, lockoutOnFailure: false);
            if (result.Succeeded && account.TemporaryPasswordExpired(time.GetUtcNow().UtcDateTime))
            {
                failure = "temporary-password-expired";
                ModelState.AddModelError(string.Empty, "Временный пароль больше не действует. Восстановите доступ — мы пришлём ссылку, чтобы задать новый пароль.");
            }
            else if (result.Succeeded)
            {
                await throttle.FinishAsync(attempt, null);
                await sessions.SignInAsync(HttpContext, account, Remember, attempt.Method);
                log.LogInformation("Signed in {Login} with password", login);
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/services");
            }
            else
            {
                failure = "wrong-password";
                ModelState.AddModelError(string.Empty, "Неверный логин или пароль.");
            }

            await throttle.FinishAsync(attempt, failure);
        }

        log.LogInformation("Failed sign-in for {Login}: {Failure}", login, failure);
        Password = "";
        return Page();
    }
}
