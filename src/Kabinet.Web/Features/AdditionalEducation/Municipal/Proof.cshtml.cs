using Kabinet.Web.Common.Files;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.Families;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.AdditionalEducation.Municipal;

/// <summary>The operator downloads the scan proving residence: always an attachment, never cached; the download is logged for the family.</summary>
[Authorize(Roles = OperatorScope.Roles)]
public sealed class ProofModel(KabinetDbContext db, FileStore files, FamilyDirectory families, TimeProvider time) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var proof = await OperatorScope.Applications(db, User).AsNoTracking().Where(a => a.Id == id && a.ProofStorageKey != null)
            .Select(a => new { a.ChildPersonId, a.ProofStorageKey, a.ProofFileName, a.ProofContentType }).FirstOrDefaultAsync(ct);
        if (proof is null || files.PathOf(proof.ProofStorageKey!) is not { } path)
            return NotFound();
        families.RecordView(KabinetClaims.AccountIdOf(User), proof.ChildPersonId, $"скан к заявлению на сертификат ПФДО-{id:000000}", time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return PrivateDownload.Send(HttpContext, path, proof.ProofFileName!, proof.ProofContentType!);
    }
}
