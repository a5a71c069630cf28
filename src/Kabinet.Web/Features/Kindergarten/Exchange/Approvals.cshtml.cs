using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.Families;
using Kabinet.Web.Features.Institutions;
using Kabinet.Web.Features.Kindergarten.Admin;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Kindergarten.Exchange;

/// <summary>One participant as the operator sees it: the application, the child, the place given and the place received.</summary>
public sealed record OperatorParticipantView(ExchangeParticipant Participant, string Child, string Gives, string Receives);

/// <summary>
/// Exchanges of places all families confirmed, waiting for the operator of their municipality (a regional
/// administrator sees all): approve — the places swap at once — or refuse with a reason the families see.
/// </summary>
[Authorize(Roles = AdminScope.Roles)]
public sealed class ApprovalsModel(KabinetDbContext db, ExchangeBoard board, ExchangeApproval approval, FamilyDirectory families, InstitutionDirectory institutions) : PageModel
{
    public IReadOnlyList<(PlaceExchange Exchange, IReadOnlyList<OperatorParticipantView> Participants)> Waiting { get; private set; } = [];

    public IReadOnlyDictionary<int, string> MunicipalityNames { get; private set; } = new Dictionary<int, string>();

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public int Version { get; set; }

    /// <summary>The exchange whose refusal form has a problem to show.</summary>
    public int? RefuseTarget { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(ct);

    public async Task<IActionResult> OnPostApproveAsync(int exchange, CancellationToken ct)
    {
        if (!await CoversAsync(exchange, ct))
            return NotFound();
        var result = await approval.ApproveAsync(exchange, Version, KabinetClaims.AccountIdOf(User), ct);
        TempData["Status"] = result.Outcome switch
        {
            ApprovalOutcome.Approved => $"Обмен № {exchange} одобрен: места переданы, семьи получили уведомления.",
            ApprovalOutcome.Cancelled => $"Обмен № {exchange} нельзя провести и он отменён. {result.Message} Семьи получили уведомления.",
            _ => $"Обмен № {exchange} только что изменился или уже рассмотрен. Проверьте список и повторите.",
        };
        return Redirect("/operator/kindergarten/exchanges");
    }

    public async Task<IActionResult> OnPostRefuseAsync(int exchange, CancellationToken ct)
    {
        if (!await CoversAsync(exchange, ct))
            return NotFound();
        ModelState.Clear();
        Reason = string.IsNullOrWhiteSpace(Reason) ? null : Reason.Trim();
        var field = $"reason-{exchange}";
        if (Reason is null)
            ModelState.AddModelError(field, "Укажите причину отказа: её увидят семьи.");
        else if (Reason.Length > PlaceExchange.MaxReasonLength)
            ModelState.AddModelError(field, $"Причина — не длиннее {PlaceExchange.MaxReasonLength} символов.");
        if (!ModelState.IsValid)
        {
            RefuseTarget = exchange;
            return await ShowAsync(ct);
        }

        var tracked = await db.PlaceExchanges.Include(e => e.Participants).Include(e => e.History).AsSplitQuery().FirstAsync(e => e.Id == exchange, ct);
        try
        {
            TempData["Status"] = tracked.Version == Version && await approval.RefuseAsync(tracked, Reason!, KabinetClaims.AccountIdOf(User), ct)
                ? $"В обмене № {exchange} отказано. Семьи получили уведомления с причиной."
                : $"Обмен № {exchange} только что изменился или уже рассмотрен. Проверьте список и повторите.";
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Status"] = $"Обмен № {exchange} только что изменился. Проверьте список и повторите.";
        }

        return Redirect("/operator/kindergarten/exchanges");
    }

    private async Task<bool> CoversAsync(int exchange, CancellationToken ct)
    {
        var municipality = await db.PlaceExchanges.AsNoTracking().Where(e => e.Id == exchange).Select(e => (int?)e.MunicipalityId).FirstOrDefaultAsync(ct);
        return municipality is { } m && AdminScope.Covers(User, m);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        var query = db.PlaceExchanges.AsNoTracking().Include(e => e.Participants).Where(e => e.Status == ExchangeStatus.AwaitingOperator);
        if (AdminScope.MunicipalitiesOf(User) is { } mine)
            query = query.Where(e => mine.Contains(e.MunicipalityId));
        var exchanges = await query.OrderBy(e => e.UpdatedAt).ThenBy(e => e.Id).Take(200).ToListAsync(ct);
        var participants = exchanges.SelectMany(e => e.Participants).ToList();
        var texts = await board.PlaceTextsAsync(participants, ct);
        var ids = participants.Select(p => p.ApplicationId).ToList();
        var childOf = await db.QueueApplications.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.ChildPersonId, ct);
        var names = await families.NamesAsync(childOf.Values, ct);
        MunicipalityNames = (await institutions.MunicipalitiesAsync(ct)).ToDictionary(m => m.Id, m => m.Name);
        Waiting = [.. exchanges.Select(e => (e, (IReadOnlyList<OperatorParticipantView>)[.. e.Ordered().Select((p, i) => new OperatorParticipantView(
            p, names.GetValueOrDefault(childOf.GetValueOrDefault(p.ApplicationId), ""), texts[p.Id], texts[e.GiverTo(i).Id]))]))];
        return Page();
    }
}
