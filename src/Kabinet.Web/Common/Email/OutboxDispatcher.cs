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
    private const int BatchSize = 20;
    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(2);
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

    /// <summary>Sends every letter that is due now; returns how many went out.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KabinetDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var due = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.SentAt == null && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
            .Select(m => m.Id)
            .Take(BatchSize)
            .ToListAsync(ct);

        var sent = 0;
        foreach (var id in due)
        {
            // The claim runs from now, not from the start of the batch: a slow server must not let a claim lapse mid-send.
            now = time.GetUtcNow().UtcDateTime;
            var lockedUntil = now + ClaimFor;
            var claimed = await db.OutboxMessages
                .Where(m => m.Id == id && m.SentAt == null && (m.LockedUntil == null || m.LockedUntil < now))
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.LockedBy, _node).SetProperty(m => m.LockedUntil, lockedUntil), ct);
            if (claimed == 0)
                continue; // another node took it

            var message = await db.OutboxMessages.SingleAsync(m => m.Id == id, ct);
            try
            {
                if (message.Channel == OutboxChannel.Sms)
                    await sms.SendAsync(message.To, message.TextBody, ct);
                else
                    await transport.SendAsync(ToMime(message), ct);
                message.Sent(time.GetUtcNow().UtcDateTime);
                sent++;
                log.LogInformation("Sent {Kind} letter {Id}", message.Kind, message.Id);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                message.Failed(time.GetUtcNow().UtcDateTime, e.Message);
                log.LogWarning("Letter {Id} ({Kind}) not sent, attempt {Attempts}, next at {Next:u}: {Error}", message.Id, message.Kind, message.Attempts, message.NextAttemptAt, e.Message);
            }

            await db.SaveChangesAsync(CancellationToken.None);
        }

        return sent;
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
