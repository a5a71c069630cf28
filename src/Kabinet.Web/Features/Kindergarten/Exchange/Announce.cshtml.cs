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

/// <summary>
/// The announcement of one application: publish the place the child holds, change the wanted kindergartens and
/// the comment, or take it down. Only the family that sees the application manages it.
/// </summary>
[Authorize]
public sealed class AnnounceModel(KabinetDbContext db, ParentApplications applications, ExchangeBoard board, InstitutionDirectory institutions, TimeProvider time) : PageModel
{
    public QueueApplication Application { get; private set; } = null!;

    public HeldPlace? Place { get; private set; }

    public string PlaceKindergarten { get; private set; } = "";

    public ExchangeAnnouncement? Announcement { get; private set; }

    public IReadOnlyList<NamedItem> Kindergartens { get; private set; } = [];

    [BindProperty]
    public List<int> Wanted { get; set; } = [];

    [BindProperty]
    public string? Comment { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        if (Announcement is { } a)
        {
            Wanted = [.. a.Wishes.OrderBy(w => w.Position).Select(w => w.OrganisationId)];
            Comment = a.Comment;
            Version = a.Version;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        ModelState.Clear();
        if (Place is not { } place)
        {
            ModelState.AddModelError(nameof(Place), "Объявление можно опубликовать, только когда у ребёнка есть место: направление в детский сад или зачисление.");
            return Page();
        }

        var wanted = Wanted.Where(w => w != 0).ToList();
        Comment = string.IsNullOrWhiteSpace(Comment) ? null : Comment.Trim();
        if (wanted.Count == 0)
            ModelState.AddModelError(nameof(Wanted), "Выберите хотя бы один детский сад, в который хотите перейти.");
        else if (wanted.Count > ExchangeAnnouncement.MaxWanted)
            ModelState.AddModelError(nameof(Wanted), $"Можно выбрать не больше {ExchangeAnnouncement.MaxWanted} детских садов.");
        else if (wanted.Distinct().Count() != wanted.Count)
            ModelState.AddModelError(nameof(Wanted), "Каждый детский сад можно выбрать один раз.");
        else
        {
            var municipalities = await institutions.KindergartenMunicipalitiesAsync(wanted, ct);
            if (wanted.Any(w => !municipalities.TryGetValue(w, out var m) || m != place.MunicipalityId))
                ModelState.AddModelError(nameof(Wanted), "Выберите детские сады из списка: обмен возможен только внутри вашего муниципалитета.");
        }

        if (Comment?.Length > ExchangeAnnouncement.MaxCommentLength)
            ModelState.AddModelError(nameof(Comment), $"Комментарий — не длиннее {ExchangeAnnouncement.MaxCommentLength} символов.");
        if (!ModelState.IsValid)
            return Page();

        var now = time.GetUtcNow().UtcDateTime;
        var announcement = Announcement;
        if (announcement is null)
        {
            announcement = new ExchangeAnnouncement
            {
                ApplicationId = id, MunicipalityId = place.MunicipalityId, OrganisationId = place.Group.OrganisationId,
                KindergartenGroupId = place.Group.GroupId, CreatedAt = now, UpdatedAt = now,
            };
            db.ExchangeAnnouncements.Add(announcement);
        }
        else if (announcement.Version != Version)
        {
            return Changed(id);
        }
        else
        {
            db.Entry(announcement).Property(a => a.Version).OriginalValue = Version;
            // The place offered is the one held now (it changes only with an exchange or a new referral).
            announcement.OrganisationId = place.Group.OrganisationId;
            announcement.KindergartenGroupId = place.Group.GroupId;
            announcement.Wishes.Clear();
            announcement.Touch(now);
        }

        announcement.Comment = Comment;
        for (var i = 0; i < wanted.Count; i++)
            announcement.Wishes.Add(new AnnouncementWish { Position = i + 1, OrganisationId = wanted[i] });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is DbUpdateConcurrencyException or DbUpdateException)
        {
            return Changed(id); // someone changed or published it at the same moment
        }

        var invited = await board.InviteCyclesAsync(place.MunicipalityId, ct);
        TempData["Status"] = (Announcement is null ? "Объявление опубликовано." : "Объявление сохранено.")
            + (invited.Count > 0 ? " Кабинет нашёл подходящий обмен — подтвердите его или откажитесь на странице «Обмен местами»." : "");
        return Redirect($"/kindergarten/{id}/exchange");
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        try
        {
            TempData["Status"] = Announcement is { } a && await board.WithdrawAsync(a, KabinetClaims.AccountIdOf(User), ct)
                ? "Объявление снято. Предложенные обмены с ним не состоятся."
                : "Объявление уже снято.";
        }
        catch (DbUpdateConcurrencyException)
        {
            return Changed(id);
        }

        return Redirect($"/kindergarten/{id}/exchange");
    }

    private RedirectResult Changed(int id)
    {
        TempData["Status"] = "Объявление только что изменилось. Проверьте его и повторите.";
        return Redirect($"/kindergarten/{id}/exchange");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await applications.FindAsync(KabinetClaims.PersonIdOf(User), id, ct) is not { } application)
            return false;
        Application = application;
        Place = await board.HeldAsync(application, ct);
        Announcement = await db.ExchangeAnnouncements.Include(a => a.Wishes)
            .FirstOrDefaultAsync(a => a.ApplicationId == id && a.Status == AnnouncementStatus.Active, ct);
        if (Place is { } place)
        {
            PlaceKindergarten = (await institutions.NamesAsync([place.Group.OrganisationId], [], ct)).Organisations.GetValueOrDefault(place.Group.OrganisationId, "");
            Kindergartens = await institutions.KindergartensInAsync(place.MunicipalityId, ct);
        }

        return true;
    }
}
