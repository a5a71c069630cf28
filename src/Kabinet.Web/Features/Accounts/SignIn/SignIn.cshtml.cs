using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kabinet.Web.Features.Accounts.SignIn;

[AllowAnonymous]
public sealed class SignInModel(SignInManager<Account> signIn, ILogger<SignInModel> log) : PageModel
{
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

        var result = await signIn.PasswordSignInAsync(Login.Trim(), Password, Remember, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            log.LogInformation("Signed in {Login} with password", Login.Trim());
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        if (result.IsLockedOut)
        {
            log.LogWarning("Sign-in refused for {Login}: locked out", Login.Trim());
            ModelState.AddModelError(string.Empty, "Слишком много неудачных попыток входа. Вход временно заблокирован — повторите через 15 минут.");
        }
        else
        {
            log.LogInformation("Failed sign-in for {Login}", Login.Trim());
            ModelState.AddModelError(string.Empty, "Неверный логин или пароль.");
        }

        Password = "";
        return Page();
    }
}
