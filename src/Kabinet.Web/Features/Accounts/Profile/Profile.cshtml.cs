using System.Text.RegularExpressions;
using Kabinet.Web.Common.Email;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts.Sessions;
using Kabinet.Web.Features.Families;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kabinet.Web.Features.Accounts.Profile;

/// <summary>
/// «Профиль»: personal data (ФИО, дата рождения, пол, адреса, СНИЛС, документ), the e-mail address and the
/// phone number (changed only after a code sent to the new address or number, with the current password),
/// and the login.
/// </summary>
public sealed partial class ProfileModel(
    KabinetDbContext db, UserManager<Account> users, FamilyDirectory families, AccountSessions sessions, SignInThrottle throttle, Outbox outbox,
    TimeProvider time) : PageModel
{
    [BindProperty] public string LastName { get; set; } = "";
    [BindProperty] public string FirstName { get; set; } = "";
    [BindProperty] public string? MiddleName { get; set; }
    [BindProperty] public DateOnly? BirthDate { get; set; }
    [BindProperty] public Sex? Sex { get; set; }
    [BindProperty] public string? RegistrationAddress { get; set; }
    [BindProperty] public string? ResidenceAddress { get; set; }
    [BindProperty] public string? Snils { get; set; }
    [BindProperty] public string? PassportSeries { get; set; }
    [BindProperty] public string? PassportNumber { get; set; }
    [BindProperty] public DateOnly? PassportIssuedOn { get; set; }
    [BindProperty] public string? PassportIssuedBy { get; set; }

    [BindProperty] public string? NewLogin { get; set; }
    [BindProperty] public string? LoginPassword { get; set; }

    public Account Account { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAccountAsync(ct);
        return await LoadPersonalAsync(ct) ? Page() : NotFound();
    }

    /// <summary>Fills the personal-data form from the database (also when another form on the page came back with an error).</summary>
    private async Task<bool> LoadPersonalAsync(CancellationToken ct)
    {
        if (await families.ProfileAsync(Account.PersonId, ct) is not { } p)
            return false;
        (LastName, FirstName, MiddleName, BirthDate, Sex) = (p.LastName, p.FirstName, p.MiddleName, p.BirthDate, p.Sex);
        (RegistrationAddress, ResidenceAddress) = (p.RegistrationAddress, p.ResidenceAddress);
        Snils = p.Snils is null ? null : Documents.DisplaySnils(p.Snils);
        if (p.DocumentKind == DocumentKind.Passport)
            (PassportSeries, PassportNumber, PassportIssuedOn, PassportIssuedBy) = (p.DocumentSeries, p.DocumentNumber, p.DocumentIssuedOn, p.DocumentIssuedBy);
        return true;
    }

    private async Task<IActionResult> PageWithPersonalDataAsync(CancellationToken ct)
    {
        await LoadPersonalAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPersonalAsync(CancellationToken ct)
    {
        await LoadAccountAsync(ct);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        Name(nameof(LastName), LastName, required: true, "фамилию");
        Name(nameof(FirstName), FirstName, required: true, "имя");
        Name(nameof(MiddleName), MiddleName, required: false, "отчество");
        if (BirthDate is { } born && (born > today || born.Year < 1900))
            ModelState.AddModelError(nameof(BirthDate), "Проверьте дату рождения.");
        foreach (var (key, value, max) in new[] { (nameof(RegistrationAddress), RegistrationAddress, 500), (nameof(ResidenceAddress), ResidenceAddress, 500), (nameof(PassportIssuedBy), PassportIssuedBy, 300) })
        {
            if (value is { } text && text.Length > max)
                ModelState.AddModelError(key, $"Не длиннее {max} символов.");
        }

        string? snils = null;
        if (!string.IsNullOrWhiteSpace(Snils))
        {
            snils = Documents.NormalizeSnils(Snils, out var snilsError);
            if (snilsError is not null)
                ModelState.AddModelError(nameof(Snils), snilsError);
        }

        (string Series, string Number)? passport = null;
        if (!string.IsNullOrWhiteSpace(PassportSeries) || !string.IsNullOrWhiteSpace(PassportNumber))
        {
            passport = Documents.Normalize(DocumentKind.Passport, PassportSeries, PassportNumber, out var seriesError, out var numberError);
            if (seriesError is not null)
                ModelState.AddModelError(nameof(PassportSeries), seriesError);
            if (numberError is not null)
                ModelState.AddModelError(nameof(PassportNumber), numberError);
        }

        if (PassportIssuedOn is { } issued && issued > today)
            ModelState.AddModelError(nameof(PassportIssuedOn), "Дата выдачи не может быть в будущем.");
        if (!ModelState.IsValid)
            return Page();

        var current = (await families.ProfileAsync(Account.PersonId, ct))!;
        var keepOtherDocument = passport is null && current.DocumentKind is not (null or DocumentKind.Passport);
        await families.SaveProfileAsync(Account.PersonId, Account.Id, new PersonProfile(
            Names.Capitalize(LastName), Names.Capitalize(FirstName), string.IsNullOrWhiteSpace(MiddleName) ? null : Names.Capitalize(MiddleName),
            BirthDate, Sex, Trim(RegistrationAddress), Trim(ResidenceAddress), snils,
            keepOtherDocument ? current.DocumentKind : passport is null ? null : DocumentKind.Passport,
            keepOtherDocument ? current.DocumentSeries : passport?.Series,
            keepOtherDocument ? current.DocumentNumber : passport?.Number,
            keepOtherDocument ? current.DocumentIssuedOn : passport is null ? null : PassportIssuedOn,
            keepOtherDocument ? current.DocumentIssuedBy : passport is null ? null : Trim(PassportIssuedBy)), time.GetUtcNow().UtcDateTime, ct);
        await sessions.RefreshAsync(HttpContext, Account); // the name in the top panel
        TempData["Status"] = "Личные данные сохранены.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostLoginAsync(CancellationToken ct)
    {
        await LoadAccountAsync(ct);
        var login = NewLogin?.Trim() ?? "";
        if (!LoginPattern().IsMatch(login))
            ModelState.AddModelError(nameof(NewLogin), "Логин — от 3 до 64 латинских букв, цифр, точек, дефисов и подчёркиваний.");
        if (ModelState.IsValid && await PasswordProblemAsync(LoginPassword) is { } passwordProblem)
            ModelState.AddModelError(nameof(LoginPassword), passwordProblem);
        if (!ModelState.IsValid)
            return await PageWithPersonalDataAsync(ct);

        var result = await users.SetUserNameAsync(Account, login);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(nameof(NewLogin), error.Description);
            return await PageWithPersonalDataAsync(ct);
        }

        await sessions.RefreshAsync(HttpContext, Account);
        TempData["Status"] = $"Логин изменён на {login}.";
        return RedirectToPage();
    }

    private async Task LoadAccountAsync(CancellationToken ct)
    {
        Account = await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed-in account not found.");
        PendingEmail = await PendingAsync(ContactKind.Email, ct);
        PendingPhone = await PendingAsync(ContactKind.Phone, ct);
    }

    // The current password guards changes of the e-mail, the phone and the login; checks are limited like sign-in.
    private async Task<string?> PasswordProblemAsync(string? password)
    {
        var (ok, refusal) = await throttle.CheckCurrentPasswordAsync(HttpContext, Account, password);
        return ok ? null : refusal is null ? "Пароль неверный." : $"Слишком много неверных попыток. Повторите через {refusal.Minutes} мин.";
    }

    private void Name(string key, string? value, bool required, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
                ModelState.AddModelError(key, $"Введите {what}.");
        }
        else if (value.Length > 100 || !Names.IsValid(value.Trim()))
        {
            ModelState.AddModelError(key, "Только буквы, пробел, дефис и апостроф, не длиннее 100 символов.");
        }
    }

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex("^[A-Za-z0-9._-]{3,64}$")]
    private static partial Regex LoginPattern();
}
