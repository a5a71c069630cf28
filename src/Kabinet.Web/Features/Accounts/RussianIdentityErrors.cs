using Microsoft.AspNetCore.Identity;

namespace Kabinet.Web.Features.Accounts;

/// <summary>ASP.NET Core Identity's messages, in Russian, as people see them next to the field.</summary>
internal sealed class RussianIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"Пароль должен быть не короче {length} символов." };

    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = "Текущий пароль введён неверно." };

    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = $"Логин «{userName}» уже занят." };

    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = "Логин может содержать только латинские буквы, цифры, точку, дефис и подчёркивание." };

    public override IdentityError DuplicateEmail(string email) => new() { Code = nameof(DuplicateEmail), Description = "Этот адрес электронной почты уже используется." };

    public override IdentityError InvalidEmail(string? email) => new() { Code = nameof(InvalidEmail), Description = "Адрес электронной почты указан неверно." };

    public override IdentityError ConcurrencyFailure() => new() { Code = nameof(ConcurrencyFailure), Description = "Данные изменились, пока вы их редактировали. Повторите действие." };

    public override IdentityError DefaultError() => new() { Code = nameof(DefaultError), Description = "Не удалось выполнить действие. Повторите попытку." };

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => new() { Code = nameof(PasswordRequiresUniqueChars), Description = $"В пароле должно быть не меньше {uniqueChars} разных символов." };
}
