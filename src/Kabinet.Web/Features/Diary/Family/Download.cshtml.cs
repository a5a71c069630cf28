using Kabinet.Web.Common.Files;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

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
        return PrivateDownload.Send(HttpContext, path, file.FileName, file.ContentType);
    }
}
