namespace Kabinet.Web.Features.Kindergarten.Documents;

/// <summary>What a scan may be: PDF, JPEG or PNG by its content and by its extension alike, at most 10 МБ, at most 20 per application.</summary>
public static class DocumentRules
{
    public const long MaxFileBytes = 10 * 1024 * 1024;

    public const int MaxPerApplication = 20;

    /// <summary>The largest request the upload form may send: one file at the limit plus the form's other fields and boundaries.</summary>
    public const long MaxRequestBytes = MaxFileBytes + (256 * 1024);

    public const int MaxFileNameLength = Common.Files.FileNames.MaxLength;

    public const string TooLarge = "Файл больше 10 МБ. Отсканируйте документ с меньшим разрешением или сожмите его и загрузите снова.";

    public const string NotAllowed = "Можно приложить только PDF, JPEG или PNG.";

    public const string Accept = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png";

    /// <summary>The signatures a file must start with: %PDF-, FF D8 FF, and the PNG signature.</summary>
    private static readonly (string ContentType, byte[] Magic, string[] Extensions)[] Types =
    [
        ("application/pdf", "%PDF-"u8.ToArray(), [".pdf"]),
        ("image/jpeg", [0xFF, 0xD8, 0xFF], [".jpg", ".jpeg"]),
        ("image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], [".png"]),
    ];

    /// <summary>How many first bytes <see cref="Recognise"/> needs.</summary>
    public const int HeaderLength = 8;

    /// <summary>
    /// The content type of a file whose content and extension agree; otherwise null and the reason in Russian.
    /// </summary>
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

    private static string Short(string contentType) => contentType switch
    {
        "application/pdf" => "PDF",
        "image/jpeg" => "JPEG",
        _ => "PNG",
    };

    /// <summary>The name as shown and offered for download (never used in a path).</summary>
    public static string DisplayName(string? original, string contentType) =>
        Common.Files.FileNames.Display(original, Types.First(t => t.ContentType == contentType).Extensions[0]);

    public static string DisplaySize(long bytes) => Common.Files.FileNames.DisplaySize(bytes);
}
