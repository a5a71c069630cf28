using Kabinet.Web.Common.Files;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Kindergarten.Queue;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Kindergarten.Documents;

/// <summary>The outcome of an upload: the document, or the field and the Russian reason it was refused.</summary>
public sealed record AttachOutcome(ApplicationDocument? Document, string? Field, string? Problem);

/// <summary>Scans attached to kindergarten applications: attaching, listing, removing. Who may see the application is checked by the caller.</summary>
public sealed class ApplicationDocuments(KabinetDbContext db, FileStore files, TimeProvider time, ILogger<ApplicationDocuments> logger)
{
    public const string FileField = "file";
    public const string KindField = "Kind";

    /// <summary>A family may add scans while the application is alive and not yet ended by enrolment.</summary>
    public static bool CanAttach(ApplicationStatus status) => !ApplicationStatuses.Final.Contains(status) && status != ApplicationStatus.Enrolled;

    /// <summary>A scan may be taken back by who uploaded it while the application is not yet decided.</summary>
    public static bool CanRemove(ApplicationStatus status) =>
        status is ApplicationStatus.New or ApplicationStatus.UnderReview or ApplicationStatus.DocumentsCheck;

    public Task<List<ApplicationDocument>> ListAsync(int applicationId, CancellationToken ct) =>
        db.ApplicationDocuments.AsNoTracking().Where(d => d.ApplicationId == applicationId && d.DeletedAt == null)
            .OrderBy(d => d.UploadedAt).ThenBy(d => d.Id).ToListAsync(ct);

    public Task<ApplicationDocument?> FindAsync(int applicationId, int documentId, CancellationToken ct) =>
        db.ApplicationDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId && d.ApplicationId == applicationId && d.DeletedAt == null, ct);

    public string? PathOf(ApplicationDocument document) => files.PathOf(document.StorageKey);

    public async Task<AttachOutcome> AttachAsync(QueueApplication application, ApplicationDocumentKind? kind, IFormFile? file, int accountId, CancellationToken ct)
    {
        if (!CanAttach(application.Status))
            return Refused(FileField, $"К заявлению в статусе «{application.Status.Title()}» документы больше не прикладываются.");
        if (kind is null || !Enum.IsDefined(kind.Value))
            return Refused(KindField, "Выберите, какой это документ.");
        if (file is null)
            return Refused(FileField, "Выберите файл.");
        if (file.Length == 0)
            return Refused(FileField, "Файл пустой. Выберите другой.");
        if (file.Length > ScanFiles.MaxFileBytes)
            return Refused(FileField, ScanFiles.TooLarge);
        if (await db.ApplicationDocuments.CountAsync(d => d.ApplicationId == application.Id && d.DeletedAt == null, ct) >= DocumentRules.MaxPerApplication)
            return Refused(FileField, $"К заявлению можно приложить не больше {DocumentRules.MaxPerApplication} файлов. Удалите ненужные, чтобы добавить новые.");

        await using var stream = file.OpenReadStream();
        var header = new byte[ScanFiles.HeaderLength];
        var headerLength = await stream.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, ct);
        var contentType = ScanFiles.Recognise(header.AsSpan(0, headerLength), file.FileName, out var problem);
        if (contentType is null)
            return Refused(FileField, problem!);
        stream.Position = 0;

        StoredFile? stored;
        try
        {
            stored = await files.SaveAsync(stream, ScanFiles.MaxFileBytes, ct);
        }
        catch (IOException e)
        {
            logger.LogError(e, "A scan for application {ApplicationId} could not be written to the document store", application.Id);
            return Refused(FileField, "Файл не удалось сохранить на сервере. Попробуйте ещё раз через несколько минут.");
        }

        if (stored is null)
            return Refused(FileField, ScanFiles.TooLarge);

        var document = new ApplicationDocument
        {
            ApplicationId = application.Id,
            Kind = kind.Value,
            FileName = ScanFiles.DisplayName(file.FileName, contentType),
            ContentType = contentType,
            Size = stored.Size,
            Sha256 = stored.Sha256,
            StorageKey = stored.Key,
            UploadedByAccountId = accountId,
            UploadedAt = time.GetUtcNow().UtcDateTime,
        };
        db.ApplicationDocuments.Add(document);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is DbUpdateException || DbExceptions.IsUnavailable(e))
        {
            // The record and the file go together: a file nobody can find would be a submission silently half-kept.
            db.Entry(document).State = EntityState.Detached;
            files.Discard(stored.Key);
            logger.LogError(e, "A scan for application {ApplicationId} was not recorded; its file is removed", application.Id);
            return Refused(FileField, "Файл не сохранён: база данных временно недоступна. Попробуйте ещё раз через минуту.");
        }

        return new AttachOutcome(document, null, null);
    }

    /// <summary>Hides a scan its uploader takes back; the row and the file stay. False when it is not theirs to remove now.</summary>
    public async Task<bool> RemoveAsync(QueueApplication application, int documentId, int accountId, CancellationToken ct)
    {
        if (!CanRemove(application.Status))
            return false;
        var document = await db.ApplicationDocuments.FirstOrDefaultAsync(d => d.Id == documentId && d.ApplicationId == application.Id && d.DeletedAt == null, ct);
        if (document is null || document.UploadedByAccountId != accountId)
            return false;
        document.Delete(accountId, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static AttachOutcome Refused(string field, string problem) => new(null, field, problem);
}
