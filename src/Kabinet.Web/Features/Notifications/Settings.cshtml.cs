using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Notifications;

/// <summary>Per kind of notification: in the centre, by e-mail, both or neither.</summary>
public sealed class SettingsModel(KabinetDbContext db) : PageModel
{
    public IReadOnlyList<(NotificationKinds.KindInfo Kind, bool InApp, bool Email)> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var accountId = KabinetClaims.AccountIdOf(User);
        var saved = await db.NotificationPreferences.AsNoTracking().Where(p => p.AccountId == accountId).ToDictionaryAsync(p => p.Kind, ct);
        Rows = [.. NotificationKinds.All.Select(k => saved.TryGetValue(k.Kind, out var p) ? (k, p.InApp, p.Email) : (k, !k.EmailOnly, k.EmailByDefault))];
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var accountId = KabinetClaims.AccountIdOf(User);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SerializeAsync($"preferences:{accountId}", ct);
        var saved = await db.NotificationPreferences.Where(p => p.AccountId == accountId).ToDictionaryAsync(p => p.Kind, ct);
        foreach (var kind in NotificationKinds.All)
        {
            var inApp = !kind.EmailOnly && Request.Form[$"inapp:{kind.Kind}"] == "true";
            var email = Request.Form[$"email:{kind.Kind}"] == "true";
            if (!saved.TryGetValue(kind.Kind, out var preference))
            {
                preference = new NotificationPreference { AccountId = accountId, Kind = kind.Kind };
                db.NotificationPreferences.Add(preference);
            }

            preference.InApp = inApp;
            preference.Email = email;
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        TempData["Status"] = "Настройки уведомлений сохранены.";
        return RedirectToPage();
    }
}
