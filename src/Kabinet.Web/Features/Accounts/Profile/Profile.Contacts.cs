using Kabinet.Web.Common.Email;
using Kabinet.Web.Common.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Accounts.Profile;

/// <summary>
/// Changing the e-mail address or the phone number: the current password, then a 6-digit code to the new
/// address (by letter) or number (by SMS); the old contact is replaced only when the code is entered.
/// </summary>
public sealed partial class ProfileModel
{
    /// <summary>Codes a person may ask for per kind of contact per hour: each SMS costs money, and codes must not become spam.</summary>
    public const int CodesPerHour = 5;

    [BindProperty] public string? NewEmail { get; set; }
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? CurrentPassword { get; set; }

    [BindProperty] public string? NewPhone { get; set; }
    [BindProperty] public string? PhoneCode { get; set; }
    [BindProperty] public string? PhonePassword { get; set; }

    public ContactChange? PendingEmail { get; private set; }

    public ContactChange? PendingPhone { get; private set; }

    public async Task<IActionResult> OnPostRequestEmailAsync(CancellationToken ct)
    {
        await LoadAccountAsync(ct);
        var email = ContactFormats.Email(NewEmail);
        if (email is null)
            ModelState.AddModelError(nameof(NewEmail), "Укажите адрес электронной почты, например ivanova@mail.ru.");
        else if (string.Equals(email, Account.Email, StringComparison.OrdinalIgnoreCase) && Account.EmailConfirmed)
            ModelState.AddModelError(nameof(NewEmail), "Это ваш текущий адрес, он уже подтверждён.");
        if (!await MayRequestCodeAsync(ContactKind.Email, nameof(NewEmail), CurrentPassword, nameof(CurrentPassword), ct))
            return await PageWithPersonalDataAsync(ct);

        var code = IssueCode(ContactKind.Email, email!);
        outbox.Enqueue(new EmailMessage("email-change-code", email!, null, $"Kabinet: код подтверждения {code}",
            $"""
            Здравствуйте!

            Код для подтверждения нового адреса почты в Kabinet: {code}

            Код действует {ContactChange.Lifetime.TotalMinutes:0} минут. Если вы не меняли адрес, ничего не делайте.

            Kabinet — образование Кузбасса
            """));
        await db.SaveChangesAsync(ct);
        TempData["Status"] = $"Мы отправили код на {email}. Введите его, чтобы сменить адрес.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRequestPhoneAsync(CancellationToken ct)
    {
        await LoadAccountAsync(ct);
        var phone = ContactFormats.RussianMobile(NewPhone);
        if (phone is null)
            ModelState.AddModelError(nameof(NewPhone), "Укажите мобильный номер, например +7 913 123-45-67.");
        else if (phone == Account.PhoneNumber && Account.PhoneNumberConfirmed)
            ModelState.AddModelError(nameof(NewPhone), "Это ваш текущий номер, он уже подтверждён.");
        if (!await MayRequestCodeAsync(ContactKind.Phone, nameof(NewPhone), PhonePassword, nameof(PhonePassword), ct))
            return await PageWithPersonalDataAsync(ct);

        var code = IssueCode(ContactKind.Phone, phone!);
        outbox.Enqueue(new SmsMessage("phone-change-code", phone!, $"Kabinet: код {code} для подтверждения номера. Никому его не сообщайте."));
        await db.SaveChangesAsync(ct);
        TempData["Status"] = $"Мы отправили SMS с кодом на {ContactFormats.DisplayPhone(phone!)}. Введите код, чтобы сменить номер.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostConfirmEmailAsync(CancellationToken ct)
    {
        await LoadAccountAsync(ct);
        if (await CheckCodeAsync(ContactKind.Email, Code, nameof(Code), nameof(NewEmail), ct) is not { } change)
            return await PageWithPersonalDataAsync(ct);

        var oldEmail = Account.Email;
        var same = oldEmail is not null && string.Equals(oldEmail, change.NewValue, StringComparison.OrdinalIgnoreCase);
        var oldWasConfirmed = Account.EmailConfirmed;
        Account.Email = change.NewValue;
        Account.NormalizedEmail = users.NormalizeEmail(change.NewValue);
        Account.EmailConfirmed = true;
        if (oldEmail is not null && !same && oldWasConfirmed)
            outbox.Enqueue(ChangedLetter(oldEmail, "Kabinet: адрес почты изменён", $"Адрес почты учётной записи {Account.UserName} в Kabinet изменён на {change.NewValue}. Письма теперь приходят туда."));

        // Recovery links sent to the old address stop working.
        var now = time.GetUtcNow().UtcDateTime;
        await db.PasswordResetTokens.Where(t => t.AccountId == Account.Id && t.UsedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.UsedAt, now), ct);
        await users.UpdateAsync(Account); // saves the code's use and the letter with it
        TempData["Status"] = same ? "Адрес почты подтверждён." : "Адрес почты изменён.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostConfirmPhoneAsync(CancellationToken ct)
    {
        await LoadAccountAsync(ct);
        if (await CheckCodeAsync(ContactKind.Phone, PhoneCode, nameof(PhoneCode), nameof(NewPhone), ct) is not { } change)
            return await PageWithPersonalDataAsync(ct);

        var same = Account.PhoneNumber == change.NewValue;
        // A number belongs to whoever proved it last: mobile numbers are reassigned, and another account
        // that had confirmed this one keeps it only as an unconfirmed number.
        await db.Users.Where(a => a.Id != Account.Id && a.PhoneNumber == change.NewValue && a.PhoneNumberConfirmed)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.PhoneNumberConfirmed, false), ct);
        Account.PhoneNumber = change.NewValue;
        Account.PhoneNumberConfirmed = true;
        if (!same && Account.EmailConfirmed && Account.Email is { } email)
            outbox.Enqueue(ChangedLetter(email, "Kabinet: номер телефона изменён", $"Номер телефона учётной записи {Account.UserName} в Kabinet изменён на {ContactFormats.DisplayPhone(change.NewValue)}."));
        await users.UpdateAsync(Account);
        TempData["Status"] = same ? "Номер телефона подтверждён." : "Номер телефона изменён.";
        return RedirectToPage();
    }

    // The contact is valid so far; the current password is right, and the hourly allowance of codes is not used up.
    private async Task<bool> MayRequestCodeAsync(ContactKind kind, string contactField, string? password, string passwordField, CancellationToken ct)
    {
        if (!ModelState.IsValid)
            return false;
        if (await PasswordProblemAsync(password) is { } passwordProblem)
        {
            ModelState.AddModelError(passwordField, passwordProblem);
            return false;
        }

        var hourAgo = time.GetUtcNow().UtcDateTime.AddHours(-1);
        if (await db.ContactChanges.CountAsync(c => c.AccountId == Account.Id && c.Kind == kind && c.CreatedAt > hourAgo, ct) >= CodesPerHour)
        {
            ModelState.AddModelError(contactField, $"Не больше {CodesPerHour} кодов в час. Введите уже полученный код или попробуйте позже.");
            return false;
        }

        return true;
    }

    private string IssueCode(ContactKind kind, string contact)
    {
        var (code, record) = ContactChange.Issue(Account.Id, kind, contact, time.GetUtcNow().UtcDateTime);
        db.ContactChanges.Add(record);
        return code;
    }

    /// <summary>The change the code confirms, or null with the reason added next to the right field.</summary>
    private async Task<ContactChange?> CheckCodeAsync(ContactKind kind, string? code, string codeField, string requestField, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var change = await db.ContactChanges.Where(c => c.AccountId == Account.Id && c.Kind == kind && c.ConfirmedAt == null)
            .OrderByDescending(c => c.CreatedAt).FirstOrDefaultAsync(ct);
        if (change is null || !change.IsOpen(now))
        {
            // The code field is gone with the change: the message goes where a new code is asked for.
            ModelState.AddModelError(requestField, "Код устарел или попытки закончились. Запросите новый код.");
            return null;
        }

        if (change.TryConfirm(code ?? "", now))
            return change;
        await db.SaveChangesAsync(ct);
        var open = change.IsOpen(now);
        ModelState.AddModelError(open ? codeField : requestField, open
            ? $"Неверный код. Осталось попыток: {ContactChange.MaxAttempts - change.Attempts}."
            : "Неверный код, попытки закончились. Запросите новый код.");
        if (kind == ContactKind.Email)
            PendingEmail = open ? change : null;
        else
            PendingPhone = open ? change : null;
        return null;
    }

    private async Task<ContactChange?> PendingAsync(ContactKind kind, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var pending = await db.ContactChanges.AsNoTracking().Where(c => c.AccountId == Account.Id && c.Kind == kind && c.ConfirmedAt == null)
            .OrderByDescending(c => c.CreatedAt).FirstOrDefaultAsync(ct);
        return pending is not null && pending.IsOpen(now) ? pending : null;
    }

    private static EmailMessage ChangedLetter(string to, string subject, string what) => new("contact-changed", to, null, subject,
        $"""
        Здравствуйте!

        {what}

        Если это сделали не вы, восстановите доступ по ссылке «Забыли пароль?» и напишите в техническую поддержку.

        Kabinet — образование Кузбасса
        """);
}
