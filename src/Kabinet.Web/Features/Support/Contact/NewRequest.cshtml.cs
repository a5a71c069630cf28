using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Kabinet.Web.Common.Email;
using Kabinet.Web.Common.Security;
using Kabinet.Web.Common.Text;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Kabinet.Web.Features.Support.Contact;

/// <summary>«Напишите в техническую поддержку»: open to everyone, because people write exactly when they cannot sign in.</summary>
[AllowAnonymous]
[EnableRateLimiting(KabinetRateLimits.LetterForms)]
public sealed class NewRequestModel(KabinetDbContext db, Outbox outbox, TimeProvider time) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Напишите, как к вам обращаться.")]
    [StringLength(200, ErrorMessage = "Не длиннее 200 символов.")]
    public string AuthorName { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Укажите адрес электронной почты для ответа.")]
    [StringLength(254, ErrorMessage = "Адрес не длиннее 254 символов.")]
    public string ContactEmail { get; set; } = "";

    [BindProperty]
    [StringLength(256, ErrorMessage = "Логин не длиннее 256 символов.")]
    public string? Login { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Опишите, что случилось.")]
    [StringLength(SupportRequest.MaxText, ErrorMessage = "Текст не длиннее 4000 символов.")]
    public string Text { get; set; } = "";

    [TempData]
    public int? CreatedNumber { get; set; }

    public void OnGet()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            AuthorName = KabinetClaims.FullNameOf(User) ?? "";
            Login = User.Identity.Name;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var email = ContactFormats.Email(ContactEmail);
        if (email is null && !string.IsNullOrWhiteSpace(ContactEmail) && (ModelState[nameof(ContactEmail)]?.Errors.Count ?? 0) == 0)
            ModelState.AddModelError(nameof(ContactEmail), "Укажите адрес электронной почты, например ivanova@mail.ru.");
        if (!ModelState.IsValid)
            return Page();

        var request = new SupportRequest
        {
            AuthorName = AuthorName.Trim(),
            ContactEmail = email!,
            AccountId = int.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var accountId) ? accountId : null,
            Login = string.IsNullOrWhiteSpace(Login) ? null : Login.Trim(),
            Text = Text.Trim(),
            CreatedAt = time.GetUtcNow().UtcDateTime,
            IpAddress = HttpContext.Connection.RemoteIpAddress?.ToString(),
        };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.SupportRequests.Add(request);
        await db.SaveChangesAsync(ct); // the number comes from the database

        outbox.Enqueue(new EmailMessage("support-received", request.ContactEmail, request.AuthorName, $"Kabinet: обращение № {request.Id} принято",
            $"""
            Здравствуйте, {request.AuthorName}!

            Мы получили ваше обращение № {request.Id} и ответим на этот адрес.

            Если вы не писали в поддержку Kabinet, просто удалите это письмо.

            Техническая поддержка Kabinet
            """));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        CreatedNumber = request.Id;
        return RedirectToPage("/Support/Contact/Sent");
    }
}
