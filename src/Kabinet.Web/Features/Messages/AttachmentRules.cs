using System.IO.Compression;

namespace Kabinet.Web.Features.Messages;

/// <summary>
/// What a message may carry: PDF, DOCX, XLSX, JPEG or PNG — by content and by extension alike — at most 10 МБ each,
/// at most <see cref="MaxPerMessage"/> files.
/// </summary>
public static class AttachmentRules
{
    public const long MaxFileBytes = 10 * 1024 * 1024;

    public const int MaxPerMessage = 5;

    /// <summary>The largest form a message may send: every file at the limit plus the text and the boundaries.</summary>
    public const long MaxRequestBytes = (MaxPerMessage * MaxFileBytes) + (256 * 1024);

    /// <summary>Said next to the file field when the whole form is over <see cref="MaxRequestBytes"/>.</summary>
    public const string TooLargeRequest = "Файлы вместе слишком большие: каждый — не больше 10 МБ, не больше 5 файлов. Приложите их снова.";

    public const string TooLarge = "Файл больше 10 МБ. Сожмите его или разделите на части и приложите снова.";

    public const string NotAllowed = "Можно приложить только PDF, DOCX, XLSX, JPEG или PNG.";

    public const string Accept = ".pdf,.docx,.xlsx,.jpg,.jpeg,.png";

    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];

    private static readonly (string ContentType, string Title, byte[] Magic, string[] Extensions, string? ZipPart)[] Types =
    [
        ("application/pdf", "PDF", "%PDF-"u8.ToArray(), [".pdf"], null),
        (Docx, "DOCX", Zip, [".docx"], "word/document.xml"),
        (Xlsx, "XLSX", Zip, [".xlsx"], "xl/workbook.xml"),
        ("image/jpeg", "JPEG", [0xFF, 0xD8, 0xFF], [".jpg", ".jpeg"], null),
        ("image/png", "PNG", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], [".png"], null),
    ];

    /// <summary>
    /// The content type of a file whose content and extension agree; otherwise null and the reason in Russian. A DOCX
    /// or XLSX is a ZIP archive: its table of contents must hold the part that makes it a document or a workbook.
    /// </summary>
    public static string? Recognise(Stream content, string fileName, out string? problem)
    {
        var header = new byte[8];
        var length = content.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        content.Position = 0;
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var byExtension = Types.FirstOrDefault(t => t.Extensions.Contains(extension));
        var candidates = Types.Where(t => header.AsSpan(0, length).StartsWith(t.Magic)).ToList();
        if (candidates.Count == 0)
        {
            problem = $"«{fileName}»: {NotAllowed} Этот файл не является ни одним из них.";
            return null;
        }

        if (byExtension.ContentType is null)
        {
            problem = $"«{fileName}»: {NotAllowed} У файла должно быть расширение .pdf, .docx, .xlsx, .jpg, .jpeg или .png.";
            return null;
        }

        var byContent = candidates.Count == 1 ? candidates[0] : candidates.FirstOrDefault(t => HasPart(content, t.ZipPart!));
        content.Position = 0;
        if (byContent.ContentType is null)
        {
            problem = $"«{fileName}»: файл повреждён или это архив, а не документ Word или Excel. {NotAllowed}";
            return null;
        }

        if (byContent.ContentType != byExtension.ContentType)
        {
            problem = $"«{fileName}»: содержимое не совпадает с расширением «{extension}» — это {byContent.Title}, а не {byExtension.Title}. Сохраните файл с правильным расширением.";
            return null;
        }

        problem = null;
        return byContent.ContentType;
    }

    /// <summary>The name as shown and offered for download (never used in a path).</summary>
    public static string DisplayName(string? original, string contentType) =>
        Common.Files.FileNames.Display(original, Types.First(t => t.ContentType == contentType).Extensions[0]);

    private static bool HasPart(Stream content, string part)
    {
        content.Position = 0;
        try
        {
            // Only the archive's table of contents is read, nothing is unpacked.
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            return zip.GetEntry(part) is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
