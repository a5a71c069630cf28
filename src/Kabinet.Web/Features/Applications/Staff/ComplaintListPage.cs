using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kabinet.Web.Features.Applications.Staff;

/// <summary>A staff list of complaints (an organisation's, a municipality's): the two pages differ only in scope and links.</summary>
public abstract class ComplaintListPage(ComplaintDesk desk) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "overdue")]
    public bool OnlyOverdue { get; set; }

    public IReadOnlyList<ComplaintRow> Rows { get; private set; } = [];

    public int AnswerDays => desk.AnswerDays;

    public string Heading { get; protected set; } = "";

    /// <summary>This list's own address, for the filter.</summary>
    public abstract string ListLink { get; }

    public abstract string LinkOf(ComplaintRow row);

    /// <summary>The complaints the user may see here, or null (404).</summary>
    protected abstract Task<IQueryable<Complaint>?> ScopeAsync(CancellationToken ct);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await ScopeAsync(ct) is not { } scope)
            return NotFound();
        Rows = await desk.ListAsync(scope, OnlyOverdue, ct);
        return Page();
    }
}
