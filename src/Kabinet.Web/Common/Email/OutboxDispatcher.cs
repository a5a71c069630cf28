using Kabinet.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Kabinet.Web.Common.Email;

/// <summary>
/// Sends what the outbox holds (letters and text messages). Each node runs it; a letter is claimed with a conditional update before
/// sending, so two nodes never send the same letter. A failure leaves the letter in the outbox with its
/// next attempt time.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes, IMailTransport transport, ISmsTransport sms, IOptions<EmailOptions> options, TimeProvider time,
    OutboxSignal signal, ILogger<OutboxDispatcher> log) : BackgroundService
{
    private const int BatchSize = 100;

    /// <summary>The claim of a round, less its provider's ending: {0} the round's token, {1} the claim's end, {2} now, {3} how many.</summary>
    private const string ClaimSql =
        "UPDATE outbox_messages SET locked_by = {0}, locked_until = {1} WHERE id IN (SELECT id FROM outbox_messages " +
        "WHERE sent_at IS NULL AND next_attempt_at <= {2} AND (locked_until IS NULL OR locked_until < {2}) ORDER BY next_attempt_at, id LIMIT {3}";
    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan ClaimMargin = TimeSpan.FromSeconds(30);
    private readonly string _node = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.DispatchInBackground)
            return;
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var sent = 0;
            try
            {
                sent = await DispatchDueAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be briefly unavailable; the letters wait in the outbox.
                log.LogWarning(e, "Outbox round failed");
            }

            if (sent < BatchSize)
            {
                try
                {
                    await signal.WaitAsync(TimeSpan.FromSeconds(2), stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>
    /// Sends the letters due now, up to a batch; returns how many went out. The batch is claimed and read with one
    /// statement and the letters sent are marked by one more, so a busy outbox costs two statements per batch, not two per
    /// letter (on SQLite every write waits for the single writer that also takes the applications; on an enrollment
    /// morning every application brings a letter). A crash mid-batch may
    /// send a letter again after its claim lapses: delivery is at least once, as it always is with SMTP.
    /// </summary>
    public async Task<int> DispatchDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KabinetDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        // One statement claims the first due letters and returns them. On PostgreSQL a letter that another node is
        // claiming at the same moment is skipped (SKIP LOCKED), and one it has just claimed no longer qualifies when its
        // row is re-read; SQLite runs the whole statement under its single write lock. The round's own token marks its letters.
        var owner = $"{_node}/{Guid.NewGuid():N}";
        var lockedUntil = now + ClaimFor;
        var claim = db.Database.IsNpgsql()
            ? db.OutboxMessages.FromSqlRaw(ClaimSql + " FOR UPDATE SKIP LOCKED) RETURNING *", owner, lockedUntil, now, BatchSize)
            : db.OutboxMessages.FromSqlRaw(ClaimSql + ") RETURNING *", owner, lockedUntil, now, BatchSize);
        var letters = (await claim.AsNoTracking().ToListAsync(ct)).OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).ToList();
        if (letters.Count == 0)
            return 0;

        var sent = new List<long>(letters.Count);
        IMailSession? mail = null;
        try
        {
            foreach (var message in letters)
            {
                // A slow mail server must not let the claim lapse mid-send: the rest go out in a later round, once their claim lapses.
                if (time.GetUtcNow().UtcDateTime > lockedUntil - ClaimMargin)
                    break;
                try
                {
                    if (message.Channel == OutboxChannel.Sms)
                        await sms.SendAsync(message.To, message.TextBody, ct);
                    else
                        await (mail ??= transport.Open()).SendAsync(ToMime(message), ct);
                    sent.Add(message.Id);
                    log.LogInformation("Sent {Kind} letter {Id}", message.Kind, message.Id);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    db.Attach(message);
                    message.Failed(time.GetUtcNow().UtcDateTime, e.Message);
                    log.LogWarning("Letter {Id} ({Kind}) not sent, attempt {Attempts}, next at {Next:u}: {Error}", message.Id, message.Kind, message.Attempts, message.NextAttemptAt, e.Message);
                }
            }
        }
        finally
        {
            if (mail is not null)
                await mail.DisposeAsync();

            // Stored even when the node is stopping mid-batch: what went out is not sent again.
            if (sent.Count > 0)
            {
                var at = time.GetUtcNow().UtcDateTime;
                await db.OutboxMessages.Where(m => sent.Contains(m.Id)).ExecuteUpdateAsync(u => u
                    .SetProperty(m => m.SentAt, at).SetProperty(m => m.Attempts, m => m.Attempts + 1).SetProperty(m => m.LastError, (string?)null)
                    .SetProperty(m => m.LockedBy, (string?)null).SetProperty(m => m.LockedUntil, (DateTime?)null), CancellationToken.None);
            }

            await db.SaveChangesAsync(CancellationToken.None);
        }

        return sent.Count;
    }

    private MimeMessage ToMime(OutboxMessage message)
    {
        var mime = new MimeMessage
        {
            Subject = message.Subject,
            Date = new DateTimeOffset(DateTime.SpecifyKind(message.CreatedAt, DateTimeKind.Utc)),
            MessageId = $"outbox-{message.Id:D12}.{message.CreatedAt.Ticks}@kabinet",
            Body = new TextPart("plain") { Text = message.TextBody },
        };
        mime.From.Add(MailboxAddress.Parse(options.Value.From));
        mime.To.Add(new MailboxAddress(message.ToName ?? "", message.To));
        return mime;
    }
}
