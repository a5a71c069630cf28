using Kabinet.Web.Common.Security;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Kabinet.Web.Features.Accounts.Recovery;

[AllowAnonymous]
[EnableRateLimiting(KabinetRateLimits.Recovery)]
public sealed class RecoverModel(RequestRecovery recovery) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Введите логин или адрес электронной почты.")]
    [StringLength(256, ErrorMessage = "Не длиннее 256 символов.")]
    public string LoginOrEmail { get; set; } = "";

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
            return Page();
        await recovery.HandleAsync(LoginOrEmail, HttpContext.Connection.RemoteIpAddress?.ToString(), ct);
        Sent = true;
        return Page();
    }
}
