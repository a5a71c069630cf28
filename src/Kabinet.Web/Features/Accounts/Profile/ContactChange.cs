using System.Security.Cryptography;
using System.Text;

namespace Kabinet.Web.Features.Accounts.Profile;

/// <summary>
/// A new e-mail address or phone number waiting for its confirmation code. The code (6 digits, 10 minutes,
/// 5 attempts) goes to the new address or by SMS to the new number; only its hash is kept. The old contact
/// keeps working until the code is entered.
/// </summary>
public sealed class ContactChange
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public const int MaxAttempts = 5;

    public long Id { get; set; }

    public int AccountId { get; init; }

    public ContactKind Kind { get; init; } = ContactKind.Email;

    public required string NewValue { get; init; }

    public required string CodeHash { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime ExpiresAt { get; init; }

    public int Attempts { get; set; }

    public DateTime? ConfirmedAt { get; set; }

    public bool IsOpen(DateTime now) => ConfirmedAt is null && now <= ExpiresAt && Attempts < MaxAttempts;

    public static (string Code, ContactChange Record) Issue(int accountId, ContactKind kind, string newValue, DateTime now)
    {
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        return (code, new ContactChange { AccountId = accountId, Kind = kind, NewValue = newValue, CodeHash = Hash(accountId, newValue, code), CreatedAt = now, ExpiresAt = now + Lifetime });
    }

    /// <summary>Counts the attempt; true when the code is right (compared in constant time).</summary>
    public bool TryConfirm(string code, DateTime now)
    {
        if (!IsOpen(now))
            return false;
        Attempts++;
        var ok = CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(CodeHash), Encoding.ASCII.GetBytes(Hash(AccountId, NewValue, code.Trim())));
        if (ok)
            ConfirmedAt = now;
        return ok;
    }

    // Bound to the account and the address: a code for one change cannot confirm another.
    private static string Hash(int accountId, string value, string code) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{accountId}|{value}|{code}")));
}

public enum ContactKind
{
    Email,
    Phone,
}
