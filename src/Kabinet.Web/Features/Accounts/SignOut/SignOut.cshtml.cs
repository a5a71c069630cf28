using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kabinet.Web.Features.Accounts.SignOut;

/// <summary>Sign-out is a POST with an anti-forgery token; a GET (an old link) asks to confirm.</summary>
public sealed class SignOutModel(Sessions.AccountSessions sessions) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await sessions.SignOutAsync(HttpContext);
        return LocalRedirect("/");
    }
}
