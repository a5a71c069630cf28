using System.Text;

namespace Kabinet.Web.Features.Diary.Journal;

/// <summary>
/// What a lesson file may be: PDF, Word/Excel/PowerPoint (OOXML), OpenDocument, JPEG, PNG or plain text — recognised
/// by the content (its signature; a zip for the office formats, with the matching extension; text — valid UTF-8
/// without NUL bytes), at most 10 МБ.
/// </summary>
public static class LessonFileRules
{
    public const long MaxFileBytes = 10 * 1024 * 1024;

    /// <summary>The largest upload request: the files together up to the limit, plus the form's other fields.</summary>
    public const long MaxRequestBytes = MaxFileBytes + (256 * 1024);

    public const int MaxFilesPerLesson = 20;

    public const string TooLarge = "Файл больше 10 МБ (все файлы одной загрузки вместе — тоже не больше 10 МБ). Сожмите файл или разделите его на части.";

    public const string NotAllowed = "Можно приложить PDF, DOCX, XLSX, PPTX, ODT, ODS, ODP, JPEG, PNG или TXT.";

    public const string Accept = ".pdf,.docx,.xlsx,.pptx,.odt,.ods,.odp,.jpg,.jpeg,.png,.txt";

    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];

    private sealed record FileType(string ContentType, byte[]? Magic, string[] Extensions);

    private static readonly FileType[] Types =
    [
        new("application/pdf", "%PDF-"u8.ToArray(), [".pdf"]),
        new("image/jpeg", [0xFF, 0xD8, 0xFF], [".jpg", ".jpeg"]),
        new("image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], [".png"]),
        new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", Zip, [".docx"]),
        new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Zip, [".xlsx"]),
        new("application/vnd.openxmlformats-officedocument.presentationml.presentation", Zip, [".pptx"]),
        new("application/vnd.oasis.opendocument.text", Zip, [".odt"]),
        new("application/vnd.oasis.opendocument.spreadsheet", Zip, [".ods"]),
        new("application/vnd.oasis.opendocument.presentation", Zip, [".odp"]),
        new("text/plain; charset=utf-8", null, [".txt"]),
    ];

    /// <summary>How many first bytes <see cref="RecogniseAsync"/> needs.</summary>
    public const int HeaderLength = 8;

    /// <summary>
    /// The content type of a file whose content and extension agree; otherwise null and the reason in Russian. A text
    /// file is read to its end (it is at most the size limit).
    /// </summary>
    public static async Task<(string? ContentType, string? Problem)> RecogniseAsync(Stream content, string fileName, CancellationToken ct)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var type = Types.FirstOrDefault(t => t.Extensions.Contains(extension));
        if (type is null)
            return (null, $"{NotAllowed} У файла «{Common.Files.FileNames.Display(fileName, "")}» другое расширение.");
        var header = new byte[HeaderLength];
        var length = await content.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, ct);
        content.Position = 0;
        if (type.Magic is { } magic)
        {
            return header.AsSpan(0, length).StartsWith(magic)
                ? (type.ContentType, null)
                : (null, $"Содержимое файла «{Common.Files.FileNames.Display(fileName, "")}» не совпадает с расширением «{extension}». {NotAllowed}");
        }

        var text = await IsUtf8TextAsync(content, ct);
        content.Position = 0;
        return text ? (type.ContentType, null) : (null, $"Файл «{Common.Files.FileNames.Display(fileName, "")}» — не текст в кодировке UTF-8. Сохраните его как «Текст (UTF-8)».");
    }

    /// <summary>Valid UTF-8 without NUL bytes (a binary file renamed to .txt has them).</summary>
    private static async Task<bool> IsUtf8TextAsync(Stream content, CancellationToken ct)
    {
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[81920];
        var chars = new char[81920 + 4];
        int read;
        try
        {
            while ((read = await content.ReadAsync(bytes, ct)) > 0)
            {
                if (bytes.AsSpan(0, read).Contains((byte)0))
                    return false;
                decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
            }

            decoder.GetChars([], 0, 0, chars, 0, flush: true);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    public static string DisplaySize(long bytes) => Common.Files.FileNames.DisplaySize(bytes);

    public static string Title(this LessonFilePurpose purpose) => purpose == LessonFilePurpose.Homework ? "к домашнему заданию" : "материал урока";
}
