using System.Security.Cryptography;

namespace Kabinet.Web.Features.Accounts.Sessions;

/// <summary>
/// A signed-in browser. The sign-in cookie carries only the session's id; the session lives here, so ending it
/// (sign-out, «Завершить», a password reset) takes effect on the next request on every node.
/// </summary>
public sealed class AccountSession
{
    /// <summary>Idle sessions end after this long (ASVS 7.3.1); «remember me» sessions after <see cref="RememberedIdle"/>.</summary>
    public static readonly TimeSpan Idle = TimeSpan.FromMinutes(30);

    public static readonly TimeSpan RememberedIdle = TimeSpan.FromDays(14);

    /// <summary>No session outlives this (ASVS 7.3.2); remembered ones <see cref="RememberedLifetime"/>.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    public static readonly TimeSpan RememberedLifetime = TimeSpan.FromDays(30);

    public required string Id { get; init; }

    public int AccountId { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime LastSeenAt { get; set; }

    public string? IpAddress { get; init; }

    public string? UserAgent { get; init; }

    /// <summary>How the person signed in: «pwd», later «esia», «vkid».</summary>
    public required string Method { get; init; }

    public bool Remembered { get; init; }

    public DateTime? EndedAt { get; set; }

    public string? EndReason { get; set; }

    public static AccountSession Start(int accountId, DateTime now, string? ip, string? userAgent, string method, bool remembered) => new()
    {
        Id = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant(), // 192 bits from a CSPRNG
        AccountId = accountId,
        CreatedAt = now,
        LastSeenAt = now,
        IpAddress = ip,
        UserAgent = userAgent is { Length: > 400 } ua ? ua[..400] : userAgent,
        Method = method,
        Remembered = remembered,
    };

    public bool IsActive(DateTime now) =>
        EndedAt is null
        && now - LastSeenAt <= (Remembered ? RememberedIdle : Idle)
        && now - CreatedAt <= (Remembered ? RememberedLifetime : Lifetime);

    public void End(DateTime now, string reason)
    {
        EndedAt ??= now;
        EndReason ??= reason;
    }
}

/// <summary>One attempt to sign in, successful or not: the history a person sees, and what throttling counts.</summary>
public sealed class SignInEvent
{
    public long Id { get; set; }

    /// <summary>Null when the login matched no account.</summary>
    public int? AccountId { get; set; }

    /// <summary>The login as typed, normalised: throttling counts failures per login whether or not it exists.</summary>
    public required string LoginKey { get; set; }

    public DateTime At { get; set; }

    public string? IpAddress { get; set; }

    public string? UserAgent { get; set; }

    public required string Method { get; set; }

    public bool Succeeded { get; set; }

    /// <summary>«wrong-password», «unknown-login», «temporary-password-expired», «throttled».</summary>
    public string? Failure { get; set; }
}
