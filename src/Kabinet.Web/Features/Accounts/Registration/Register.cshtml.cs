using Kabinet.Web.Features.Families;
using Kabinet.Web.Common.Security;
using System.ComponentModel.DataAnnotations;
using Kabinet.Web.Common.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Kabinet.Web.Features.Accounts.Registration;

/// <summary>
/// Registration as on the regional cabinet: name, mobile phone, e-mail and a separate consent. The answer is
/// the same whether or not the phone or e-mail already has an account; the letter tells the truth.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(KabinetRateLimits.LetterForms)]
public sealed class RegisterModel(RegisterAccount register) : PageModel
{
    private const string NamePattern = Names.Pattern;

    [BindProperty]
    [Required(ErrorMessage = "Введите фамилию.")]
    [StringLength(100, ErrorMessage = "Фамилия не длиннее 100 символов.")]
    [RegularExpression(NamePattern, ErrorMessage = "Фамилия может содержать только буквы, пробел, дефис и апостроф.")]
    [Display(Name = "Фамилия")]
    public string LastName { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Введите имя.")]
    [StringLength(100, ErrorMessage = "Имя не длиннее 100 символов.")]
    [RegularExpression(NamePattern, ErrorMessage = "Имя может содержать только буквы, пробел, дефис и апостроф.")]
    [Display(Name = "Имя")]
    public string FirstName { get; set; } = "";

    [BindProperty]
    [StringLength(100, ErrorMessage = "Отчество не длиннее 100 символов.")]
    [RegularExpression(NamePattern, ErrorMessage = "Отчество может содержать только буквы, пробел, дефис и апостроф.")]
    [Display(Name = "Отчество (если есть)")]
    public string? MiddleName { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Введите номер мобильного телефона.")]
    [StringLength(40, ErrorMessage = "Номер телефона слишком длинный.")]
    [Display(Name = "Мобильный телефон")]
    public string Phone { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Введите адрес электронной почты.")]
    [StringLength(254, ErrorMessage = "Адрес электронной почты не длиннее 254 символов.")]
    [Display(Name = "Электронная почта")]
    public string Email { get; set; } = "";

    [BindProperty]
    [Display(Name = "Я даю согласие на обработку моих персональных данных")]
    public bool Consent { get; set; }

    [TempData]
    public string? SentTo { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var phone = ContactFormats.RussianMobile(Phone);
        var email = ContactFormats.Email(Email);
        if (!ModelState.ContainsKey(nameof(Phone)) || ModelState[nameof(Phone)]!.Errors.Count == 0)
        {
            if (phone is null && !string.IsNullOrWhiteSpace(Phone))
                ModelState.AddModelError(nameof(Phone), "Укажите российский мобильный номер: +7 9XX XXX-XX-XX.");
        }

        if (email is null && !string.IsNullOrWhiteSpace(Email) && (ModelState[nameof(Email)]?.Errors.Count ?? 0) == 0)
            ModelState.AddModelError(nameof(Email), "Укажите адрес электронной почты, например ivanova@mail.ru.");
        if (!Consent)
            ModelState.AddModelError(nameof(Consent), "Без согласия на обработку персональных данных зарегистрироваться нельзя.");
        if (!ModelState.IsValid)
            return Page();

        await register.HandleAsync(
            new RegistrationRequest(LastName.Trim(), FirstName.Trim(), string.IsNullOrWhiteSpace(MiddleName) ? null : MiddleName.Trim(), phone!, email!),
            HttpContext.Connection.RemoteIpAddress?.ToString(), ct);
        SentTo = email;
        return RedirectToPage("/Accounts/Registration/Registered");
    }
}
