using System.Security.Cryptography;
using Kabinet.Web.Common.Time;
using Kabinet.Web.Data;
using Kabinet.Web.Features.Families;
using Kabinet.Web.Features.Institutions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Accounts.Issuing;

public sealed record ClassMember(int PersonId, string FullName, string? Login);

/// <summary>
/// «Выдача логинов»: an organisation's administrator gives accounts to a class's students (and their
/// parents) or to the people of an uploaded CSV/XLSX list, and prints the sheet of logins and one-time
/// passwords. The sheet is shown once: passwords are not kept anywhere else.
/// </summary>
[Authorize(Roles = nameof(PortalRole.OrganisationAdmin))]
[RequestSizeLimit(2 * 1024 * 1024)]
public sealed class IssueAccountsPageModel(KabinetDbContext db, InstitutionDirectory institutions, FamilyDirectory families, IssueAccounts issue) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "organisation")]
    public int? OrganisationId { get; set; }

    [BindProperty(SupportsGet = true, Name = "class")]
    public int? ClassId { get; set; }

    [BindProperty]
    public List<int> Selected { get; set; } = [];

    [BindProperty]
    public bool WithParents { get; set; }

    public IReadOnlyList<NamedItem> Organisations { get; private set; } = [];

    public IReadOnlyList<NamedItem> Classes { get; private set; } = [];

    public IReadOnlyList<ClassMember> Members { get; private set; } = [];

    public IReadOnlyList<ListProblem> Problems { get; private set; } = [];

    public IReadOnlyList<IssuedCredential>? Sheet { get; private set; }

    public string OrganisationName => Organisations.FirstOrDefault(o => o.Id == OrganisationId)?.Name ?? "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostClassAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct) || ClassId is null)
            return NotFound();
        var members = Members.Where(m => Selected.Contains(m.PersonId)).ToList();
        if (members.Count == 0)
        {
            ModelState.AddModelError(nameof(Selected), "Отметьте хотя бы одного человека.");
            return Page();
        }

        // Kindergarten children (a group, negative id) get no account of their own: their parents do.
        var isGroup = ClassId < 0;
        var requests = isGroup ? [] : members.Select(m => new IssueRequest(m.PersonId, m.FullName, null, null, null, PortalRole.Student, null)).ToList();
        if (WithParents || isGroup)
        {
            var guardians = await families.GuardiansOfAsync(members.Select(m => m.PersonId), ct);
            var names = await families.NamesAsync(guardians.Select(g => g.GuardianId), ct);
            requests.AddRange(guardians.Select(g => g.GuardianId).Distinct()
                .Select(id => new IssueRequest(id, names[id], null, null, null, PortalRole.Parent, null)));
        }

        Sheet = (await issue.HandleAsync(OrganisationId!.Value, KabinetClaims.AccountIdOf(User), requests, file: null, ct)).Sheet;
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? list, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
            return NotFound();
        if (list is null || list.Length == 0)
        {
            ModelState.AddModelError("list", "Выберите файл CSV или XLSX.");
            return Page();
        }

        if (list.Length > PeopleList.MaxBytes)
        {
            ModelState.AddModelError("list", "Файл больше 1 МБ. Разбейте список на части.");
            return Page();
        }

        await using var stream = new MemoryStream();
        await list.CopyToAsync(stream, ct);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(stream.GetBuffer().AsSpan(0, (int)stream.Length)));
        stream.Position = 0;
        var (people, problems) = PeopleList.Read(stream, list.FileName);
        if (problems.Count > 0)
        {
            Problems = problems;
            ModelState.AddModelError("list", "В списке есть ошибки — никто не добавлен. Исправьте строки ниже и загрузите файл снова.");
            return Page();
        }

        var requests = people.Select(p => new IssueRequest(null, p.MiddleName is null ? $"{p.LastName} {p.FirstName}" : $"{p.LastName} {p.FirstName} {p.MiddleName}",
            p.LastName, p.FirstName, p.MiddleName, p.Role, p.Email)).ToList();
        var outcome = await issue.HandleAsync(OrganisationId!.Value, KabinetClaims.AccountIdOf(User), requests, new ListFile(sha256, Path.GetFileName(list.FileName)), ct);
        if (outcome.AlreadyIssued is { } earlier)
        {
            ModelState.AddModelError("list", $"Этот файл уже загружен {RegionTime.Display(earlier.IssuedAt)}: логины по нему выданы ({earlier.People} чел.), повторно они не выдаются. "
                + "Если лист с паролями потерян, люди восстановят пароль по ссылке «Забыли пароль?» (если указана почта) или через техническую поддержку.");
            return Page();
        }

        Sheet = outcome.Sheet;
        return Page();
    }

    // The administrator's organisations; the first one unless another is chosen. Another organisation's id is "not found".
    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var mine = KabinetClaims.OrganisationsOf(User, PortalRole.OrganisationAdmin);
        var (names, _) = await institutions.NamesAsync(mine, [], ct);
        Organisations = [.. names.Select(n => new NamedItem(n.Key, n.Value)).OrderBy(n => n.Name, StringComparer.Ordinal)];
        OrganisationId ??= Organisations.Count > 0 ? Organisations[0].Id : null;
        if (OrganisationId is not { } organisation || !mine.Contains(organisation))
            return false;
        Classes = await institutions.ClassesOfAsync(organisation, ct);
        if (ClassId is { } classId)
        {
            if (Classes.All(c => c.Id != classId))
                return false;
            var personIds = await institutions.MembersOfAsync(organisation, classId, ct);
            var people = await families.NamesAsync(personIds, ct);
            var logins = await db.Users.AsNoTracking().Where(a => personIds.Contains(a.PersonId)).ToDictionaryAsync(a => a.PersonId, a => a.UserName, ct);
            Members = [.. personIds.Select(id => new ClassMember(id, people[id], logins.GetValueOrDefault(id))).OrderBy(m => m.FullName, StringComparer.Ordinal)];
        }

        return true;
    }
}
