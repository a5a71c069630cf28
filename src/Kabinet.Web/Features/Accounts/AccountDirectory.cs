using Kabinet.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Kabinet.Web.Features.Accounts;

/// <summary>What other modules may ask about accounts: where to write to their owner.</summary>
public sealed class AccountDirectory(KabinetDbContext db)
{
    public Task<string?> EmailOfAsync(int accountId, CancellationToken ct) =>
        db.Users.Where(a => a.Id == accountId).Select(a => a.Email).FirstOrDefaultAsync(ct);

    /// <summary>The person behind each account.</summary>
    public async Task<IReadOnlyDictionary<int, int>> PersonIdsAsync(IEnumerable<int> accountIds, CancellationToken ct)
    {
        var ids = accountIds.Distinct().ToList();
        return await db.Users.Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.PersonId, ct);
    }
}
