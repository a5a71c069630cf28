using System.ComponentModel.DataAnnotations;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Institutions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Accounts.Roles;

/// <summary>«Мои роли» and «Запрос роли»: the roles the account holds, its requests, and a new request.</summary>
public sealed class MyRolesModel(KabinetDbContext db, InstitutionDirectory institutions, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public PortalRole? Role { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? MunicipalityId { get; set; }

    [BindProperty]
    public int? OrganisationId { get; set; }

    [BindProperty]
    [StringLength(2000, ErrorMessage = "Текст запроса не длиннее 2000 символов.")]
    public string? Text { get; set; }

    public IReadOnlyList<RoleGrant> Grants { get; private set; } = [];

    public IReadOnlyList<RoleRequest> Requests { get; private set; } = [];

    public IReadOnlyList<NamedItem> Municipalities { get; private set; } = [];

    public IReadOnlyList<NamedItem> Organisations { get; private set; } = [];

    public IReadOnlyDictionary<int, string> OrganisationNames { get; private set; } = new Dictionary<int, string>();

    public IReadOnlyDictionary<int, string> MunicipalityNames { get; private set; } = new Dictionary<int, string>();

    public bool NeedsOrganisation => Role is PortalRole.Teacher or PortalRole.OrganisationAdmin;

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Role is not { } role || !RoleRequest.Requestable.Contains(role))
            ModelState.AddModelError(nameof(Role), "Выберите роль.");
        if (MunicipalityId is null)
            ModelState.AddModelError(nameof(MunicipalityId), "Выберите муниципалитет.");
        if (NeedsOrganisation && OrganisationId is null)
            ModelState.AddModelError(nameof(OrganisationId), "Выберите организацию.");
        if (string.IsNullOrWhiteSpace(Text))
            ModelState.AddModelError(nameof(Text), "Напишите, кем вы работаете и почему вам нужна роль.");

        var accountId = KabinetClaims.AccountIdOf(User);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SerializeAsync($"role-requests:{accountId}", ct); // a double click sends one request
        var organisationId = NeedsOrganisation ? OrganisationId : null;
        var municipalityId = Role == PortalRole.MunicipalOperator ? MunicipalityId : null;
        if (ModelState.IsValid && organisationId is { } org
            && !(await institutions.OrganisationsInAsync(MunicipalityId!.Value, ct)).Any(o => o.Id == org))
            ModelState.AddModelError(nameof(OrganisationId), "Выберите организацию из списка выбранного муниципалитета.");
        if (ModelState.IsValid && await db.RoleRequests.AnyAsync(r => r.AccountId == accountId && r.Role == Role && r.OrganisationId == organisationId && r.MunicipalityId == municipalityId && r.Status == RoleRequestStatus.Pending, ct))
            ModelState.AddModelError(string.Empty, "Такой запрос уже ждёт решения.");
        if (ModelState.IsValid && await db.RoleGrants.AnyAsync(g => g.AccountId == accountId && g.Role == Role && g.OrganisationId == organisationId && g.MunicipalityId == municipalityId && g.RevokedAt == null, ct))
            ModelState.AddModelError(string.Empty, "Эта роль у вас уже есть.");
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        db.RoleRequests.Add(new RoleRequest
        {
            AccountId = accountId,
            Role = Role!.Value,
            OrganisationId = organisationId,
            MunicipalityId = municipalityId,
            Text = Text!.Trim(),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        TempData["Status"] = Role == PortalRole.Teacher
            ? "Запрос отправлен администратору организации. О решении придёт уведомление."
            : "Запрос отправлен региональному администратору. О решении придёт уведомление.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var accountId = KabinetClaims.AccountIdOf(User);
        Grants = await db.RoleGrants.AsNoTracking().Where(g => g.AccountId == accountId && g.RevokedAt == null).OrderBy(g => g.GrantedAt).ToListAsync(ct);
        Requests = await db.RoleRequests.AsNoTracking().Where(r => r.AccountId == accountId).OrderByDescending(r => r.CreatedAt).Take(20).ToListAsync(ct);
        Municipalities = await institutions.MunicipalitiesAsync(ct);
        if (MunicipalityId is { } municipality && Municipalities.Any(m => m.Id == municipality))
            Organisations = await institutions.OrganisationsInAsync(municipality, ct);
        var names = await institutions.NamesAsync(
            Grants.Select(g => g.OrganisationId).Concat(Requests.Select(r => r.OrganisationId)).OfType<int>(),
            Grants.Select(g => g.MunicipalityId).Concat(Requests.Select(r => r.MunicipalityId)).OfType<int>(), ct);
        (OrganisationNames, MunicipalityNames) = names;
    }

    public string Scope(int? organisationId, int? municipalityId) =>
        organisationId is { } o && OrganisationNames.TryGetValue(o, out var org) ? org
        : municipalityId is { } m && MunicipalityNames.TryGetValue(m, out var mun) ? mun
        : "";
}
