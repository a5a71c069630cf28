using Kabinet.Web.Common.Files;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Messages;

/// <summary>What was posted: the thread (or the class message) written to, or the field and the Russian reason it was refused.</summary>
public sealed record PostOutcome(int? ThreadId, int? BroadcastId, string? Field, string? Problem)
{
    public bool Succeeded => Problem is null;

    public static PostOutcome Refused(string field, string problem) => new(null, null, field, problem);
}

/// <summary>
/// Writes messages: a new conversation (or one per family for a class message) and replies. Files are checked and
/// stored first; the threads, messages, attachments and notifications are then saved in one transaction, and the
/// files are taken back when it fails, so nothing is ever half-kept.
/// </summary>
public sealed class MessagePost(KabinetDbContext db, FileStore files, NotificationCentre notifications, AccountDirectory accounts,
    MessageInbox inbox, TimeProvider time, ILogger<MessagePost> logger)
{
    public const string SubjectField = "Subject";
    public const string TextField = "Text";
    public const string FilesField = "files";
    public const string RecipientField = "Recipient";

    private const int SnippetLength = 200;

    private sealed record Upload(StoredFile Stored, string FileName, string ContentType);

    /// <summary>The text as kept: line breaks unified, surrounding blank space trimmed.</summary>
    public static string Normalise(string? text) => (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();

    /// <summary>Starts the conversations an addressee stands for, written by a family member or by a teacher.</summary>
    public async Task<PostOutcome> StartAsync(int writerPersonId, string writerName, ThreadSide writerSide, int organisationId, Addressee addressee,
        TaughtClass? taught, string? subject, string? text, IReadOnlyList<IFormFile> attached, CancellationToken ct)
    {
        var title = (subject ?? "").Trim();
        if (title.Length == 0)
            return PostOutcome.Refused(SubjectField, "Напишите тему сообщения.");
        if (title.Length > MessageThread.MaxSubjectLength)
            return PostOutcome.Refused(SubjectField, $"Тема — не длиннее {MessageThread.MaxSubjectLength} символов.");
        var body = Normalise(text);
        if (TextProblem(body) is { } problem)
            return PostOutcome.Refused(TextField, problem);
        var (uploads, fileProblem) = await StoreAsync(attached, ct);
        if (uploads is null)
            return PostOutcome.Refused(FilesField, fileProblem!);

        var now = time.GetUtcNow().UtcDateTime;
        var broadcast = addressee.IsBroadcast && taught is not null
            ? new MessageBroadcast
            {
                OrganisationId = organisationId, ClassGroupId = taught.Class.Id, ClassName = taught.Class.Name, SenderPersonId = writerPersonId,
                Subject = title, SentAt = now, LastMessageAt = now,
            }
            : null;
        return await SaveAsync(uploads, async () =>
        {
            if (broadcast is not null)
            {
                db.MessageBroadcasts.Add(broadcast);
                await db.SaveChangesAsync(ct);
            }

            var threads = addressee.Conversations.Select(c => new MessageThread
            {
                OrganisationId = organisationId, StudentPersonId = c.StudentPersonId, BroadcastId = broadcast?.Id, Subject = title,
                StartedByPersonId = writerPersonId, StartedAt = now, LastMessageAt = now,
            }).ToList();
            db.MessageThreads.AddRange(threads);
            await db.SaveChangesAsync(ct);

            var otherSide = writerSide == ThreadSide.Family ? ThreadSide.School : ThreadSide.Family;
            var recipients = new List<(MessageThread Thread, IReadOnlyList<int> People)>();
            foreach (var (thread, conversation) in threads.Zip(addressee.Conversations))
            {
                var writer = new ThreadParticipant { ThreadId = thread.Id, PersonId = writerPersonId, Side = writerSide, InBroadcast = broadcast is not null };
                writer.MarkRead(now);
                db.ThreadParticipants.Add(writer);
                var others = conversation.PersonIds.Where(p => p != writerPersonId).Distinct().ToList();
                db.ThreadParticipants.AddRange(others.Select(p => new ThreadParticipant { ThreadId = thread.Id, PersonId = p, Side = otherSide }));
                recipients.Add((thread, others));
            }

            await AddMessagesAsync(recipients.Select(r => r.Thread).ToList(), writerPersonId, body, uploads, now, ct);
            await NotifyAsync(recipients, writerName, body, ct);
            return new PostOutcome(threads.Count == 1 && broadcast is null ? threads[0].Id : null, broadcast?.Id, null, null);
        }, [writerPersonId, .. addressee.Conversations.SelectMany(c => c.PersonIds)], ct);
    }

    /// <summary>A participant's reply; the thread and the participant are tracked entities of the caller's context.</summary>
    public async Task<PostOutcome> ReplyAsync(MessageThread thread, ThreadParticipant writer, string writerName, string? text, IReadOnlyList<IFormFile> attached, CancellationToken ct)
    {
        var body = Normalise(text);
        if (TextProblem(body) is { } problem)
            return PostOutcome.Refused(TextField, problem);
        var (uploads, fileProblem) = await StoreAsync(attached, ct);
        if (uploads is null)
            return PostOutcome.Refused(FilesField, fileProblem!);

        var now = time.GetUtcNow().UtcDateTime;
        var others = await db.ThreadParticipants.AsNoTracking().Where(p => p.ThreadId == thread.Id && p.Side != writer.Side).Select(p => p.PersonId).ToListAsync(ct);
        return await SaveAsync(uploads, async () =>
        {
            thread.LastMessageAt = now;
            writer.MarkRead(now);
            if (thread.BroadcastId is { } broadcastId)
            {
                await db.MessageBroadcasts.Where(b => b.Id == broadcastId).ExecuteUpdateAsync(u => u.SetProperty(b => b.LastMessageAt, now), ct);
            }

            await AddMessagesAsync([thread], writer.PersonId, body, uploads, now, ct);
            await NotifyAsync([(thread, others)], writerName, body, ct);
            return new PostOutcome(thread.Id, null, null, null);
        }, [writer.PersonId, .. others], ct);
    }

    private static string? TextProblem(string body) =>
        body.Length == 0 ? "Напишите текст сообщения."
        : body.Length > Message.MaxTextLength ? $"Сообщение — не длиннее {Message.MaxTextLength} символов (сейчас {body.Length}). Разделите его на несколько или приложите файл."
        : null;

    /// <summary>Checks every file, then stores them all; null and the reason when any is refused (nothing is kept then).</summary>
    private async Task<(List<Upload>? Uploads, string? Problem)> StoreAsync(IReadOnlyList<IFormFile> attached, CancellationToken ct)
    {
        var chosen = attached.Where(f => f.Length > 0 || f.FileName.Length > 0).ToList();
        if (chosen.Count > AttachmentRules.MaxPerMessage)
            return (null, $"К сообщению можно приложить не больше {AttachmentRules.MaxPerMessage} файлов.");
        var checkedFiles = new List<(IFormFile File, string ContentType)>();
        foreach (var file in chosen)
        {
            if (file.Length == 0)
                return (null, $"«{file.FileName}»: файл пустой. Выберите другой.");
            if (file.Length > AttachmentRules.MaxFileBytes)
                return (null, $"«{file.FileName}»: {AttachmentRules.TooLarge}");
            await using var stream = file.OpenReadStream();
            if (AttachmentRules.Recognise(stream, file.FileName, out var problem) is not { } contentType)
                return (null, problem);
            checkedFiles.Add((file, contentType));
        }

        var uploads = new List<Upload>();
        try
        {
            foreach (var (file, contentType) in checkedFiles)
            {
                await using var stream = file.OpenReadStream();
                if (await files.SaveAsync(stream, AttachmentRules.MaxFileBytes, ct) is not { } stored)
                {
                    Discard(uploads);
                    return (null, $"«{file.FileName}»: {AttachmentRules.TooLarge}");
                }

                uploads.Add(new Upload(stored, AttachmentRules.DisplayName(file.FileName, contentType), contentType));
            }
        }
        catch (IOException e)
        {
            Discard(uploads);
            logger.LogError(e, "A message attachment could not be written to the file store");
            return (null, "Файл не удалось сохранить на сервере. Попробуйте ещё раз через несколько минут.");
        }

        return (uploads, null);
    }

    private async Task AddMessagesAsync(IReadOnlyList<MessageThread> threads, int authorPersonId, string body, List<Upload> uploads, DateTime now, CancellationToken ct)
    {
        var messages = threads.Select(t => new Message { ThreadId = t.Id, AuthorPersonId = authorPersonId, Text = body, SentAt = now }).ToList();
        db.Messages.AddRange(messages);
        await db.SaveChangesAsync(ct);
        // A class message's files are stored once; each family's thread gets its own record of them.
        db.MessageAttachments.AddRange(messages.SelectMany(m => uploads.Select(u => new MessageAttachment
        {
            MessageId = m.Id, ThreadId = m.ThreadId, FileName = u.FileName, ContentType = u.ContentType, Size = u.Stored.Size, Sha256 = u.Stored.Sha256, StorageKey = u.Stored.Key,
        })));
    }

    private async Task NotifyAsync(IReadOnlyList<(MessageThread Thread, IReadOnlyList<int> People)> recipients, string writerName, string body, CancellationToken ct)
    {
        var accountOf = await accounts.AccountsOfPeopleAsync(recipients.SelectMany(r => r.People), ct);
        var snippet = body.Length <= SnippetLength ? body : body[..SnippetLength].TrimEnd() + "…";
        var requests = recipients
            .SelectMany(r => r.People.Where(accountOf.ContainsKey).Select(p => new NotificationRequest(accountOf[p], NotificationKinds.Message,
                Cut($"Новое сообщение: {r.Thread.Subject}", 200), $"{writerName}: {snippet}", $"/messages/{r.Thread.Id}")))
            .ToList();
        await notifications.NotifyManyAsync(requests, ct);
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    /// <summary>Runs the writes in one transaction; when the database refuses, the stored files are taken back.</summary>
    private async Task<PostOutcome> SaveAsync(List<Upload> uploads, Func<Task<PostOutcome>> write, IEnumerable<int> people, CancellationToken ct)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var outcome = await write();
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            inbox.ForgetUnread(people.Distinct());
            return outcome;
        }
        catch (Exception e) when (e is DbUpdateException || DbExceptions.IsUnavailable(e))
        {
            db.ChangeTracker.Clear();
            Discard(uploads);
            logger.LogError(e, "A message was not recorded; its files are removed");
            return PostOutcome.Refused(TextField, "Сообщение не отправлено: база данных временно недоступна. Попробуйте ещё раз через минуту.");
        }
    }

    private void Discard(IEnumerable<Upload> uploads)
    {
        foreach (var upload in uploads)
            files.Discard(upload.Stored.Key);
    }
}
