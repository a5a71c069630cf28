namespace Kabinet.Web.Features.Kindergarten.Documents;

/// <summary>The kindergarten's own limits on scans; what a scan may be is <see cref="Common.Files.ScanFiles"/>.</summary>
public static class DocumentRules
{
    public const int MaxPerApplication = 20;

    /// <summary>The largest request the upload form may send: one file at the limit plus the form's other fields and boundaries.</summary>
    public const long MaxRequestBytes = Common.Files.ScanFiles.MaxFileBytes + (256 * 1024);

    public const int MaxFileNameLength = Common.Files.FileNames.MaxLength;
}
