using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.Institutions;
using Kabinet.Web.Features.Kindergarten.Mine;
using Kabinet.Web.Features.Kindergarten.Queue;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Kindergarten.Exchange;

/// <summary>One participant of an exchange as a family sees it: the place it gives, whether it is the family's own, whether it confirmed.</summary>
public sealed record ParticipantView(ExchangeParticipant Participant, string Gives, bool Mine);

/// <summary>An exchange as a family sees it: what it gives and receives, and whether it can still confirm or decline.</summary>
public sealed record FamilyExchangeView(PlaceExchange Exchange, IReadOnlyList<ParticipantView> Participants, bool CanConfirm, bool CanDecline)
{
    /// <summary>What the family's child (or children) would receive.</summary>
    public IEnumerable<string> Receives => Participants.Where(p => p.Mine).Select(p => Participants[(p.Participant.Position - 1 + Participants.Count) % Participants.Count].Gives);
}

/// <summary>
/// «Обмен местами»: the search of announcements (municipality, kindergarten, age group), the family's own
/// announcements and its exchanges with confirm and decline. Other families appear only by their place and wishes.
/// </summary>
[Authorize]
public sealed class IndexModel(KabinetDbContext db, ParentApplications applications, ExchangeBoard board, InstitutionDirectory institutions) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "municipality")]
    public int? MunicipalityId { get; set; }

    [BindProperty(SupportsGet = true, Name = "kindergarten")]
    public int? KindergartenId { get; set; }

    /// <summary>Full years: the groups that take children of this age.</summary>
    [BindProperty(SupportsGet = true, Name = "age")]
    public int? Age { get; set; }

    public IReadOnlyList<NamedItem> Municipalities { get; private set; } = [];

    public IReadOnlyList<NamedItem> Kindergartens { get; private set; } = [];

    public IReadOnlyList<ExchangeListing> Results { get; private set; } = [];

    /// <summary>The family's active announcements (in every municipality).</summary>
    public IReadOnlyList<ExchangeListing> Mine { get; private set; } = [];

    /// <summary>The family's applications that hold a place but have no announcement.</summary>
    public IReadOnlyList<int> CanAnnounce { get; private set; } = [];

    public IReadOnlyList<FamilyExchangeView> Exchanges { get; private set; } = [];

    /// <summary>The search result whose «propose» form has a problem to show.</summary>
    public int? ProposeTarget { get; private set; }

    public const int MaxAge = 7;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(await FamilyAsync(ct), ct);

    public async Task<IActionResult> OnPostProposeAsync(int target, int mine, CancellationToken ct)
    {
        var family = await FamilyAsync(ct);
        var (exchange, problem) = await board.ProposeAsync(mine, target, family, KabinetClaims.AccountIdOf(User), ct);
        if (exchange is null)
        {
            ModelState.Clear();
            ModelState.AddModelError($"mine-{target}", problem!);
            ProposeTarget = target;
            return await ShowAsync(family, ct);
        }

        TempData["Status"] = $"Обмен № {exchange.Id} предложен. Когда другая семья подтвердит его, он уйдёт на одобрение оператору.";
        return Redirect($"/kindergarten/exchange#exchange-{exchange.Id}");
    }

    public Task<IActionResult> OnPostConfirmAsync(int exchange, CancellationToken ct) => AnswerAsync(exchange, confirm: true, ct);

    public Task<IActionResult> OnPostDeclineAsync(int exchange, CancellationToken ct) => AnswerAsync(exchange, confirm: false, ct);

    private async Task<IActionResult> AnswerAsync(int id, bool confirm, CancellationToken ct)
    {
        var family = await FamilyAsync(ct);
        var exchange = await db.PlaceExchanges.Include(e => e.Participants).Include(e => e.History).AsSplitQuery()
            .FirstOrDefaultAsync(e => e.Id == id && e.Participants.Any(p => family.Contains(p.ApplicationId)), ct);
        if (exchange is null)
            return NotFound();
        var account = KabinetClaims.AccountIdOf(User);
        try
        {
            var done = confirm ? await board.ConfirmAsync(exchange, family, account, ct) : await board.DeclineAsync(exchange, family, account, ct);
            TempData["Status"] = !done
                ? "Этот обмен уже нельзя " + (confirm ? "подтвердить" : "отклонить") + ": проверьте его состояние."
                : confirm
                    ? exchange.Status == ExchangeStatus.AwaitingOperator
                        ? $"Обмен № {id} подтверждён всеми семьями и передан оператору управления образования."
                        : $"Вы подтвердили обмен № {id}. Ждём подтверждения других семей."
                    : $"Вы отказались от обмена № {id}. Ваше объявление остаётся опубликованным.";
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Status"] = "Обмен только что изменился. Проверьте его и повторите.";
        }

        return Redirect($"/kindergarten/exchange#exchange-{id}");
    }

    private async Task<List<int>> FamilyAsync(CancellationToken ct) =>
        await applications.VisibleTo(KabinetClaims.PersonIdOf(User)).Select(a => a.Id).ToListAsync(ct);

    private async Task<IActionResult> ShowAsync(List<int> family, CancellationToken ct)
    {
        Municipalities = await institutions.MunicipalitiesAsync(ct);
        var announcements = await db.ExchangeAnnouncements.AsNoTracking()
            .Where(a => family.Contains(a.ApplicationId) && a.Status == AnnouncementStatus.Active)
            .Select(a => new { a.Id, a.MunicipalityId }).ToListAsync(ct);
        var familyApplications = await db.QueueApplications.AsNoTracking().Where(a => family.Contains(a.Id) && (a.Status == ApplicationStatus.Referred || a.Status == ApplicationStatus.Enrolled))
            .Select(a => new ExchangeApplication(a.Id, a.Status, a.ChildPersonId, a.AdmissionYear, a.ChildBirthDate, a.Focus, a.Mode)).ToListAsync(ct);
        var held = await board.HeldAsync(familyApplications, ct);
        MunicipalityId ??= announcements.Select(a => (int?)a.MunicipalityId).FirstOrDefault() ?? held.Values.Select(h => (int?)h.MunicipalityId).FirstOrDefault()
            ?? (Municipalities.Count > 0 ? Municipalities[0].Id : null);
        if (MunicipalityId is { } municipality && Municipalities.Any(m => m.Id == municipality))
        {
            Kindergartens = await institutions.KindergartensInAsync(municipality, ct);
            var listings = await board.ListingsAsync(municipality, ct);
            Results = [.. listings.Where(l => !family.Contains(l.Application.Id)
                && (KindergartenId is not { } k || l.Announcement.OrganisationId == k)
                && (Age is not { } age || (l.Place.Group.AgeFromMonths < (age + 1) * 12 && l.Place.Group.AgeToMonths > age * 12)))];
        }

        var mine = new List<ExchangeListing>();
        foreach (var m in announcements.Select(a => a.MunicipalityId).Distinct())
            mine.AddRange((await board.ListingsAsync(m, ct)).Where(l => family.Contains(l.Application.Id)));
        Mine = mine;
        CanAnnounce = [.. held.Keys.Where(id => mine.All(l => l.Application.Id != id)).Order()];

        var exchanges = await db.PlaceExchanges.AsNoTracking().Include(e => e.Participants).Include(e => e.History).AsSplitQuery()
            .Where(e => e.Participants.Any(p => family.Contains(p.ApplicationId)))
            .OrderByDescending(e => e.Id).Take(30)
            .ToListAsync(ct);
        var texts = await board.PlaceTextsAsync(exchanges.SelectMany(e => e.Participants), ct);
        Exchanges = [.. exchanges
            .OrderBy(e => e.IsPending ? 0 : 1).ThenByDescending(e => e.Id)
            .Select(e =>
            {
                var participants = e.Participants.OrderBy(p => p.Position).Select(p => new ParticipantView(p, texts[p.Id], family.Contains(p.ApplicationId))).ToList();
                return new FamilyExchangeView(e, participants,
                    e.Status == ExchangeStatus.AwaitingConfirmations && participants.Any(p => p.Mine && p.Participant.ConfirmedAt is null),
                    e.IsPending);
            })];
        return Page();
    }
}
