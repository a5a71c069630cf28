namespace Kabinet.Web.Common.Files;

/// <summary>
/// What a scanned document may be, wherever one is uploaded (kindergarten, school, college, ПФДО): PDF, JPEG or PNG by
/// its content and by its extension alike, at most 10 МБ.
/// </summary>
public static class ScanFiles
{
    public const long MaxFileBytes = 10 * 1024 * 1024;

    public const string TooLarge = "Файл больше 10 МБ. Отсканируйте документ с меньшим разрешением или сожмите его и загрузите снова.";

    public const string NotAllowed = "Можно приложить только PDF, JPEG или PNG.";

    public const string Accept = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png";

    /// <summary>How many first bytes <see cref="Recognise"/> needs.</summary>
    public const int HeaderLength = 8;

    /// <summary>The signatures a file must start with: %PDF-, FF D8 FF, and the PNG signature.</summary>
    private static readonly (string ContentType, byte[] Magic, string[] Extensions)[] Types =
    [
        ("application/pdf", "%PDF-"u8.ToArray(), [".pdf"]),
        ("image/jpeg", [0xFF, 0xD8, 0xFF], [".jpg", ".jpeg"]),
        ("image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], [".png"]),
    ];

    /// <summary>The content type of a file whose content and extension agree; otherwise null and the reason in Russian.</summary>
    public static string? Recognise(ReadOnlySpan<byte> header, string fileName, out string? problem)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var byExtension = Types.FirstOrDefault(t => t.Extensions.Contains(extension));
        (string ContentType, byte[] Magic, string[] Extensions) byContent = default;
        foreach (var type in Types)
        {
            if (header.StartsWith(type.Magic))
                byContent = type;
        }

        if (byContent.ContentType is null)
        {
            problem = $"{NotAllowed} Этот файл не является ни одним из них — сохраните документ в одном из этих форматов.";
            return null;
        }

        if (byExtension.ContentType is null)
        {
            problem = $"{NotAllowed} У файла должно быть расширение .pdf, .jpg, .jpeg или .png.";
            return null;
        }

        if (byExtension.ContentType != byContent.ContentType)
        {
            problem = $"Содержимое файла не совпадает с расширением «{extension}»: это {Short(byContent.ContentType)}, а не {Short(byExtension.ContentType)}. Сохраните файл с правильным расширением.";
            return null;
        }

        problem = null;
        return byContent.ContentType;
    }

    /// <summary>The first bytes of an upload, enough for <see cref="Recognise"/>.</summary>
    public static async Task<byte[]> HeaderAsync(IFormFile file, CancellationToken ct)
    {
        var header = new byte[HeaderLength];
        await using var stream = file.OpenReadStream();
        var read = await stream.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, ct);
        return header[..read];
    }

    /// <summary>The usual extension of one of the three content types.</summary>
    public static string Extension(string contentType) => Types.First(t => t.ContentType == contentType).Extensions[0];

    /// <summary>The name as shown and offered for download (never used in a path).</summary>
    public static string DisplayName(string? original, string contentType) => FileNames.Display(original, Extension(contentType));

    private static string Short(string contentType) => contentType switch
    {
        "application/pdf" => "PDF",
        "image/jpeg" => "JPEG",
        _ => "PNG",
    };
}
