using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Kabinet.Web.Common.Files;

/// <summary>
/// A stored file sent to the one person allowed to have it: always an attachment (never shown inline as the site's
/// own content), the type found in its content, not sniffed, not cached anywhere between.
/// </summary>
public static class PrivateDownload
{
    public static IActionResult Send(HttpContext http, string path, string fileName, string contentType)
    {
        var headers = http.Response.Headers;
        headers.CacheControl = "no-store";
        headers.Pragma = "no-cache";
        headers.XContentTypeOptions = "nosniff";
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        headers.ContentDisposition = disposition.ToString();
        return new PhysicalFileResult(path, contentType);
    }
}
