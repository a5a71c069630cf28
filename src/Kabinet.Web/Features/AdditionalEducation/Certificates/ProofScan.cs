using Kabinet.Web.Common.Files;

namespace Kabinet.Web.Features.AdditionalEducation.Certificates;

/// <summary>The scan proving residence: PDF, JPEG or PNG by its content, at most 10 MB, kept in the FileStore.</summary>
public static class ProofScan
{
    public const long MaxFileBytes = 10 * 1024 * 1024;

    /// <summary>The request may carry the form's fields besides the file.</summary>
    public const long MaxRequestBytes = MaxFileBytes + (256 * 1024);

    public const string TooLarge = "Файл больше 10 МБ. Отсканируйте документ с меньшим разрешением или сожмите его и загрузите снова.";

    public const string Accept = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png";

    private static readonly (string ContentType, byte[] Magic)[] Types =
    [
        ("application/pdf", "%PDF-"u8.ToArray()),
        ("image/jpeg", [0xFF, 0xD8, 0xFF]),
        ("image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
    ];

    /// <summary>Stores the file; the stored file and its content type, or the Russian reason it was not taken.</summary>
    public static async Task<(StoredFile? File, string? ContentType, string? Problem)> SaveAsync(FileStore store, IFormFile file, CancellationToken ct)
    {
        if (file.Length == 0)
            return (null, null, "Файл пустой. Выберите скан документа.");
        if (file.Length > MaxFileBytes)
            return (null, null, TooLarge);
        var header = new byte[8];
        await using (var peek = file.OpenReadStream())
            _ = await peek.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, ct);
        var type = Types.FirstOrDefault(t => header.AsSpan().StartsWith(t.Magic)).ContentType;
        if (type is null)
            return (null, null, "Можно приложить только PDF, JPEG или PNG.");
        await using var content = file.OpenReadStream();
        var stored = await store.SaveAsync(content, MaxFileBytes, ct);
        return stored is null ? (null, null, TooLarge) : (stored, type, null);
    }
}
