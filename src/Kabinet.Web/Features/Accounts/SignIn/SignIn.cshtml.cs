using System.ComponentModel.DataAnnotations;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts.Sessions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kabinet.Web.Features.Accounts.SignIn;

[AllowAnonymous]
public sealed class SignInModel(
    SignInManager<Account> signIn, UserManager<Account> users, AccountSessions sessions, SignInThrottle throttle, KabinetDbContext db,
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
        var now = time.GetUtcNow().UtcDateTime;
        var attempt = new SignInEvent
        {
            LoginKey = users.NormalizeName(login),
            At = now,
            IpAddress = HttpContext.Connection.RemoteIpAddress?.ToString(),
            UserAgent = Request.Headers.UserAgent.ToString() is { Length: > 400 } ua ? ua[..400] : Request.Headers.UserAgent.ToString(),
            Method = "pwd",
        };

        if (await throttle.CheckAsync(attempt.LoginKey, attempt.IpAddress, now) is { } refusal)
        {
            attempt.Failure = "throttled";
            log.LogWarning("Sign-in for {Login} throttled ({Scope}) for {Minutes} min", login, refusal.ForAddress ? "address" : "login", refusal.Minutes);
            ModelState.AddModelError(string.Empty, refusal.ForAddress
                ? $"Слишком много неудачных попыток входа с вашего адреса. Повторите через {refusal.Minutes} {Minutes(refusal.Minutes)}."
                : $"Слишком много неудачных попыток входа с этим логином. Повторите через {refusal.Minutes} {Minutes(refusal.Minutes)} или восстановите пароль.");
        }
        else if (await users.FindByNameAsync(login) is not { } account)
        {
            // The same password-hash work as for a real account, so the timing does not tell which logins exist.
            users.PasswordHasher.VerifyHashedPassword(new Account(), UnknownAccountHash.Value, Password);
            attempt.Failure = "unknown-login";
            ModelState.AddModelError(string.Empty, "Неверный логин или пароль.");
        }
        else
        {
            attempt.AccountId = account.Id;
            var result = await signIn.CheckPasswordSignInAsync(account, Password, lockoutOnFailure: false);
            if (result.Succeeded && account.TemporaryPasswordExpired(now))
            {
                attempt.Failure = "temporary-password-expired";
                ModelState.AddModelError(string.Empty, "Временный пароль больше не действует. Восстановите доступ — мы пришлём ссылку, чтобы задать новый пароль.");
            }
            else if (result.Succeeded)
            {
                attempt.Succeeded = true;
                throttle.Record(attempt);
                await sessions.SignInAsync(HttpContext, account, Remember, attempt.Method); // saves the attempt too
                log.LogInformation("Signed in {Login} with password", login);
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/services");
            }
            else
            {
                attempt.Failure = "wrong-password";
                ModelState.AddModelError(string.Empty, "Неверный логин или пароль.");
            }
        }

        log.LogInformation("Failed sign-in for {Login}: {Failure}", login, attempt.Failure);
        throttle.Record(attempt);
        await db.SaveChangesAsync();
        Password = "";
        return Page();
    }
}
