using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Kabinet.Web.Common.Email;
using Kabinet.Web.Common.Hosting;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Support.Admin;

/// <summary>One request: read it and answer it once; the answer goes to the requester by e-mail in the same transaction.</summary>
[Authorize(Policy = KabinetPolicies.RegionalAdmin)]
public sealed class RequestModel(KabinetDbContext db, Outbox outbox, PublicUrls urls, TimeProvider time) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Напишите ответ.")]
    [StringLength(SupportRequest.MaxText, ErrorMessage = "Ответ не длиннее 4000 символов.")]
    public string Answer { get; set; } = "";

    public SupportRequest Item { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await db.SupportRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) is not { } request)
            return NotFound();
        Item = request;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await db.SupportRequests.FirstOrDefaultAsync(r => r.Id == id, ct) is not { } request)
            return NotFound();
        Item = request;
        if (request.IsAnswered)
            ModelState.AddModelError(string.Empty, "На это обращение уже ответили.");
        if (!ModelState.IsValid)
            return Page();

        request.AnswerWith(Answer.Trim(), int.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!, System.Globalization.CultureInfo.InvariantCulture), time.GetUtcNow().UtcDateTime);
        outbox.Enqueue(new EmailMessage("support-answer", request.ContactEmail, request.AuthorName, $"Kabinet: ответ на обращение № {request.Id}",
            $"""
            Здравствуйте, {request.AuthorName}!

            {request.Answer}

            Ваше обращение № {request.Id}:
            {request.Text}

            Если вопрос остался, напишите снова: {urls.To("/support/new")}

            Техническая поддержка Kabinet
            """));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another administrator answered a moment earlier; theirs stands, this one is not sent.
            ModelState.AddModelError(string.Empty, "Пока вы писали, на обращение уже ответили.");
            db.ChangeTracker.Clear();
            Item = await db.SupportRequests.AsNoTracking().SingleAsync(r => r.Id == id, ct);
            return Page();
        }

        TempData["Status"] = $"Ответ на обращение № {request.Id} отправлен.";
        return Redirect("/admin/support");
    }
}
