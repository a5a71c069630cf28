using Kabinet.Web.Common.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kabinet.Web.Features.Diary.Family;

/// <summary>«Дневник»: the children (or the student themself) who study in a class or group now; with one, their diary at once.</summary>
[Authorize]
public sealed class IndexModel(FamilyDiary diary, TimeProvider time) : PageModel
{
    public IReadOnlyList<DiaryStudent> Students { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Students = await diary.StudentsOfAsync(User, time.Today(), ct);
        return Students.Count == 1 ? Redirect($"/diary/{Students[0].PersonId}") : Page();
    }
}
