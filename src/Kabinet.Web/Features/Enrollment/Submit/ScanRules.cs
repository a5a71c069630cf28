namespace Kabinet.Web.Features.Enrollment.Submit;

/// <summary>The school application form's limit; what each scan may be is <see cref="Common.Files.ScanFiles"/>.</summary>
public static class ScanRules
{
    /// <summary>The largest form: five scans at the limit and the fields.</summary>
    public const long MaxRequestBytes = (5 * Common.Files.ScanFiles.MaxFileBytes) + (256 * 1024);
}
