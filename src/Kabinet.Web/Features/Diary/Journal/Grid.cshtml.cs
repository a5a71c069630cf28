using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.Institutions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kabinet.Web.Features.Diary.Journal;

/// <summary>The journal of a class in a subject for a study period: students × lessons with marks and attendance, averages and period marks.</summary>
[Authorize(Roles = nameof(PortalRole.Teacher))]
public sealed class GridModel(JournalAccess access, JournalData data) : PageModel
{
    public JournalScope Scope { get; private set; } = null!;

    public JournalSheet Sheet { get; private set; } = null!;

    [BindProperty(SupportsGet = true, Name = "period")]
    public int? Period { get; set; }

    public async Task<IActionResult> OnGetAsync(int classGroupId, int subjectId, CancellationToken ct)
    {
        if (await access.OpenAsync(User, classGroupId, subjectId, ct) is not { Assigned: true } scope || JournalData.TermOf(scope, Period) is not { } term)
            return NotFound();
        Scope = scope;
        Sheet = await data.SheetAsync(scope, term, ct);
        return Page();
    }

    public IReadOnlyList<SchoolTerm> Terms => Scope.Year.Terms;
}
