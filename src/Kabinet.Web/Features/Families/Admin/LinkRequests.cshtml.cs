using System.ComponentModel.DataAnnotations;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Accounts;
using Kabinet.Web.Features.Institutions;
using Kabinet.Web.Features.Notifications;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Families.Admin;

public sealed record LinkRequestView(ChildLinkRequest Request, Person Child, string GuardianName, StudyPlace? Place);

/// <summary>
/// An organisation's administrator confirms or refuses parents' requests to be linked to its students, seeing
/// what the parent typed beside the student's record. Each such view of a child's data is logged.
/// </summary>
[Authorize(Roles = nameof(PortalRole.OrganisationAdmin))]
public sealed class LinkRequestsModel(KabinetDbContext db, InstitutionDirectory institutions, NotificationCentre notifications, TimeProvider time) : PageModel
{
    [BindProperty, StringLength(1000, ErrorMessage = "Комментарий не длиннее 1000 символов.")]
    public string? Comment { get; set; }

    public IReadOnlyList<LinkRequestView> Pending { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var organisations = KabinetClaims.OrganisationsOf(User, PortalRole.OrganisationAdmin);
        var requests = await db.ChildLinkRequests.AsNoTracking()
            .Where(r => organisations.Contains(r.OrganisationId) && r.Status == LinkRequestStatus.Pending)
            .OrderBy(r => r.CreatedAt)
            .Take(50)
            .ToListAsync(ct);
        var people = await db.People.AsNoTracking()
            .Where(p => requests.Select(r => r.ChildId).Contains(p.Id) || requests.Select(r => r.GuardianId).Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, ct);
        var places = await institutions.PlacesOfAsync([.. requests.Select(r => r.ChildId)], ct);
        Pending = [.. requests.Select(r => new LinkRequestView(r, people[r.ChildId], people[r.GuardianId].FullName, places.FirstOrDefault(p => p.PersonId == r.ChildId)))];

        var now = time.GetUtcNow().UtcDateTime;
        var actor = KabinetClaims.AccountIdOf(User);
        foreach (var view in Pending)
            db.PersonalDataAccess.Add(new PersonalDataAccess { ActorAccountId = actor, SubjectPersonId = view.Child.Id, Action = "view", What = "данные для подтверждения связи с родителем", At = now });
        await db.SaveChangesAsync(ct);
    }

    public Task<IActionResult> OnPostApproveAsync(int id, CancellationToken ct) => DecideAsync(id, approve: true, ct);

    public Task<IActionResult> OnPostRejectAsync(int id, CancellationToken ct) => DecideAsync(id, approve: false, ct);

    private async Task<IActionResult> DecideAsync(int id, bool approve, CancellationToken ct)
    {
        var organisations = KabinetClaims.OrganisationsOf(User, PortalRole.OrganisationAdmin);
        var request = await db.ChildLinkRequests.FirstOrDefaultAsync(r => r.Id == id && organisations.Contains(r.OrganisationId), ct);
        if (request is null)
            return NotFound(); // not this administrator's organisation, or no such request
        if (!approve && string.IsNullOrWhiteSpace(Comment))
        {
            TempData["Status"] = "Напишите, почему отказано: родитель увидит этот комментарий.";
            return RedirectToPage();
        }

        if (Comment?.Trim().Length > 1000)
        {
            TempData["Status"] = "Комментарий не длиннее 1000 символов — решение не принято, сократите его.";
            return RedirectToPage();
        }

        if (request.Status != LinkRequestStatus.Pending)
        {
            TempData["Status"] = "По этому запросу уже принято решение.";
            return RedirectToPage();
        }

        var now = time.GetUtcNow().UtcDateTime;
        request.Decide(approve, KabinetClaims.AccountIdOf(User), string.IsNullOrWhiteSpace(Comment) ? null : Comment.Trim(), now);
        if (approve && !await db.FamilyLinks.AnyAsync(l => l.GuardianId == request.GuardianId && l.ChildId == request.ChildId, ct))
            db.FamilyLinks.Add(new FamilyLink { GuardianId = request.GuardianId, ChildId = request.ChildId, Relation = request.Relation });

        await notifications.NotifyAsync(
            request.RequestedByAccountId,
            NotificationKinds.ChildLink,
            approve ? "Ребёнок добавлен в ваш кабинет" : "Связь с ребёнком не подтверждена",
            approve
                ? $"Образовательная организация подтвердила, что {request.TypedFullName} — ваш ребёнок."
                : $"Образовательная организация не подтвердила связь с ребёнком {request.TypedFullName}.{(request.Comment is null ? "" : $" Комментарий: «{request.Comment}».")} Проверьте данные свидетельства и добавьте ребёнка снова.",
            approve ? "/children" : "/children/add",
            ct);

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Status"] = "По этому запросу уже принято решение.";
            return RedirectToPage();
        }

        TempData["Status"] = approve ? "Связь подтверждена, родитель получит уведомление." : "Запрос отклонён, родитель получит уведомление с комментарием.";
        return RedirectToPage();
    }
}
