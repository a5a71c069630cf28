using Kabinet.Web.Common.Files;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.CollegeAdmission.Mine;

/// <summary>A scan of an application, for its applicant or the college's admissions office; anyone else gets «not found».</summary>
[Authorize]
public sealed class DownloadModel(KabinetDbContext db, CollegeApplications applications, FileStore files) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, int documentId, CancellationToken ct)
    {
        var colleges = KabinetClaims.OrganisationsOf(User, PortalRole.OrganisationAdmin).ToList();
        var mine = applications.VisibleTo(KabinetClaims.AccountIdOf(User), KabinetClaims.PersonIdOf(User)).Select(a => a.Id);
        var document = await db.CollegeDocuments.AsNoTracking()
            .Where(d => d.Id == documentId && d.ApplicationId == id)
            .Where(d => mine.Contains(d.ApplicationId) || db.CollegeApplications.Any(a => a.Id == d.ApplicationId && colleges.Contains(a.OrganisationId)))
            .FirstOrDefaultAsync(ct);
        if (document is null || files.PathOf(document.StorageKey) is not { } path)
            return NotFound();
        return PrivateDownload.Send(HttpContext, path, document.FileName, document.ContentType);
    }
}
