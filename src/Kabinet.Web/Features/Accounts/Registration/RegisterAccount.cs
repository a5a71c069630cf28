using Kabinet.Web.Common.Email;
using Kabinet.Web.Common.Hosting;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Families;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Accounts.Registration;

public sealed record RegistrationRequest(string LastName, string FirstName, string? MiddleName, string Phone, string Email);

/// <summary>
/// Creates the person, the account with a generated login and one-time password, the consent record and the
/// welcome letter in one transaction. When the phone or e-mail already has an account, the owner gets a
/// letter saying so instead, after the same amount of work, so neither the page nor its timing tells.
/// </summary>
public sealed class RegisterAccount(
    KabinetDbContext db, UserManager<Account> users, FamilyDirectory families, Outbox outbox, PublicUrls urls,
    TimeProvider time, ILogger<RegisterAccount> log)
{
    public async Task HandleAsync(RegistrationRequest request, string? ipAddress, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var normalizedEmail = users.NormalizeEmail(request.Email);
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SerializeAsync($"registration:{normalizedEmail}", ct); // a double click registers once
            var existing = await db.Users
                // An unconfirmed phone proves nothing: anybody could have typed someone else's number first.
                .Where(a => a.NormalizedEmail == normalizedEmail || (a.PhoneNumber == request.Phone && a.PhoneNumberConfirmed))
                .ToListAsync(ct);
            if (existing.Count > 0)
            {
                _ = users.PasswordHasher.HashPassword(existing[0], Credentials.TemporaryPassword()); // the same cost as creating an account
                foreach (var account in existing.Where(a => a.Email is not null).DistinctBy(a => a.NormalizedEmail))
                    outbox.Enqueue(AlreadyRegisteredLetter(account));
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                log.LogInformation("Registration with the contacts of existing account(s) {Accounts}: reminder sent", string.Join(",", existing.Select(a => a.Id)));
                return;
            }

            var personId = await families.AddPersonAsync(request.LastName, request.FirstName, request.MiddleName, ct);
            var (created, password) = await Credentials.CreateWithTemporaryPasswordAsync(
                db, users, personId, request.LastName, request.FirstName, request.MiddleName, request.Email, request.Phone, now, ct);
            created.TemporaryPasswordByEmail = true;
            db.RoleGrants.Add(RoleGrant.Create(created.Id, PortalRole.Parent, now));
            db.ConsentRecords.Add(new ConsentRecord
            {
                AccountId = created.Id,
                Kind = ConsentTexts.PersonalDataKind,
                TextVersion = ConsentTexts.PersonalDataVersion,
                GivenAt = now,
                IpAddress = ipAddress,
            });
            outbox.Enqueue(WelcomeLetter(request, created.UserName!, password));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            log.LogInformation("Registered account {AccountId} with login {Login}", created.Id, created.UserName);
        });
    }

    private EmailMessage WelcomeLetter(RegistrationRequest request, string login, string password)
    {
        var greeting = request.MiddleName is null ? request.FirstName : $"{request.FirstName} {request.MiddleName}";
        return new EmailMessage(
            "registration",
            request.Email,
            $"{request.LastName} {request.FirstName}",
            "Kabinet: ваша учётная запись",
            $"""
            Здравствуйте, {greeting}!

            Для вас создана учётная запись в личном кабинете Kabinet.

            Логин: {login}
            Временный пароль: {password}

            Войдите по ссылке {urls.To("/account/login")} — при первом входе вы придумаете собственный пароль.
            Временный пароль действует {Credentials.TemporaryPasswordLifetime.Days} дней.

            Если вы не регистрировались в Kabinet, просто удалите это письмо.

            Kabinet — образование Кузбасса
            """);
    }

    private EmailMessage AlreadyRegisteredLetter(Account account) => new(
        "registration-exists",
        account.Email!,
        null,
        "Kabinet: у вас уже есть учётная запись",
        $"""
        Здравствуйте!

        Кто-то — возможно, вы — пытался зарегистрироваться в Kabinet с вашим адресом электронной почты или номером телефона.
        У вас уже есть учётная запись, новая не создана.

        Ваш логин: {account.UserName}
        Войти: {urls.To("/account/login")}
        Если вы не помните пароль, восстановите его: {urls.To("/account/recover")}

        Если регистрировались не вы, ничего делать не нужно.

        Kabinet — образование Кузбасса
        """);
}
