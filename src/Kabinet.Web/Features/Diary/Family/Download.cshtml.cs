using Kabinet.Web.Common.Files;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;

namespace Kabinet.Web.Features.Diary.Family;

/// <summary>
/// A lesson file, downloaded by the students of its class, their parents, the class's teachers and the school's
/// administrators; for anyone else it does not exist. Always an attachment, never sniffed, never cached between.
/// </summary>
[Authorize]
public sealed class DownloadModel(FamilyDiary diary, FileStore files) : PageModel
{
    public async Task<IActionResult> OnGetAsync(long fileId, CancellationToken ct)
    {
        if (await diary.FileForAsync(User, fileId, ct) is not { } file || files.PathOf(file.StorageKey) is not { } path)
            return NotFound();
        var headers = Response.Headers;
        headers.CacheControl = "private, no-store";
        headers.XContentTypeOptions = "nosniff";
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(file.FileName);
        headers.ContentDisposition = disposition.ToString();
        return new PhysicalFileResult(path, file.ContentType);
    }
}
