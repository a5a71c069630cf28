using Kabinet.Web.Common.Files;

namespace Kabinet.Web.Features.AdditionalEducation.Certificates;

/// <summary>The scan proving residence, kept in the FileStore; what it may be is <see cref="ScanFiles"/>.</summary>
public static class ProofScan
{
    /// <summary>The request may carry the form's fields besides the file.</summary>
    public const long MaxRequestBytes = ScanFiles.MaxFileBytes + (256 * 1024);

    /// <summary>Stores the file; the stored file and its content type, or the Russian reason it was not taken.</summary>
    public static async Task<(StoredFile? File, string? ContentType, string? Problem)> SaveAsync(FileStore store, IFormFile file, CancellationToken ct)
    {
        if (file.Length == 0)
            return (null, null, "Файл пустой. Выберите скан документа.");
        if (file.Length > ScanFiles.MaxFileBytes)
            return (null, null, ScanFiles.TooLarge);
        if (ScanFiles.Recognise(await ScanFiles.HeaderAsync(file, ct), file.FileName, out var problem) is not { } type)
            return (null, null, problem);
        await using var content = file.OpenReadStream();
        var stored = await store.SaveAsync(content, ScanFiles.MaxFileBytes, ct);
        return stored is null ? (null, null, ScanFiles.TooLarge) : (stored, type, null);
    }
}
