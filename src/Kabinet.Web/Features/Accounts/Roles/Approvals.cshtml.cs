using System.ComponentModel.DataAnnotations;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Families;
using Kabinet.Web.Features.Institutions;
using Kabinet.Web.Features.Notifications;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Accounts.Roles;

public sealed record RoleRow<T>(T Item, string PersonName, string Login, string Scope);

/// <summary>
/// Approving role requests and revoking roles. An organisation's administrator decides on teachers of their
/// organisations; a regional administrator on organisation administrators and municipal operators. Every
/// grant and revocation is kept with who made it and when; the person is notified.
/// </summary>
[Authorize(Roles = $"{nameof(PortalRole.OrganisationAdmin)},{nameof(PortalRole.RegionalAdmin)}")]
public sealed class ApprovalsModel(KabinetDbContext db, FamilyDirectory families, InstitutionDirectory institutions, NotificationCentre notifications, TimeProvider time) : PageModel
{
    [BindProperty, StringLength(1000, ErrorMessage = "Комментарий не длиннее 1000 символов.")]
    public string? Comment { get; set; }

    public IReadOnlyList<RoleRow<RoleRequest>> Pending { get; private set; } = [];

    public IReadOnlyList<RoleRow<RoleGrant>> Granted { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var requests = await Scoped(db.RoleRequests.AsNoTracking()).Where(r => r.Status == RoleRequestStatus.Pending).OrderBy(r => r.CreatedAt).Take(100).ToListAsync(ct);
        var grants = await ScopedGrants(db.RoleGrants.AsNoTracking()).Where(g => g.RevokedAt == null).OrderByDescending(g => g.GrantedAt).Take(200).ToListAsync(ct);
        var accountIds = requests.Select(r => r.AccountId).Concat(grants.Select(g => g.AccountId)).Distinct().ToList();
        var owners = await db.Users.AsNoTracking().Where(a => accountIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var names = await families.NamesAsync(owners.Values.Select(o => o.PersonId), ct);
        var people = owners.Values.ToDictionary(o => o.Id, o => names.GetValueOrDefault(o.PersonId) ?? o.UserName!);
        var (orgs, muns) = await institutions.NamesAsync(
            requests.Select(r => r.OrganisationId).Concat(grants.Select(g => g.OrganisationId)).OfType<int>(),
            requests.Select(r => r.MunicipalityId).Concat(grants.Select(g => g.MunicipalityId)).OfType<int>(), ct);
        string Scope(int? o, int? m) => o is { } org ? orgs.GetValueOrDefault(org, "") : m is { } mun ? muns.GetValueOrDefault(mun, "") : "весь регион";
        Pending = [.. requests.Select(r => new RoleRow<RoleRequest>(r, people[r.AccountId], owners[r.AccountId].UserName!, Scope(r.OrganisationId, r.MunicipalityId)))];
        Granted = [.. grants.Select(g => new RoleRow<RoleGrant>(g, people[g.AccountId], owners[g.AccountId].UserName!, Scope(g.OrganisationId, g.MunicipalityId)))];
    }

    public Task<IActionResult> OnPostApproveAsync(int id, CancellationToken ct) => DecideAsync(id, approve: true, ct);

    public Task<IActionResult> OnPostRejectAsync(int id, CancellationToken ct) => DecideAsync(id, approve: false, ct);

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken ct)
    {
        var grant = await ScopedGrants(db.RoleGrants).FirstOrDefaultAsync(g => g.Id == id && g.RevokedAt == null, ct);
        if (grant is null)
            return NotFound();
        var me = KabinetClaims.AccountIdOf(User);
        if (grant.AccountId == me)
        {
            TempData["Status"] = "Свою роль отозвать нельзя — попросите другого администратора.";
            return RedirectToPage();
        }

        grant.Revoke(me, time.GetUtcNow().UtcDateTime);
        await notifications.NotifyAsync(grant.AccountId, NotificationKinds.RoleRequest, "Роль отозвана",
            $"Роль «{grant.Role.Title()}» у вашей учётной записи отозвана.", "/account/roles", ct);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = "Роль отозвана.";
        return RedirectToPage();
    }

    private async Task<IActionResult> DecideAsync(int id, bool approve, CancellationToken ct)
    {
        var request = await Scoped(db.RoleRequests).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null)
            return NotFound();
        if (request.Status != RoleRequestStatus.Pending)
        {
            TempData["Status"] = "По этому запросу уже принято решение.";
            return RedirectToPage();
        }

        if (!approve && string.IsNullOrWhiteSpace(Comment))
        {
            TempData["Status"] = "Напишите, почему отказано: заявитель увидит комментарий.";
            return RedirectToPage();
        }

        if (Comment?.Trim().Length > 1000)
        {
            TempData["Status"] = "Комментарий не длиннее 1000 символов — решение не принято, сократите его.";
            return RedirectToPage();
        }

        var now = time.GetUtcNow().UtcDateTime;
        var me = KabinetClaims.AccountIdOf(User);
        request.Decide(approve, me, string.IsNullOrWhiteSpace(Comment) ? null : Comment.Trim(), now);
        if (approve)
            db.RoleGrants.Add(RoleGrant.Create(request.AccountId, request.Role, now, request.OrganisationId, request.MunicipalityId, grantedById: me));
        await notifications.NotifyAsync(request.AccountId, NotificationKinds.RoleRequest,
            approve ? "Роль выдана" : "В роли отказано",
            approve
                ? $"Ваш запрос роли «{request.Role.Title()}» одобрен. Войдите заново или подождите минуту — новые разделы появятся в «Услугах»."
                : $"Ваш запрос роли «{request.Role.Title()}» отклонён.{(request.Comment is null ? "" : $" Комментарий: «{request.Comment}».")}",
            "/account/roles", ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Status"] = "По этому запросу уже принято решение.";
            return RedirectToPage();
        }

        TempData["Status"] = approve ? "Роль выдана." : "Запрос отклонён.";
        return RedirectToPage();
    }

    // A regional administrator decides on administrators and operators; an organisation's administrator on its teachers.
    private IQueryable<RoleRequest> Scoped(IQueryable<RoleRequest> requests)
    {
        var regional = User.IsInRole(nameof(PortalRole.RegionalAdmin));
        var organisations = KabinetClaims.OrganisationsOf(User, PortalRole.OrganisationAdmin);
        return requests.Where(r =>
            (regional && (r.Role == PortalRole.OrganisationAdmin || r.Role == PortalRole.MunicipalOperator))
            || (r.Role == PortalRole.Teacher && r.OrganisationId != null && organisations.Contains(r.OrganisationId.Value)));
    }

    private IQueryable<RoleGrant> ScopedGrants(IQueryable<RoleGrant> grants)
    {
        var regional = User.IsInRole(nameof(PortalRole.RegionalAdmin));
        var organisations = KabinetClaims.OrganisationsOf(User, PortalRole.OrganisationAdmin);
        return grants.Where(g =>
            (regional && (g.Role == PortalRole.OrganisationAdmin || g.Role == PortalRole.MunicipalOperator))
            || (g.Role == PortalRole.Teacher && g.OrganisationId != null && organisations.Contains(g.OrganisationId.Value)));
    }
}
