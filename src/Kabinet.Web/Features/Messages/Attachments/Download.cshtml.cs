using Kabinet.Web.Common.Files;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Messages.Attachments;

/// <summary>
/// A file of a message, for the thread's participants only (anyone else: «not found»): always an attachment, the
/// type found in the content, not sniffed, not cached anywhere between.
/// </summary>
[Authorize]
public sealed class DownloadModel(KabinetDbContext db, FileStore files) : PageModel
{
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var me = KabinetClaims.PersonIdOf(User);
        var attachment = await db.MessageAttachments.AsNoTracking().Where(a => a.Id == id)
            .Join(db.ThreadParticipants.Where(p => p.PersonId == me), a => a.ThreadId, p => p.ThreadId, (a, p) => a)
            .FirstOrDefaultAsync(ct);
        if (attachment is null || files.PathOf(attachment.StorageKey) is not { } path)
            return NotFound();
        return PrivateDownload.Send(HttpContext, path, attachment.FileName, attachment.ContentType);
    }
}
