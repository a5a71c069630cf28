using System.Security.Cryptography;
using System.Text;
using Kabinet.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Accounts;

/// <summary>Logins and one-time passwords Kabinet generates for new accounts.</summary>
public static class Credentials
{
    // No look-alikes (0/O, 1/l/I): people copy these from a letter or a printed sheet.
    private const string PasswordAlphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>A strong one-time password: 12 characters from a CSPRNG, about 69 bits.</summary>
    public static string TemporaryPassword() => new(RandomNumberGenerator.GetItems<char>(PasswordAlphabet, 12));

    /// <summary>How long a generated password may be used for the first sign-in.</summary>
    public static readonly TimeSpan TemporaryPasswordLifetime = TimeSpan.FromDays(14);

    /// <summary>«Иванова Мария Петровна» → «ivanova.mp»; a number is added when that login is taken.</summary>
    public static string LoginStem(string lastName, string firstName, string? middleName)
    {
        var initials = Transliterate(firstName[..1]) + (string.IsNullOrWhiteSpace(middleName) ? "" : Transliterate(middleName.Trim()[..1]));
        var stem = $"{Transliterate(lastName)}.{initials}";
        return stem.Length > 40 ? stem[..40] : stem;
    }

    /// <summary>The first free login for a stem: ivanova.mp, ivanova.mp2, ivanova.mp3, …</summary>
    public static async Task<string> FreeLoginAsync(KabinetDbContext db, ILookupNormalizer normalizer, string stem, CancellationToken ct)
    {
        var normalizedStem = normalizer.NormalizeName(stem);
        var taken = (await db.Users.Where(a => a.NormalizedUserName!.StartsWith(normalizedStem)).Select(a => a.NormalizedUserName!).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        if (!taken.Contains(normalizedStem))
            return stem;
        for (var n = 2; ; n++)
        {
            if (!taken.Contains(normalizedStem + n))
                return stem + n;
        }
    }

    private static string Transliterate(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            result.Append(c switch
            {
                'а' => "a", 'б' => "b", 'в' => "v", 'г' => "g", 'д' => "d", 'е' or 'ё' or 'э' => "e", 'ж' => "zh", 'з' => "z",
                'и' => "i", 'й' => "y", 'к' => "k", 'л' => "l", 'м' => "m", 'н' => "n", 'о' => "o", 'п' => "p", 'р' => "r",
                'с' => "s", 'т' => "t", 'у' => "u", 'ф' => "f", 'х' => "kh", 'ц' => "ts", 'ч' => "ch", 'ш' => "sh", 'щ' => "shch",
                'ы' => "y", 'ю' => "yu", 'я' => "ya", 'ъ' or 'ь' => "",
                >= 'a' and <= 'z' or >= '0' and <= '9' => c.ToString(),
                '-' => "-",
                _ => "",
            });
        }

        return result.Length == 0 ? "user" : result.ToString();
    }

    /// <summary>
    /// Creates an account with a free login from the person's name and a one-time password that must be
    /// replaced at first sign-in. Returns the account and the password (to be e-mailed or printed, never stored).
    /// </summary>
    public static async Task<(Account Account, string Password)> CreateWithTemporaryPasswordAsync(
        KabinetDbContext db, UserManager<Account> users, int personId, string lastName, string firstName, string? middleName,
        string? email, string? phone, DateTime now, CancellationToken ct)
    {
        var password = TemporaryPassword();
        var account = new Account
        {
            UserName = await FreeLoginAsync(db, users.KeyNormalizer, LoginStem(lastName, firstName, middleName), ct),
            Email = email,
            PhoneNumber = phone,
            PersonId = personId,
            CreatedAt = now,
            MustChangePassword = true,
            TemporaryPasswordExpiresAt = now + TemporaryPasswordLifetime,
        };
        var created = await users.CreateAsync(account, password);
        if (!created.Succeeded)
            throw new InvalidOperationException("Account not created: " + string.Join("; ", created.Errors.Select(e => e.Code)));
        return (account, password);
    }
}
