using Kabinet.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kabinet.Web.Features.Diary.Journal;

/// <summary>The teacher's journals: the classes and subjects they teach this year, and the lessons they give as a replacement.</summary>
[Authorize(Roles = nameof(PortalRole.Teacher))]
public sealed class IndexModel(JournalAccess access) : PageModel
{
    public IReadOnlyList<TeacherClass> Classes { get; private set; } = [];

    public IReadOnlyList<ReplacementLesson> Replacements { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => (Classes, Replacements) = await access.OverviewAsync(User, ct);
}
