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
        if (Students.Count != 1)
            return Page();
        // The one diary at once; the note with its link is for clients that do not follow redirects (RFC 9110 §15.4).
        var only = Students[0];
        Response.Headers.Location = $"/diary/{only.PersonId}";
        return new ContentResult
        {
            StatusCode = StatusCodes.Status302Found,
            ContentType = "text/html; charset=utf-8",
            Content = $"<!DOCTYPE html><html lang=\"ru\"><title>Дневник</title><p>Дневник: <a href=\"/diary/{only.PersonId}\">{System.Net.WebUtility.HtmlEncode(only.Name)}</a></p></html>",
        };
    }
}
