using Kabinet.Web.Common.Files;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.Kindergarten.Mine;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Kindergarten.Documents;

/// <summary>A family downloads a scan attached to one of its applications; anyone else's application is «not found».</summary>
[Authorize]
public sealed class DownloadModel(ParentApplications applications, ApplicationDocuments documents) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, int documentId, CancellationToken ct)
    {
        var visible = applications.VisibleTo(KabinetClaims.PersonIdOf(User));
        if (!await visible.AnyAsync(a => a.Id == id, ct))
            return NotFound();
        if (await documents.FindAsync(id, documentId, ct) is not { } document || documents.PathOf(document) is not { } path)
            return NotFound();
        return PrivateDownload.Send(HttpContext, path, document.FileName, document.ContentType);
    }
}
