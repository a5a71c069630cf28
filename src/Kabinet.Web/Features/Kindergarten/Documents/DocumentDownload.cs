using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Kabinet.Web.Features.Kindergarten.Documents;

/// <summary>
/// A scan sent as a download: always an attachment (never shown inline as the site's own content), the type found
/// in the content, not sniffed, not cached anywhere between.
/// </summary>
internal static class DocumentDownload
{
    public static IActionResult Send(HttpContext http, ApplicationDocument document, string path)
    {
        var headers = http.Response.Headers;
        headers.CacheControl = "no-store";
        headers.Pragma = "no-cache";
        headers.XContentTypeOptions = "nosniff";
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(document.FileName);
        headers.ContentDisposition = disposition.ToString();
        return new PhysicalFileResult(path, document.ContentType);
    }
}
