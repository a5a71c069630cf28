using System.Security.Cryptography;
using System.Text;

namespace Kabinet.Web.Features.Accounts.Recovery;

/// <summary>
/// A single-use link to set a new password. Only a hash of the token is stored; the token itself exists only
/// in the letter. Valid for 30 minutes.
/// </summary>
public sealed class PasswordResetToken
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    public long Id { get; set; }

    public int AccountId { get; set; }

    public required string TokenHash { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime ExpiresAt { get; init; }

    public DateTime? UsedAt { get; set; }

    /// <summary>A new token (256 bits from a CSPRNG) and the record that remembers only its hash.</summary>
    public static (string Token, PasswordResetToken Record) Issue(int accountId, DateTime now)
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (token, new PasswordResetToken { AccountId = accountId, TokenHash = Hash(token), CreatedAt = now, ExpiresAt = now + Lifetime });
    }

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public bool IsUsable(DateTime now) => UsedAt is null && now <= ExpiresAt;

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>A request to recover access, found or not: for the log (OWASP) and to limit letters per account.</summary>
public sealed class RecoveryRequest
{
    public long Id { get; set; }

    public required string LoginKey { get; init; }

    public int? AccountId { get; init; }

    public DateTime At { get; init; }

    public string? IpAddress { get; init; }

    public bool LetterSent { get; init; }
}
