using Kabinet.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Accounts;

/// <summary>What other modules may ask about accounts: where to write to their owner.</summary>
public sealed class AccountDirectory(KabinetDbContext db)
{
    /// <summary>The account's e-mail when its owner has confirmed it; letters never go to an unconfirmed address.</summary>
    public Task<string?> ConfirmedEmailOfAsync(int accountId, CancellationToken ct) =>
        db.Users.Where(a => a.Id == accountId && a.EmailConfirmed).Select(a => a.Email).FirstOrDefaultAsync(ct);

    /// <summary>The account's e-mail and phone as its owner gave them (to prefill a form's contacts; not for sending).</summary>
    public async Task<(string? Email, string? Phone)> ContactsOfAsync(int accountId, CancellationToken ct) =>
        await db.Users.AsNoTracking().Where(a => a.Id == accountId).Select(a => new { a.Email, a.PhoneNumber }).FirstOrDefaultAsync(ct) is { } found
            ? (found.Email, found.PhoneNumber)
            : (null, null);

    /// <summary>The confirmed e-mail of each of these accounts that has one.</summary>
    public async Task<IReadOnlyDictionary<int, string>> ConfirmedEmailsOfAsync(IEnumerable<int> accountIds, CancellationToken ct) =>
        await ConfirmedEmails(accountIds).ToDictionaryAsync(a => a.Key, a => a.Value, ct);

    /// <summary><see cref="ConfirmedEmailsOfAsync"/> for a caller on its own thread that waits for the database (a writer loop).</summary>
    public IReadOnlyDictionary<int, string> ConfirmedEmailsOf(IEnumerable<int> accountIds) =>
        ConfirmedEmails(accountIds).ToDictionary(a => a.Key, a => a.Value);

    private IQueryable<KeyValuePair<int, string>> ConfirmedEmails(IEnumerable<int> accountIds)
    {
        var ids = accountIds.Distinct().ToList();
        return db.Users.Where(a => ids.Contains(a.Id) && a.EmailConfirmed && a.Email != null).Select(a => new KeyValuePair<int, string>(a.Id, a.Email!));
    }

    /// <summary>The person behind each account.</summary>
    public async Task<IReadOnlyDictionary<int, int>> PersonIdsAsync(IEnumerable<int> accountIds, CancellationToken ct)
    {
        var ids = accountIds.Distinct().ToList();
        return await db.Users.Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.PersonId }).ToDictionaryAsync(a => a.Id, a => a.PersonId, ct);
    }

    /// <summary>The account of each of these people who has one (a person has at most one account).</summary>
    public async Task<IReadOnlyDictionary<int, int>> AccountsOfPeopleAsync(IEnumerable<int> personIds, CancellationToken ct)
    {
        var ids = personIds.Distinct().ToList();
        return await db.Users.Where(a => ids.Contains(a.PersonId)).Select(a => new { a.Id, a.PersonId }).ToDictionaryAsync(a => a.PersonId, a => a.Id, ct);
    }

    /// <summary>The people who administer the organisation now (an active «администратор организации» role): who answers letters to the school's administration.</summary>
    public async Task<IReadOnlyList<int>> OrganisationAdminPeopleAsync(int organisationId, CancellationToken ct) =>
        await db.RoleGrants.AsNoTracking()
            .Where(g => g.OrganisationId == organisationId && g.Role == PortalRole.OrganisationAdmin && g.RevokedAt == null)
            .Join(db.Users, g => g.AccountId, a => a.Id, (g, a) => a.PersonId)
            .Distinct().ToListAsync(ct);
}
