namespace Kabinet.Web.Features.Enrollment.Submit;

/// <summary>A scan is a PDF, JPEG or PNG by its content and its extension alike, at most 10 МБ.</summary>
public static class ScanRules
{
    public const long MaxFileBytes = 10 * 1024 * 1024;

    /// <summary>The largest form: five scans at the limit and the fields.</summary>
    public const long MaxRequestBytes = (5 * MaxFileBytes) + (256 * 1024);

    public const string Accept = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png";

    private static readonly (string ContentType, byte[] Magic, string[] Extensions)[] Types =
    [
        ("application/pdf", "%PDF-"u8.ToArray(), [".pdf"]),
        ("image/jpeg", [0xFF, 0xD8, 0xFF], [".jpg", ".jpeg"]),
        ("image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], [".png"]),
    ];

    /// <summary>The content type when the first bytes and the extension agree on one of the three; otherwise null.</summary>
    public static string? Recognise(ReadOnlySpan<byte> header, string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        foreach (var (contentType, magic, extensions) in Types)
        {
            if (header.StartsWith(magic))
                return extensions.Contains(extension) ? contentType : null;
        }

        return null;
    }

    public static string Extension(string contentType) => Types.First(t => t.ContentType == contentType).Extensions[0];
}
