using Kabinet.Web.Data;

namespace Kabinet.Web.Common.Email;

public sealed record EmailMessage(string Kind, string To, string? ToName, string Subject, string TextBody);

/// <summary>Puts letters into the outbox of the caller's unit of work: they are saved with the caller's changes or not at all.</summary>
public sealed class Outbox(KabinetDbContext db, TimeProvider time, OutboxSignal signal)
{
    public void Enqueue(EmailMessage message) => Add(new OutboxMessage
    {
        Kind = message.Kind,
        To = message.To,
        ToName = message.ToName,
        Subject = message.Subject,
        TextBody = message.TextBody,
    });

    public void Enqueue(SmsMessage message) => Add(new OutboxMessage
    {
        Channel = OutboxChannel.Sms,
        Kind = message.Kind,
        To = message.Phone,
        Subject = "",
        TextBody = message.Text,
    });

    private void Add(OutboxMessage message)
    {
        var now = time.GetUtcNow().UtcDateTime;
        message.CreatedAt = now;
        message.NextAttemptAt = now;
        db.OutboxMessages.Add(message);
        db.SavedChanges -= WakeDispatcher;
        db.SavedChanges += WakeDispatcher;
    }

    private void WakeDispatcher(object? sender, Microsoft.EntityFrameworkCore.SavedChangesEventArgs e) => signal.Notify();
}

/// <summary>Wakes the dispatcher when a letter has been saved, so it does not wait for its next round.</summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled.
            }
        }
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);

    public void Dispose() => _signal.Dispose();
}
