using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kabinet.Web.Features.Accounts.SignIn;

[AllowAnonymous]
public sealed class SignInModel(SignInManager<Account> signIn, UserManager<Account> users, TimeProvider time, ILogger<SignInModel> log) : PageModel
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

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
            return Page();

        var login = Login.Trim();
        var account = await users.FindByNameAsync(login);
        if (account is null)
        {
            // The same password-hash work as for a real account, so the timing does not tell which logins exist.
            users.PasswordHasher.VerifyHashedPassword(new Account(), UnknownAccountHash.Value, Password);
            log.LogInformation("Failed sign-in for unknown login {Login}", login);
            ModelState.AddModelError(string.Empty, "Неверный логин или пароль.");
        }
        else
        {
            var result = await signIn.CheckPasswordSignInAsync(account, Password, lockoutOnFailure: true);
            if (result.Succeeded && account.TemporaryPasswordExpired(time.GetUtcNow().UtcDateTime))
            {
                ModelState.AddModelError(string.Empty, "Временный пароль больше не действует. Восстановите доступ — мы пришлём ссылку, чтобы задать новый пароль.");
            }
            else if (result.Succeeded)
            {
                await signIn.SignInAsync(account, Remember, authenticationMethod: "pwd");
                log.LogInformation("Signed in {Login} with password", login);
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
            }
            else if (result.IsLockedOut)
            {
                log.LogWarning("Sign-in refused for {Login}: locked out", login);
                ModelState.AddModelError(string.Empty, "Слишком много неудачных попыток входа. Вход временно заблокирован — повторите через 15 минут.");
            }
            else
            {
                log.LogInformation("Failed sign-in for {Login}", login);
                ModelState.AddModelError(string.Empty, "Неверный логин или пароль.");
            }
        }

        Password = "";
        return Page();
    }
}
