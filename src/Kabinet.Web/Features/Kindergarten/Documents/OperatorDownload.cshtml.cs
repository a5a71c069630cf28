using Kabinet.Web.Common.Files;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.Families;
using Kabinet.Web.Features.Kindergarten.Admin;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Kindergarten.Documents;

/// <summary>
/// An operator (their municipality) or a regional administrator downloads a scan; each download goes into the
/// family's «Кто просматривал данные моего ребёнка».
/// </summary>
[Authorize(Roles = AdminScope.Roles)]
public sealed class OperatorDownloadModel(KabinetDbContext db, ApplicationDocuments documents, FamilyDirectory families, TimeProvider time) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, int documentId, CancellationToken ct)
    {
        var child = await AdminScope.Applications(db, User).Where(a => a.Id == id).Select(a => (int?)a.ChildPersonId).FirstOrDefaultAsync(ct);
        if (child is null)
            return NotFound();
        if (await documents.FindAsync(id, documentId, ct) is not { } document || documents.PathOf(document) is not { } path)
            return NotFound();
        families.RecordView(KabinetClaims.AccountIdOf(User), child.Value, $"документ к заявлению в детский сад № {id}: {document.Kind.Title()}", time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return PrivateDownload.Send(HttpContext, path, document.FileName, document.ContentType);
    }
}
