namespace Kabinet.Web.Common.Email;

/// <summary>
/// A letter waiting to be sent or already sent. It is written in the same transaction as the change that
/// caused it, so a letter exists exactly when its change does; the dispatcher sends it and retries with
/// backoff while the mail server is unreachable. Letters are never deleted.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    /// <summary>A letter by e-mail or a text message to a phone.</summary>
    public OutboxChannel Channel { get; set; } = OutboxChannel.Email;

    /// <summary>What the letter is about, for the logs: «registration», «password-reset», ...</summary>
    public required string Kind { get; set; }

    /// <summary>An e-mail address, or a phone number (+79XXXXXXXXX) for a text message.</summary>
    public required string To { get; set; }

    public string? ToName { get; set; }

    /// <summary>The letter's subject; empty for a text message.</summary>
    public required string Subject { get; set; }

    public required string TextBody { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime NextAttemptAt { get; set; }

    public int Attempts { get; set; }

    public DateTime? SentAt { get; set; }

    public string? LastError { get; set; }

    /// <summary>The node sending it right now, and until when its claim holds (several nodes share the outbox).</summary>
    public string? LockedBy { get; set; }

    public DateTime? LockedUntil { get; set; }

    /// <summary>Waits after a failed attempt: 1, 2, 4 … minutes, at most an hour; retried until it goes through.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, Math.Max(0, attempts - 1))));

    public void Failed(DateTime now, string error)
    {
        Attempts++;
        LastError = error.Length > 1000 ? error[..1000] : error;
        NextAttemptAt = now + Backoff(Attempts);
        LockedBy = null;
        LockedUntil = null;
    }
}

public enum OutboxChannel
{
    Email,
    Sms,
}
